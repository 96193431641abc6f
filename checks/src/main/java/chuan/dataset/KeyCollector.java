package chuan.dataset;

/**
 * The first pass of a foreign key: the key values of a referenced dataset, read record after record by the
 * in-order stage into a {@link KeyIndex}. A record with a missing part adds nothing.
 */
final class KeyCollector {

    private final ScanPlan plan;
    private final int[] columns;
    final KeyIndex set = new KeyIndex(false);
    private final KeyIndex.Key key = new KeyIndex.Key();
    private final Cell view = new Cell();

    /** {@code columns}: profile column indexes, in key order, each bound to a file column. */
    KeyCollector(ScanPlan plan, int[] columns) {
        this.plan = plan;
        this.columns = columns;
    }

    void add(RecordBatch b, int i) {
        key.begin();
        for (int c : columns) {
            int h = plan.fileIndex[c];
            Cell v;
            if (b.fields != null) {
                v = h < b.fields.width(i) ? b.fields.get(i, h, view) : null;
            } else {
                String[] rec = b.values[i];
                v = rec == null || h >= rec.length || rec[h] == null ? null : view.text(rec[h]);
            }
            if (plan.columns[c].isMissing(v)) {
                return;
            }
            key.part(v);
        }
        set.add(key, b.rows[i]);
    }
}
