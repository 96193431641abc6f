package chuan.model;

import java.util.List;

/**
 * One rule evaluated on one target (and, for column rules, one field). Violations are counted
 * exactly; {@code examples} keeps only the first few, in record order. {@code waiver} is set on
 * a waived result; {@code newViolations} when the scan was compared with a baseline.
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
        Long newViolations) {

    public Result {
        examples = List.copyOf(examples);
    }

    public Result(String rule, String title, Severity severity, String target, String field, Status status,
                  long violations, long checked, String message, List<Violation> examples) {
        this(rule, title, severity, target, field, status, violations, checked, message, examples, null, null);
    }

    public Result withStatus(Status newStatus, String newMessage) {
        return new Result(rule, title, severity, target, field, newStatus, violations, checked, newMessage, examples, waiver,
                newViolations);
    }

    /** The same result, waived: its evidence stays, it no longer fails the gate. */
    public Result waived(Waiver w) {
        return new Result(rule, title, severity, target, field, Status.WAIVED, violations, checked, message, examples, w,
                newViolations);
    }

    /** The same result compared with a baseline: how many violations are new, and the examples marked. */
    public Result againstBaseline(long fresh, List<Violation> marked) {
        return new Result(rule, title, severity, target, field, status, violations, checked, message, marked, waiver, fresh);
    }

    /** Whether this result fails the gate at the threshold: failing, and with a baseline, with new violations. */
    public boolean failsAt(chuan.model.Severity threshold) {
        return status == Status.FAIL && threshold != null && severity.atLeast(threshold)
                && (newViolations == null || newViolations > 0);
    }
}
