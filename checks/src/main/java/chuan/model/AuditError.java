package chuan.model;

/**
 * Something that stopped an input or a configuration from being used: kept apart from results so
 * that a file that could not be read never looks like a clean one.
 */
public record AuditError(Kind kind, String path, Long line, Long column, String message) {

    public enum Kind {
        /** An input could not be audited (unreadable, undecodable, malformed). */
        PROCESSING,
        /** A profile, plan or option is wrong. */
        CONFIGURATION;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code path:line:col: message}, the one-line form used on the console. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        if (path != null) {
            sb.append(path);
            if (line != null) {
                sb.append(':').append(line);
                if (column != null) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        return sb.append(message).toString();
    }
}
