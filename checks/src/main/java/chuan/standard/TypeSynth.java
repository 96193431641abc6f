package chuan.standard;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * How {@code chuan synth} makes values of one pack type: valid ones that agree with their row's
 * linked columns, and defective ones that break exactly one rule.
 */
public interface TypeSynth {

    /**
     * One way to break a value, the rule a scan reports it under, and the link whose column the
     * finding is reported at (null: this column; a disagreement with a sibling is reported there).
     */
    record Defect(String name, String rule, String reportedAtLink) {
        public Defect(String name, String rule) {
            this(name, rule, null);
        }
    }

    /** What a value is made from: the audit date, the column's scheme, and its linked columns' values in this row. */
    interface Row {
        LocalDate asOf();

        /** The column's {@code scheme:}, or null. */
        String scheme();

        /** Whether the column links {@code option} to another column. */
        boolean linked(String option);

        /** The linked column's value in this row (null when not linked). */
        String text(String option);

        /** The linked column's typed value (a {@link LocalDate} for a date column), or null. */
        Object typed(String option);
    }

    /** The defects this type can carry without disturbing another cell, given the options linked. */
    List<Defect> defects(Set<String> linked);

    /** A valid value for this row; null for plain text, which the generator makes within the column's length. */
    String valid(Random r, Row row);

    /** A value made from {@code clean} that breaks exactly {@code defect}. */
    String defective(String defect, Random r, String clean, Row row);

    /**
     * Links this type takes from another column of the profile when it has none of its own (a name
     * follows the sex column a personal ID is checked against).
     */
    default Set<String> borrowedLinks() {
        return Set.of();
    }
}
