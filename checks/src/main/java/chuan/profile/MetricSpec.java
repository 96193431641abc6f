package chuan.profile;

import chuan.model.Severity;
import java.util.List;

/**
 * A dataset-level check: a metric, optionally of one column, with warn and fail thresholds.
 * {@code q} is a quantile's fraction (0 to 1); {@code value} the value whose share is measured
 * ({@code value-share}; null: each of the column's enum values); {@code groups} the groups expected
 * ({@code rows-per-group}; empty: the reference list {@code groupsFrom} names, else the column's enum, else
 * the values found). {@code changes} are limits
 * on the change since a previous report ({@code change}, {@code rise}, {@code fall}; empty: none).
 */
public record MetricSpec(Metric metric, String column, Threshold warn, Threshold fail, Severity severity,
                         Double q, String value, List<String> groups, List<Change> changes, String groupsFrom) {

    public MetricSpec {
        groups = groups == null ? List.of() : List.copyOf(groups);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public MetricSpec(Metric metric, String column, Threshold warn, Threshold fail, Severity severity, Double q, String value,
                      List<String> groups, List<Change> changes) {
        this(metric, column, warn, fail, severity, q, value, groups, changes, null);
    }

    public MetricSpec(Metric metric, String column, Threshold warn, Threshold fail, Severity severity) {
        this(metric, column, warn, fail, severity, null, null, List.of(), List.of());
    }

    /** What identifies this check's measurement from one report to the next: metric, column, fraction, value. */
    public String key() {
        return metric.label() + (column == null ? "" : " of " + column) + (q == null ? "" : " q=" + Threshold.number(q))
                + (value == null ? "" : " = " + value);
    }

    /**
     * A limit on how far a metric may move since the previous report: {@code change} either way,
     * {@code rise} upwards, {@code fall} downwards; the amount is absolute, or a percentage of the
     * previous value when {@code percent}.
     */
    public record Change(Direction direction, Threshold.Op op, double amount, boolean percent) {

        private static final java.util.regex.Pattern FORM =
                java.util.regex.Pattern.compile("^\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(%?)\\s*$");

        public enum Direction {
            CHANGE("change"), RISE("rise"), FALL("fall");

            private final String key;

            Direction(String key) {
                this.key = key;
            }

            public String key() {
                return key;
            }
        }

        /** Parses {@code "> 20%"} or {@code "> 0.05"}; null when the text does not have the form. */
        public static Change parse(Direction direction, String text) {
            java.util.regex.Matcher m = FORM.matcher(text);
            if (!m.matches()) {
                return null;
            }
            for (Threshold.Op op : Threshold.Op.values()) {
                if (op.symbol().equals(m.group(1))) {
                    return new Change(direction, op, Double.parseDouble(m.group(2)), !m.group(3).isEmpty());
                }
            }
            return null;
        }

        /** The amount moved in this limit's direction: the difference, or its percentage of {@code previous}. */
        public double moved(double previous, double current) {
            double d = current - previous;
            double signed = direction == Direction.FALL ? -d : d;
            double amount = direction == Direction.CHANGE ? Math.abs(d) : signed;
            if (!percent) {
                return amount;
            }
            if (previous == 0) {
                return d == 0 ? 0 : direction == Direction.CHANGE || signed > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            return amount / Math.abs(previous) * 100;
        }

        public boolean breachedBy(double moved) {
            return new Threshold(op, amount).breachedBy(moved);
        }

        public String display() {
            return direction.key + " " + op.symbol() + " " + Threshold.number(amount) + (percent ? "%" : "");
        }
    }

    public enum Metric {
        COMPLETENESS("completeness", "DATA-COMPLETENESS"),
        ROW_COUNT("row-count", "DATA-ROW-COUNT"),
        DUPLICATE_ROWS("duplicate-rows", "DATA-DUPLICATE-ROWS"),
        FRESHNESS("freshness", "DATA-FRESHNESS"),
        MIN("min", "DATA-MIN"),
        MAX("max", "DATA-MAX"),
        MEAN("mean", "DATA-MEAN"),
        STDDEV("stddev", "DATA-STDDEV"),
        QUANTILE("quantile", "DATA-QUANTILE"),
        DISTINCT_COUNT("distinct-count", "DATA-DISTINCT-COUNT"),
        VALUE_SHARE("value-share", "DATA-VALUE-SHARE"),
        ROWS_PER_GROUP("rows-per-group", "DATA-ROWS-PER-GROUP");

        private final String label;
        private final String ruleId;

        Metric(String label, String ruleId) {
            this.label = label;
            this.ruleId = ruleId;
        }

        public String label() {
            return label;
        }

        public String ruleId() {
            return ruleId;
        }

        /** Whether the metric is about one column (and needs {@code column}). */
        public boolean ofColumn() {
            return this != ROW_COUNT && this != DUPLICATE_ROWS;
        }

        /** Whether the metric measures the column's values as numbers or dates (min, max, mean, stddev, quantile, freshness). */
        public boolean numeric() {
            return this == FRESHNESS || this == MIN || this == MAX || this == MEAN || this == STDDEV || this == QUANTILE;
        }

        /** Whether the metric's value is one of the column's values (a date for a date column). */
        public boolean valueOfColumn() {
            return this == MIN || this == MAX || this == MEAN || this == QUANTILE;
        }

        public static Metric fromLabel(String label) {
            for (Metric m : values()) {
                if (m.label.equals(label)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(label);
        }
    }
}
