package chuan.config.check;

import java.util.List;
import java.util.Optional;

/**
 * The configuration formats a control can name. A daemon's format knows where its main file is
 * and how the daemon reads it; a file format ({@code properties}, {@code yaml}, ...) reads each
 * file the control's {@code paths} match, on its own.
 */
public enum ConfigFormat {
    SSHD("sshd", List.of("etc/ssh/sshd_config")),
    NGINX("nginx", List.of("etc/nginx/nginx.conf")),
    APACHE("apache", List.of("etc/apache2/apache2.conf", "etc/httpd/conf/httpd.conf")),
    LOGIN_DEFS("login.defs", List.of("etc/login.defs")),
    SYSCTL("sysctl", List.of("etc/sysctl.conf", "etc/sysctl.d")),
    PAM("pam", List.of()),
    JOURNALD("journald", List.of("etc/systemd/journald.conf")),
    LOGROTATE("logrotate", List.of("etc/logrotate.conf")),
    NTP("ntp", List.of("etc/chrony/chrony.conf", "etc/chrony.conf", "etc/systemd/timesyncd.conf", "etc/ntp.conf",
            "etc/ntpsec/ntp.conf")),
    SHELL("shell", List.of("etc/profile")),
    PROPERTIES("properties", List.of()),
    YAML("yaml", List.of()),
    JSON("json", List.of()),
    INI("ini", List.of()),
    ENV("env", List.of()),
    XML("xml", List.of()),
    LINES("lines", List.of()),
    SECRETS("secrets", List.of());

    private final String label;
    private final List<String> markers;

    ConfigFormat(String label, List<String> markers) {
        this.label = label;
        this.markers = markers;
    }

    public String label() {
        return label;
    }

    /**
     * Paths (relative to the system root) whose presence means the program is installed and
     * configured there; empty for formats read from the files a control names.
     */
    public List<String> markers() {
        return markers;
    }

    /**
     * Whether a key's value may be the secret itself (a file format: {@code db.password=...}), so a
     * password-named key's value is masked; a daemon's or PAM's keys are settings about passwords.
     */
    public boolean holdsSecrets() {
        return readsNamedFiles() && this != PAM;
    }

    /** Whether the control's own {@code paths} say which files to read. */
    public boolean readsNamedFiles() {
        return markers.isEmpty();
    }

    public static Optional<ConfigFormat> fromLabel(String label) {
        for (ConfigFormat f : values()) {
            if (f.label.equals(label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
