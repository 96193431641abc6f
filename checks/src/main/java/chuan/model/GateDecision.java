package chuan.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the gate decided: the audit passed (exit 0) or failed (any other exit code). */
public enum GateDecision {
    PASSED, FAILED;

    /** As reports write it: {@code passed}, {@code failed}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
