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
    /** When asked for: a uniform sample of the distinct keys (reservoir sampling, the same for the same file). */
    private int sampleSize;
    private java.util.Random random;
    final java.util.List<String[]> sample = new java.util.ArrayList<>();
    private long distinct;

    /** Keeps a uniform sample of up to {@code size} distinct keys as they are read. */
    void sample(int size) {
        sampleSize = size;
        random = new java.util.Random(1);
    }

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
        if (set.add(key, b.rows[i]) == 0 && sampleSize > 0) {
            distinct++;
            int slot = sample.size() < sampleSize ? sample.size() : (int) Math.min(Integer.MAX_VALUE, random.nextLong(distinct));
            if (slot < sampleSize) {
                String[] values = new String[columns.length];
                for (int k = 0; k < columns.length; k++) {
                    int h = plan.fileIndex[columns[k]];
                    values[k] = b.fields != null ? b.fields.get(i, h, view).toString() : b.values[i][h];
                }
                if (slot == sample.size()) {
                    sample.add(values);
                } else {
                    sample.set(slot, values);
                }
            }
        }
    }
}
