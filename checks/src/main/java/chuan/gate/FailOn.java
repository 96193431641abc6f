package chuan.gate;

import chuan.model.Severity;
import java.util.Optional;

/** The gate's threshold: the lowest severity that fails the gate, or never. */
public record FailOn(Severity threshold) {

    public static final FailOn NEVER = new FailOn(null);

    public static Optional<FailOn> parse(String text) {
        if ("never".equalsIgnoreCase(text == null ? "" : text.trim())) {
            return Optional.of(NEVER);
        }
        return Severity.parse(text).map(FailOn::new);
    }

    public boolean fails(Severity s) {
        return threshold != null && s.atLeast(threshold);
    }

    public String label() {
        return threshold == null ? "never" : threshold.label();
    }
}
