package chuan.profile;

import chuan.model.Severity;
import java.util.List;

/**
 * A rule over the fields of one record, written in CEL: {@code expect} must hold for every record where
 * {@code when} holds (null: every record). {@code column} is the column a finding is reported on (a
 * column's {@code required-if}), null for a rule about the whole record; {@code at} is where the
 * expression starts in the profile, for errors at line:column.
 */
public record RowRuleSpec(String id, String title, Severity severity, String when, String expect, String column,
                          SourcePosition whenAt, SourcePosition expectAt) {

    /** The rule id as reported: the profile's own id under a prefix that cannot collide with built-in rules. */
    public String ruleId() {
        return "ROW-" + id;
    }

    static List<RowRuleSpec> none() {
        return List.of();
    }
}
