package chuan.gate;

/** The process exit codes, one meaning each. When several apply, the highest wins. */
public enum ExitCode {
    PASSED(0, "the gate passed: no failing result at or above --fail-on"),
    GATE_FAILED(1, "the gate failed: at least one failing result at or above --fail-on"),
    USAGE(2, "usage or configuration error: bad flags, invalid profile, nothing to audit"),
    INPUT_ERROR(3, "an input could not be audited: unreadable, undecodable or malformed"),
    INTERNAL(4, "internal error: a bug in chuan; run again with --debug and report it"),
    CANCELLED(130, "cancelled: Ctrl-C during a command in chuan shell");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public ExitCode max(ExitCode other) {
        return other.code > code ? other : this;
    }
}
