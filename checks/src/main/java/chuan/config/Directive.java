package chuan.config;

/** One directive as written: its keyword as spelled, its value, and the system file and line that hold it. */
public record Directive(String keyword, String value, String file, int line) {

    /** {@code /etc/ssh/sshd_config:12}. */
    public String origin() {
        return file + ":" + line;
    }
}
