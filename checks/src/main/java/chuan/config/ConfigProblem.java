package chuan.config;

/** Something that kept part of a configuration from being read (a missing include, an unreadable file, a loop). */
public record ConfigProblem(String file, int line, String message) {

    public String oneLine() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
