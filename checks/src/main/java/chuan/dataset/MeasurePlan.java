package chuan.dataset;

import chuan.profile.MetricSpec;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which columns the dataset metrics measure, and how: their values as numbers or dates (min, max, mean,
 * stddev, freshness), kept for quantiles, their distinct values, counts per value (value-share,
 * rows-per-group). Built once per scan from the profile's checks; the validators keep one
 * {@link ColumnMeasure} per measured column each.
 */
final class MeasurePlan {

    /** One measured column's needs. */
    static final class Column {
        boolean values;
        boolean quantiles;
        boolean distinct;
        boolean counts;
        /** Counting every value found (rows-per-group without expected groups), up to a limit. */
        boolean open;
        final Set<String> seeds = new LinkedHashSet<>();
    }

    private final Column[] columns;
    final boolean any;

    MeasurePlan(ScanPlan plan) {
        columns = new Column[plan.columns.length];
        boolean found = false;
        for (MetricSpec m : plan.profile.dataset().checks()) {
            if (!m.metric().ofColumn() || m.metric() == MetricSpec.Metric.COMPLETENESS) {
                continue;
            }
            int c = index(plan, m.column());
            if (c < 0 || plan.fileIndex[c] < 0) {
                continue;
            }
            Column col = columns[c] == null ? columns[c] = new Column() : columns[c];
            found = true;
            switch (m.metric()) {
                case QUANTILE -> {
                    col.values = true;
                    col.quantiles = true;
                }
                case DISTINCT_COUNT -> col.distinct = true;
                case VALUE_SHARE -> {
                    col.counts = true;
                    if (m.value() != null) {
                        col.seeds.add(m.value());
                    } else {
                        col.seeds.addAll(plan.columns[c].spec.enumValues());
                    }
                }
                case ROWS_PER_GROUP -> {
                    col.counts = true;
                    var expected = groups(plan, c, m);
                    if (expected.isEmpty()) {
                        col.open = true;
                    }
                    col.seeds.addAll(expected);
                }
                default -> col.values = true;
            }
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null && columns[c].values) {
                plan.columns[c].measured = true;
            }
        }
        any = found;
    }

    /**
     * The groups a rows-per-group check expects: its own list, else the values of the reference list it names (in force
     * on the as-of date), else the column's enum, else none (the values found).
     */
    static java.util.List<String> groups(ScanPlan plan, int column, MetricSpec m) {
        CompiledColumn c = plan.columns[column];
        if (!m.groups().isEmpty()) {
            return m.groups();
        }
        if (m.groupsFrom() != null) {
            return chuan.standard.Packs.referenceList(m.groupsFrom(), plan.reference, plan.asOf)
                    .map(values -> values.stream().sorted().toList()).orElse(java.util.List.of());
        }
        return c.spec.enumValues() == null ? java.util.List.of() : c.spec.enumValues();
    }

    static int index(ScanPlan plan, String name) {
        for (CompiledColumn c : plan.columns) {
            if (c.spec.name().equals(name)) {
                return c.index;
            }
        }
        return -1;
    }

    /** A thread's fresh measures: one per measured column, null elsewhere; null when nothing is measured. */
    ColumnMeasure[] newMeasures() {
        if (!any) {
            return null;
        }
        ColumnMeasure[] out = new ColumnMeasure[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null) {
                out[c] = new ColumnMeasure(columns[c]);
            }
        }
        return out;
    }
}
