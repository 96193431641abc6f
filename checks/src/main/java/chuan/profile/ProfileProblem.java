package chuan.profile;

/** One thing wrong with a profile, at a place in its file. */
public record ProfileProblem(String file, long line, long column, String message) {

    /** Where the problem is; a problem of the whole file has no line. */
    public chuan.model.Location location() {
        return line > 0 ? chuan.model.Location.inFile(file, line, column) : chuan.model.Location.inFile(file, null, null);
    }

    public String oneLine() {
        return location().oneLine(message);
    }
}
