package chuan.model;

import java.util.List;

/**
 * One rule evaluated on one target (and, for column rules, one field). Violations are counted
 * exactly; {@code examples} keeps only the first few, in record order.
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
        List<Violation> examples) {

    public Result {
        examples = List.copyOf(examples);
    }

    public Result withStatus(Status newStatus, String newMessage) {
        return new Result(rule, title, severity, target, field, newStatus, violations, checked, newMessage, examples);
    }
}
