package chuan.config;

import chuan.model.Masking;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code chuan effective} was asked: the root, the keys ({@code --key}; empty for all), the
 * file a file format reads ({@code --file}, null when not given), the PAM service, the connection
 * ({@code --match}, null when not given), the versions the user assumes, and whether secrets are
 * shown. It also writes a setting the way every view shows it, masked as the reports mask it.
 */
public record EffectiveRequest(SystemRoot root, List<String> keys, String file, String service, String connection,
                               Map<String, String> assumedVersions, boolean reveal) {

    /** An option's value the view cannot answer for, said in one line. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    public EffectiveRequest {
        keys = List.copyOf(keys);
        assumedVersions = Collections.unmodifiableMap(new LinkedHashMap<>(assumedVersions));
    }

    /** The program versions whose defaults apply: those assumed, else those of the root's package database. */
    public InstalledVersions versions() {
        return InstalledVersions.read(root, assumedVersions);
    }

    /** The settings asked for: all of them without {@code --key}, else those of the keys asked ({@code a/b} is {@code a.b}). */
    public List<EffectiveSetting> selected(List<EffectiveSetting> all) {
        return keys.isEmpty() ? all : all.stream().filter(s -> keys.stream().anyMatch(k -> s.key().equalsIgnoreCase(k.replace('/', '.'))))
                .toList();
    }

    /** A daemon's setting: its keys are settings (PasswordAuthentication), never the secret itself. */
    public String line(EffectiveSetting s) {
        return line(s, false);
    }

    /** A setting with its origin and the values that lost to it, each masked as the reports mask it. */
    public String line(EffectiveSetting s, boolean secret) {
        StringBuilder b = new StringBuilder(s.key()).append(' ').append(s.value() == null ? "(not set)" : shown(s.value(), secret))
                .append("    # ").append(s.origin());
        for (Directive d : s.ignored()) {
            b.append("; not used: ").append(shown(d.value(), secret)).append(" at ").append(d.origin());
        }
        return b.toString();
    }

    /** A value as shown: a secret hidden whole, the password of a connection URL hidden, unless revealed. */
    public String shown(String value, boolean secret) {
        if (reveal || value == null) {
            return value;
        }
        return secret ? Masking.secret(value) : Masking.urlPasswords(value);
    }
}
