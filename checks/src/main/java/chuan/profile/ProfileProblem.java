package chuan.profile;

/** One thing wrong with a profile, at a place in its file. */
public record ProfileProblem(String file, long line, long column, String message) {

    public String oneLine() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
