package chuan.model;

/** The outcome of one rule on one target. */
public enum Status {
    FAIL("fail"), ERROR("error"), WARN("warn"), WAIVED("waived"), PASS("pass"), NOT_APPLICABLE("not-applicable");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    public static Status fromLabel(String label) {
        for (Status s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + label);
    }
}
