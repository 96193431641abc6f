package chuan.model;

import java.util.List;

/**
 * One rule evaluated on one target (and, for column rules, one field). Violations are counted
 * exactly; {@code examples} keeps only the first few, in record order. {@code waiver} is set on
 * a waived result.
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
        Waiver waiver) {

    public Result {
        examples = List.copyOf(examples);
    }

    public Result(String rule, String title, Severity severity, String target, String field, Status status,
                  long violations, long checked, String message, List<Violation> examples) {
        this(rule, title, severity, target, field, status, violations, checked, message, examples, null);
    }

    public Result withStatus(Status newStatus, String newMessage) {
        return new Result(rule, title, severity, target, field, newStatus, violations, checked, newMessage, examples, waiver);
    }

    /** The same result, waived: its evidence stays, it no longer fails the gate. */
    public Result waived(Waiver w) {
        return new Result(rule, title, severity, target, field, Status.WAIVED, violations, checked, message, examples, w);
    }
}
