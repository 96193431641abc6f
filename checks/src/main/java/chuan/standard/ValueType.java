package chuan.standard;

import java.util.List;

/**
 * A value type contributed by a standards pack (for example {@code vn.personal-id}), compiled for
 * one column of one scan. Its check runs where a column's type check runs; it may report any of
 * its own rules, named by index into {@link #ruleIds()}. Implementations are immutable and used
 * by several threads at once.
 */
public interface ValueType {

    /** Answer of {@link #check} for a valid value. */
    int OK = -1;

    String name();

    /** The rules this type reports, in the order its checks run. */
    List<String> ruleIds();

    /** Whether values of this type are personal data, masked in reports. */
    boolean personal();

    /**
     * Checks a non-empty value. {@code recordDay} is the epoch day of the record's own date (from
     * the column named by {@code as-of-column}), or {@link Long#MIN_VALUE} to use the audit's date.
     */
    int check(CharSequence value, long recordDay);

    /** What the rule at {@code code} expects, in an auditor's words. */
    String expected(int code);

    /** Why this value broke the rule: only called for the examples a report keeps. */
    String message(int code, CharSequence value, long recordDay);

    /**
     * The date on which this column's rules must be in force for their results to count: the audit
     * date, unless the column is pinned to a code list of another period, whose dates then apply to
     * every rule of the column alike.
     */
    default java.time.LocalDate rulesInForceOn(java.time.LocalDate asOf) {
        return asOf;
    }

    /** Checks against other columns of the same record, named by column options. */
    default List<SiblingRule> siblingRules() {
        return List.of();
    }

    /**
     * A rule between this column's value and a sibling column's, evaluated only when both cells
     * passed their own checks, and reported on the sibling.
     */
    interface SiblingRule {
        /** The column option naming the sibling: {@code birth-date}, {@code gender}, {@code province}. */
        String option();

        String ruleId();

        /**
         * Whether the two agree. {@code siblingDay} is the sibling's value as an epoch day when the
         * sibling is a date column, else {@link Long#MIN_VALUE}; {@code recordDay} is the record's
         * date for this column, as in {@link ValueType#check}.
         */
        boolean agrees(CharSequence value, CharSequence sibling, long siblingDay, long recordDay);

        /** What the sibling should be, given this value and the record's date (for the report). */
        String expected(CharSequence value, long recordDay);
    }
}
