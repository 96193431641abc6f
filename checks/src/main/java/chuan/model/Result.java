package chuan.model;

import java.util.List;

/**
 * One rule evaluated on one target (and, for column rules, one field). Violations are counted
 * exactly; {@code examples} keeps only the first few, in record order. {@code waiver} is set on
 * a waived result; {@code newViolations} when the scan was compared with a baseline; {@code metric}, for
 * a dataset metric, what it measured (null for every other rule).
 */
public record Result(
        String rule,
        String title,
        Severity severity,
        String target,
        String field,
        Status status,
        long violations,
        long checked,
        String message,
        List<Violation> examples,
        Waiver waiver,
        Long newViolations,
        Measurement metric) {

    public Result {
        examples = List.copyOf(examples);
    }

    /** A result of the rule {@code rule} ({@code title}, at {@code severity}), built by naming its parts. */
    public static Builder of(String rule, String title, Severity severity) {
        return new Builder(rule, title, severity);
    }

    /** Names the parts of a {@link Result}: where, how it ended, what was counted, why, the examples. */
    public static final class Builder {
        private final String rule;
        private final String title;
        private final Severity severity;
        private String target;
        private String field;
        private Status status;
        private long violations;
        private long checked;
        private String message;
        private List<Violation> examples = List.of();
        private Measurement metric;

        private Builder(String rule, String title, Severity severity) {
            this.rule = rule;
            this.title = title;
            this.severity = severity;
        }

        /** The target as reports name it, and the field (a column, a key) or null for the whole target. */
        public Builder on(String target, String field) {
            this.target = target;
            this.field = field;
            return this;
        }

        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        /** How many violations were found among how many values (records, scopes) checked. */
        public Builder counted(long violations, long checked) {
            this.violations = violations;
            this.checked = checked;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** The examples kept, in record order. */
        public Builder examples(List<Violation> examples) {
            this.examples = examples;
            return this;
        }

        /** What a dataset metric measured. */
        public Builder metric(Measurement measured) {
            this.metric = measured;
            return this;
        }

        public Result build() {
            return new Result(rule, title, severity, target, field, status, violations, checked, message, examples, null, null, metric);
        }
    }

    public Result withStatus(Status newStatus, String newMessage) {
        return new Result(rule, title, severity, target, field, newStatus, violations, checked, newMessage, examples, waiver,
                newViolations, metric);
    }

    /** The same result, waived: its evidence stays, it no longer fails the gate. */
    public Result waived(Waiver w) {
        return new Result(rule, title, severity, target, field, Status.WAIVED, violations, checked, message, examples, w,
                newViolations, metric);
    }

    /** The same result compared with a baseline: how many violations are new, and the examples marked. */
    public Result againstBaseline(long fresh, List<Violation> marked) {
        return new Result(rule, title, severity, target, field, status, violations, checked, message, marked, waiver, fresh, metric);
    }

    /** Whether this result fails the gate at the threshold: failing, and with a baseline, with new violations. */
    public boolean failsAt(chuan.model.Severity threshold) {
        return status == Status.FAIL && threshold != null && severity.atLeast(threshold)
                && (newViolations == null || newViolations > 0);
    }
}
