package chuan.profile;

import chuan.model.Severity;

/**
 * A rule over the fields of one record, in CEL: {@code expect} must hold for every record where
 * {@code when} holds (null: every record). {@code id} is the rule's id in reports: the profile's own
 * (with its {@code title} and {@code severity}), or a catalogue rule's (DATA-REQUIRED-IF, whose metadata
 * the catalogue gives; title and severity null). {@code column} is the column a finding is reported on (a
 * column's {@code required-if}), null for a rule about the whole record. Both expressions are compiled
 * and type-checked when the profile loads.
 */
public record RowRuleSpec(String id, String title, Severity severity, String column, Expression when, Expression expect) {

    /** An expression as written, and compiled against the profile's columns. */
    public record Expression(String text, RowEnvironment.Compiled compiled) {
    }

    /** Whether the catalogue, not the profile, describes the rule. */
    public boolean catalogued() {
        return title == null;
    }
}
