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
    private final Cell view = new Cell();

    final Tally tally;
    private final long fileBytes;
    private boolean firstBatch = true;

    private final ViolationSink sink;
    /** The primary and foreign keys, when the profile declares any (null: none). */
    private KeyChecks keys;
    /** When the scan only collects a reference's key values (null: it does not). */
    private KeyCollector collector;

    OrderedStage(ScanPlan plan, Tally tally, long fileBytes, ViolationSink sink) {
        this(plan, tally, fileBytes, sink, new boolean[plan.columns.length]);
    }

    /** {@code counted}: per column, whether its repeats were counted elsewhere (by the database) and need no index here. */
    OrderedStage(ScanPlan plan, Tally tally, long fileBytes, ViolationSink sink, boolean[] counted) {
        this.sink = sink;
        tally.duplicateSlot = plan.slots.size();
        this.plan = plan;
        this.tally = tally;
        this.fileBytes = fileBytes;
        this.unique = new UniqueIndex[plan.columns.length];
        for (CompiledColumn c : plan.columns) {
            if (plan.cellSlot[c.index][CellCheck.UNIQUE.ordinal()] >= 0 && plan.fileIndex[c.index] >= 0 && !counted[c.index]) {
                unique[c.index] = new UniqueIndex();
            }
        }
        boolean dup = plan.profile.dataset().checks().stream().anyMatch(m -> m.metric() == MetricSpec.Metric.DUPLICATE_ROWS);
        this.records = dup ? new RecordHashes() : null;
    }

    /** Checks the profile's primary and foreign keys too. */
    void keys(KeyChecks k) {
        keys = k;
    }

    /** Collects a reference's key values instead of checking anything in order. */
    void collect(KeyCollector c) {
        collector = c;
    }

    /** Fingerprints record i; false when an identical record came earlier. */
    private boolean sameAsEarlier(RecordBatch b, int i) {
        records.begin();
        if (b.texts[i] != null) {
            records.field(b.texts[i]);
        } else if (b.fields != null) {
            for (int k = 0; k < b.fields.width(i); k++) {
                records.field(b.fields.get(i, k, view));
            }
        } else {
            for (String v : b.values[i]) {
                records.field(v);
            }
        }
        return records.end();
    }

    /** Runs the stage on a batch; its findings go to the stage's own tally. */
    void process(RecordBatch b) {
        process(b, tally);
    }

    private void process(RecordBatch b, Tally tally) {
        tally.pending = b.pending;
        try {
            check(b, tally);
        } finally {
            tally.pending = null;
        }
        if (b.pending != null && sink != null) {
            // record order, and within a record the order of the report's results
            b.pending.sort(java.util.Comparator.comparing((Tally.Pending p) -> p.violation().row() == null ? 0L : p.violation().row())
                    .thenComparing(Tally.Pending::slot));
            for (Tally.Pending p : b.pending) {
                sink.accept(p.rule(), p.field(), p.violation());
            }
            b.pending = null;
        }
    }

    private void check(RecordBatch b, Tally tally) {
        if (!plan.hasUnique && records == null && keys == null && collector == null) {
            return;
        }
        if (firstBatch) {
            presize(b);
        }
        for (int i = 0; i < b.size; i++) {
            if (b.kinds[i] == RecordBatch.OK || b.kinds[i] == RecordBatch.RAGGED) {
                processRecord(b, i, tally);
            } else if (b.kinds[i] == RecordBatch.BLANK && keys != null) {
                keys.check(b, i, tally); // a blank record's key is missing too (as Frictionless reports it)
            }
        }
    }

    /** Sizes the unique sets for the whole file from the first batch, sparing the rehashes on the way. */
    private void presize(RecordBatch b) {
        firstBatch = false;
        if (b.chunk != null && b.chunk.length() > 0 && fileBytes > 0) {
            long expected = fileBytes / Math.max(1, b.chunk.length() / Math.max(1, b.size));
            for (UniqueIndex u : unique) {
                if (u != null) {
                    u.expect(expected);
                }
            }
            if (keys != null) {
                keys.expect(expected);
            }
            if (collector != null) {
                collector.set.expect(expected);
            }
        }
    }

    private void processRecord(RecordBatch b, int i, Tally tally) {
        Fields f = b.fields;
        String[] rec = b.values[i];
        for (int c = 0; c < unique.length; c++) {
            if (unique[c] == null || (f != null && plan.fileIndex[c] >= f.width(i))) {
                continue;
            }
            String raw = f != null ? null : rec[plan.fileIndex[c]];
            Cell v = f != null ? f.get(i, plan.fileIndex[c], view) : raw == null ? null : view.text(raw);
            if (!plan.columns[c].isMissing(v) && !unique[c].add(v)) {
                int slot = plan.cellSlot[c][CellCheck.UNIQUE.ordinal()];
                tally.hit(plan.slots.get(slot), slot, b.rows[i], b.lines[i], b.places == null ? null : b.places[i], v,
                        plan.columns[c].expected(CellCheck.UNIQUE), "value already used by an earlier record");
            }
        }
        if (records != null && b.kinds[i] == RecordBatch.OK && !sameAsEarlier(b, i)) {
            tally.duplicateRow(b.rows[i], b.lines[i], b.places == null ? null : b.places[i]);
        }
        if (keys != null) {
            keys.check(b, i, tally);
        }
        if (collector != null) {
            collector.add(b, i);
        }
    }
}
