package chuan.config;

import java.util.List;

/**
 * The value a daemon uses for one key: where it came from ({@code null} {@code from} means the
 * compiled-in default applies), and the other directives for the same key that lost to it
 * (read after it and ignored, as in sshd, or overridden by it, as in sysctl).
 */
public record EffectiveSetting(String key, String value, Directive from, List<Directive> ignored) {

    public EffectiveSetting {
        ignored = List.copyOf(ignored);
    }

    public boolean isDefault() {
        return from == null;
    }

    /** {@code /etc/ssh/sshd_config.d/50-cloud-init.conf:1}, or {@code compiled-in default}. */
    public String origin() {
        return from == null ? "compiled-in default" : from.origin();
    }
}
