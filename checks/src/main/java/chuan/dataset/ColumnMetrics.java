package chuan.dataset;

import chuan.model.Masking;
import chuan.model.Measurement;
import chuan.model.Result;
import chuan.model.Rule;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.ColumnType;
import chuan.profile.MetricSpec;
import chuan.profile.Threshold;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of the metrics measured on one column's values (freshness, min, max, mean, stddev, quantile,
 * distinct-count, value-share, rows-per-group) from the merged {@link ColumnMeasure}s. A value of a
 * personal column is never shown: such a metric's value is masked and left out of the report's numbers
 * (its thresholds are still judged).
 */
final class ColumnMetrics {

    private final ScanPlan plan;
    private final Tally total;
    private final ScanOptions options;
    private final String target;

    ColumnMetrics(ScanPlan plan, Tally total, ScanOptions options, String target) {
        this.plan = plan;
        this.total = total;
        this.options = options;
        this.target = target;
    }

    /** The result of check {@code m} (a column metric other than completeness), before the incomplete-read note. */
    Result.Builder result(MetricSpec m, Rule rule, Severity severity) {
        int c = MeasurePlan.index(plan, m.column());
        String field = c < 0 ? m.column() : plan.fieldName(c);
        Result.Builder r = Result.of(rule.id(), rule.title(), severity).on(target, field);
        if (c < 0 || plan.fileIndex[c] < 0) {
            return r.status(Status.NOT_APPLICABLE).message("column '" + m.column() + "' is not in the file");
        }
        ColumnMeasure cm = total.measures == null ? null : total.measures[c];
        CompiledColumn col = plan.columns[c];
        boolean hidden = col.spec.personal() && !options.revealPersonalData();
        return switch (m.metric()) {
            case DISTINCT_COUNT -> distinct(r, m, cm, c);
            case VALUE_SHARE -> m.value() != null ? share(r, m, cm, c, hidden) : shares(r, m, cm, c, hidden);
            case ROWS_PER_GROUP -> groups(r, m, cm, c, hidden);
            default -> values(r, m, cm, col, hidden);
        };
    }

    private Measurement measurement(MetricSpec m, Double measured, String shown, Map<String, Double> values, Boolean estimated) {
        return new Measurement(plan.profile.id(), m.metric().label(), m.column(), m.q(), m.value(), measured, shown, values,
                m.warn() == null ? null : m.warn().display(), m.fail() == null ? null : m.fail().display(), estimated,
                null, null, null);
    }

    /** Freshness, min, max, mean, stddev, quantile: of the values of the column's type. */
    private Result.Builder values(Result.Builder r, MetricSpec m, ColumnMeasure cm, CompiledColumn col, boolean hidden) {
        if (cm == null || cm.n == 0) {
            return r.status(Status.NOT_APPLICABLE).message("no " + col.spec.type().label() + " value to measure");
        }
        ColumnType type = col.spec.type();
        double v;
        String shown;
        Boolean estimated = null;
        switch (m.metric()) {
            case FRESHNESS -> {
                long newest = type == ColumnType.DATETIME ? Math.floorDiv((long) cm.max, 86_400L) : (long) cm.max;
                v = options.asOf().toEpochDay() - newest;
                shown = (long) v + " days old (newest " + asText(cm.max, type) + ", as of " + options.asOf() + ")";
            }
            case STDDEV -> {
                double sd = cm.n < 2 ? 0 : Math.sqrt(cm.m2 / (cm.n - 1));
                v = round(type == ColumnType.DATETIME ? sd / 86_400 : sd);
                shown = number(v) + (type.temporal() ? " days" : "");
            }
            default -> {
                if (m.metric() == MetricSpec.Metric.QUANTILE) {
                    double[] sorted = cm.sample.sorted();
                    int rank = (int) Math.max(1, Math.ceil(m.q() * sorted.length));
                    v = sorted[rank - 1];
                    estimated = cm.sample.exact() ? null : Boolean.TRUE;
                } else {
                    v = m.metric() == MetricSpec.Metric.MIN ? cm.min : m.metric() == MetricSpec.Metric.MAX ? cm.max : round(cm.mean);
                }
                shown = type.temporal() ? asText(v, type) : number(v);
            }
        }
        Status status = judge(m, v);
        boolean showsValue = m.metric().valueOfColumn() || m.metric() == MetricSpec.Metric.FRESHNESS;
        if (hidden && showsValue) {
            shown = Masking.mask(shown);
        }
        String what = m.metric() == MetricSpec.Metric.QUANTILE ? "quantile " + Threshold.number(m.q()) : m.metric().label();
        String message = what + " of " + m.column() + " is " + shown + " over " + cm.n + " values"
                + (estimated != null ? " (estimated from a sample of " + cm.sample.size + " records)" : "") + thresholds(m);
        return r.status(status).counted(status == Status.PASS ? 0 : 1, cm.n).message(message)
                .metric(measurement(m, hidden && showsValue ? null : v, shown, null, estimated));
    }

    private Result.Builder distinct(Result.Builder r, MetricSpec m, ColumnMeasure cm, int c) {
        long filled = total.nonEmpty[c];
        if (cm == null) {
            return r.status(Status.NOT_APPLICABLE).message("no value to measure");
        }
        long n = cm.distinctCount();
        boolean exact = cm.distinctExact();
        Status status = judge(m, n);
        String message = "distinct-count of " + m.column() + " is " + (exact ? "" : "about ") + n + " among " + filled + " values"
                + (exact ? "" : " (estimated: more than " + ColumnMeasure.DISTINCT_LIMIT + " distinct values; standard error 0.81%)")
                + thresholds(m);
        return r.status(status).counted(status == Status.PASS ? 0 : 1, filled).message(message)
                .metric(measurement(m, (double) n, String.valueOf(n), null, exact ? null : Boolean.TRUE));
    }

    private Result.Builder share(Result.Builder r, MetricSpec m, ColumnMeasure cm, int c, boolean hidden) {
        long filled = total.nonEmpty[c];
        if (cm == null || filled == 0) {
            return r.status(Status.NOT_APPLICABLE).message("no value to measure");
        }
        long count = cm.counts.count(m.value());
        double share = round((double) count / filled);
        Status status = judge(m, share);
        String named = hidden ? Masking.mask(m.value()) : m.value();
        String message = "share of \"" + named + "\" in " + m.column() + " is " + share(share) + " (" + count + " of " + filled
                + " values)" + thresholds(m);
        return r.status(status).counted(status == Status.PASS ? 0 : 1, filled).message(message)
                .metric(measurement(m, share, share(share), null, null));
    }

    /** The share of each enum value: one example per value that breaches a threshold. */
    private Result.Builder shares(Result.Builder r, MetricSpec m, ColumnMeasure cm, int c, boolean hidden) {
        long filled = total.nonEmpty[c];
        if (cm == null || filled == 0) {
            return r.status(Status.NOT_APPLICABLE).message("no value to measure");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<Violation> examples = new ArrayList<>();
        Status worst = Status.PASS;
        long breaching = 0;
        double lowest = Double.POSITIVE_INFINITY;
        List<String> enumValues = plan.columns[c].spec.enumValues();
        for (String value : enumValues) {
            long count = cm.counts.count(value);
            double share = round((double) count / filled);
            values.put(hidden ? Masking.mask(value) : value, share);
            lowest = Math.min(lowest, share);
            Status s = judge(m, share);
            if (s != Status.PASS) {
                breaching++;
                worst = worse(worst, s);
                example(examples, m.column(), hidden ? Masking.mask(value) : value, m,
                        "share " + share(share) + " (" + count + " of " + filled + " values)");
            }
        }
        String message = "shares of the " + enumValues.size() + " values of " + m.column() + " among " + filled + " values: "
                + (breaching == 0 ? "none" : breaching) + " outside the thresholds" + thresholds(m);
        return r.status(worst).counted(breaching, enumValues.size()).message(message).examples(examples)
                .metric(measurement(m, lowest, share(lowest), hidden ? null : values, null));
    }

    /** Records per group: each group that breaches a threshold, and each expected group that is absent, is an example. */
    private Result.Builder groups(Result.Builder r, MetricSpec m, ColumnMeasure cm, int c, boolean hidden) {
        if (cm == null) {
            return r.status(Status.NOT_APPLICABLE).message("no value to measure");
        }
        ValueTable t = cm.counts;
        List<String> expected = MeasurePlan.groups(plan, c, m);
        if (expected.isEmpty() && t.full()) {
            return r.status(Status.ERROR).message("more than " + ColumnMeasure.GROUP_LIMIT + " groups in " + m.column()
                    + ": not measured (name the groups expected with 'groups')");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<Violation> examples = new ArrayList<>();
        Status worst = Status.PASS;
        long breaching = 0;
        long absent = 0;
        double smallest = Double.POSITIVE_INFINITY;
        List<String> names = new ArrayList<>(expected);
        if (expected.isEmpty()) {
            for (int e = 0; e < t.size(); e++) {
                if (t.countAt(e) > 0) { // a group another check expects is seeded with no record: not found here
                    names.add(t.text(e));
                }
            }
            names.sort(null);
        }
        for (String g : names) {
            long count = t.count(g);
            String shown = hidden ? Masking.mask(g) : g;
            values.put(shown, (double) count);
            smallest = Math.min(smallest, count);
            Status s = judge(m, count);
            if (count == 0) {
                absent++;
            }
            if (s != Status.PASS) {
                breaching++;
                worst = worse(worst, s);
                example(examples, m.column(), shown, m, count == 0 ? "expected group is absent: no record" : count + " records");
            }
        }
        if (names.isEmpty()) {
            return r.status(Status.NOT_APPLICABLE).message("no value to measure");
        }
        String message = names.size() + " groups of " + m.column() + (expected.isEmpty() ? " found" : " expected") + ", smallest "
                + (long) smallest + " records; " + (breaching == 0 ? "none" : String.valueOf(breaching)) + " outside the thresholds"
                + (absent > 0 ? " (" + absent + " absent)" : "")
                + (!expected.isEmpty() && t.others > 0 ? "; " + t.others + " records in no expected group" : "") + thresholds(m);
        return r.status(worst).counted(breaching, names.size()).message(message).examples(examples)
                .metric(measurement(m, smallest, String.valueOf((long) smallest), hidden ? null : values, null));
    }

    private void example(List<Violation> examples, String column, String value, MetricSpec m, String message) {
        if (options.maxExamples() == 0 || examples.size() < options.maxExamples()) {
            examples.add(Violation.builder().field(column).value(value).expected(expectation(m)).message(message).build());
        }
    }

    private static String expectation(MetricSpec m) {
        List<String> parts = new ArrayList<>();
        if (m.fail() != null) {
            parts.add("not " + m.fail().display());
        }
        if (m.warn() != null) {
            parts.add("not " + m.warn().display() + " (warn)");
        }
        return String.join(", ", parts);
    }

    private static Status worse(Status a, Status b) {
        return a == Status.FAIL || b == Status.FAIL ? Status.FAIL : Status.WARN;
    }

    static Status judge(MetricSpec m, double measured) {
        if (m.fail() != null && m.fail().breachedBy(measured)) {
            return Status.FAIL;
        }
        if (m.warn() != null && m.warn().breachedBy(measured)) {
            return Status.WARN;
        }
        return Status.PASS;
    }

    static String thresholds(MetricSpec m) {
        List<String> parts = new ArrayList<>();
        if (m.warn() != null) {
            parts.add("warn if " + m.warn().display());
        }
        if (m.fail() != null) {
            parts.add("fail if " + m.fail().display());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** A date column's value (an epoch day, or second for a date-time) as ISO text; a fractional day (a mean) to the day. */
    static String asText(double v, ColumnType type) {
        if (type == ColumnType.DATETIME) {
            return Instant.ofEpochSecond((long) Math.floor(v)).toString();
        }
        return LocalDate.ofEpochDay((long) Math.floor(v)).toString();
    }

    /** A measured number to 12 significant digits: what the report keeps, the same whatever order the threads merged in. */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    static String share(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
