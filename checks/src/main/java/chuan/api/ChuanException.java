package chuan.api;

import chuan.gate.ExitCode;
import chuan.profile.ProfileProblem;
import java.util.List;

/**
 * A request the library refuses or an input it cannot use, said in one or more lines and with the
 * exit code it means (2 for a bad option, profile or waiver; 3 for an input that cannot be read).
 * The lines carry no program prefix: the caller adds its own.
 */
public final class ChuanException extends Exception {

    private final transient ExitCode exitCode;
    private final List<String> lines;

    public ChuanException(ExitCode exitCode, List<String> lines) {
        super(lines.isEmpty() ? exitCode.meaning() : lines.get(0));
        if (exitCode == ExitCode.PASSED || exitCode == ExitCode.GATE_FAILED) {
            throw new IllegalArgumentException("not a failure: " + exitCode);
        }
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    /** A bad option, profile or other request (exit 2), in one line. */
    public static ChuanException usage(String line) {
        return new ChuanException(ExitCode.USAGE, List.of(line));
    }

    /** An input that could not be read (exit 3), in one line. */
    public static ChuanException input(String line) {
        return new ChuanException(ExitCode.INPUT_ERROR, List.of(line));
    }

    /** Profile problems (exit 2), one line each, each line after {@code prefix}. */
    static ChuanException problems(String prefix, List<ProfileProblem> problems) {
        return new ChuanException(ExitCode.USAGE, problems.stream().map(p -> prefix + p.oneLine()).toList());
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What to tell the user, one line each. */
    public List<String> lines() {
        return lines;
    }
}
