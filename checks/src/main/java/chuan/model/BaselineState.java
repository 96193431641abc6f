package chuan.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a violation was in the baseline the scan compared against (SARIF's baselineState values). */
public enum BaselineState {
    NEW, UNCHANGED;

    /** As reports write it: {@code new}, {@code unchanged}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
