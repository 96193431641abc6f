package chuan.dataset;

import chuan.profile.MetricSpec;

/**
 * The checks that depend on record order, run on each batch in read order: a repeated key is
 * reported on every record after the first one, never on the first.
 */
final class OrderedStage {

    private final ScanPlan plan;
    private final UniqueIndex[] unique;
    private final RecordHashes records;

    OrderedStage(ScanPlan plan) {
        this.plan = plan;
        this.unique = new UniqueIndex[plan.columns.length];
        for (CompiledColumn c : plan.columns) {
            if (plan.cellSlot[c.index][CellCheck.UNIQUE.ordinal()] >= 0 && plan.fileIndex[c.index] >= 0) {
                unique[c.index] = new UniqueIndex();
            }
        }
        boolean dup = plan.profile.dataset().checks().stream().anyMatch(m -> m.metric() == MetricSpec.Metric.DUPLICATE_ROWS);
        this.records = dup ? new RecordHashes() : null;
    }

    void process(RecordBatch b, Tally tally) {
        if (!plan.hasUnique && records == null) {
            return;
        }
        for (int i = 0; i < b.size; i++) {
            if (b.kinds[i] != RecordBatch.OK) {
                continue;
            }
            String[] rec = b.values[i];
            for (int c = 0; c < unique.length; c++) {
                if (unique[c] == null) {
                    continue;
                }
                String v = rec[plan.fileIndex[c]];
                if (v != null && !v.isEmpty() && !unique[c].add(v)) {
                    int slot = plan.cellSlot[c][CellCheck.UNIQUE.ordinal()];
                    tally.hit(plan.slots.get(slot), slot, b.rows[i], b.lines[i], v,
                            plan.columns[c].expected(CellCheck.UNIQUE), "value already used by an earlier record");
                }
            }
            if (records != null && !records.add(b.texts[i] != null ? new String[] {b.texts[i]} : rec)) {
                tally.duplicateRow(b.rows[i], b.lines[i]);
            }
        }
    }
}
