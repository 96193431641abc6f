package chuan.config;

/**
 * Something that kept part of a configuration from being read. {@code malformed} problems are
 * syntax the daemon itself would refuse (a missing {@code ;}, an unclosed block) or a file that
 * exists but cannot be read: the configuration could not be audited faithfully, an input error. The others (a missing include, a loop) are
 * reported and the rest of the configuration is still read, as the daemon would.
 */
public record ConfigProblem(String file, int line, String message, boolean malformed) {

    public ConfigProblem(String file, int line, String message) {
        this(file, line, message, false);
    }

    public static ConfigProblem malformed(String file, int line, String message) {
        return new ConfigProblem(file, line, message, true);
    }

    /** A file that is there but could not be read (permissions, I/O): never audited as if empty. */
    public static ConfigProblem unreadable(String file, String message) {
        return new ConfigProblem(file, 0, message, true);
    }

    /**
     * A folder or file the program would read that could not be read here (an unreadable drop-in
     * folder, an invalid glob, a FIFO), at the line that names it: what it holds could change any
     * setting, so the configuration was not audited faithfully.
     */
    public static ConfigProblem unreadable(String file, int line, String message) {
        return new ConfigProblem(file, line, message, true);
    }

    /** Where the problem is; a problem of the whole file has no line. */
    public chuan.model.Location location() {
        return chuan.model.Location.inFile(file, line > 0 ? (long) line : null, null);
    }

    public String oneLine() {
        return location().oneLine(message);
    }
}
