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

    /** Where the error is: the file, line and column. */
    public Location location() {
        return Location.inFile(path, line, column);
    }

    /** {@code path:line:col: message}, the one-line form used on the console. */
    public String oneLine() {
        return location().oneLine(message);
    }
}
