package chuan.dataset;

import chuan.model.Masking;
import chuan.model.Violation;
import chuan.profile.ForeignKeySpec;
import chuan.profile.ReferencedDatasets;
import java.util.Map;

/**
 * The key checks of one scan, run by the in-order stage record after record: each primary key is added to the
 * set of keys seen (a repeat is reported with the row that used it first, a missing part on its own), each
 * foreign key looked up in its reference's key set (built before the scan). One key object is reused: no
 * allocation per record unless a finding is made.
 */
final class KeyChecks {

    private final ScanPlan plan;
    private final KeyPlan keys;
    private final KeyIndex seen;
    private final KeyIndex[] references;
    private final boolean reveal;
    private final chuan.model.Fingerprints fingerprints;
    private final KeyIndex.Key key = new KeyIndex.Key();
    private final Cell view = new Cell();

    /** {@code references}: the key set of each foreign key of the plan. */
    KeyChecks(ScanPlan plan, Map<ForeignKeySpec, KeyIndex> references, boolean reveal, chuan.model.Fingerprints fingerprints) {
        this.plan = plan;
        this.keys = plan.keys;
        this.reveal = reveal;
        this.fingerprints = fingerprints;
        this.seen = keys.duplicateSlot >= 0 && keys.notApplicable(keys.duplicateSlot) == null ? new KeyIndex(true) : null;
        this.references = new KeyIndex[keys.foreign.size()];
        for (int f = 0; f < this.references.length; f++) {
            this.references[f] = references.get(keys.foreign.get(f).spec());
        }
    }

    void expect(long records) {
        if (seen != null) {
            seen.expect(records);
        }
    }

    /** One record of a batch (read or ragged). */
    void check(RecordBatch b, int i, Tally tally) {
        if (keys.missingSlot >= 0 || seen != null) {
            primary(b, i, tally);
        }
        for (int f = 0; f < references.length; f++) {
            KeyPlan.Foreign fk = keys.foreign.get(f);
            if (references[f] == null || keys.notApplicable(fk.slot()) != null) {
                continue;
            }
            if (build(b, i, fk.columns()) < 0 && !references[f].contains(key)) {
                Violation v = violation(b, i, fk.columns(), fk.field(), fk.personal(), "a match in " + describe(fk.spec()),
                        "no match in " + describe(fk.spec()));
                tally.add(plan.slots.get(fk.slot()), fk.slot(), v);
            }
        }
    }

    private void primary(RecordBatch b, int i, Tally tally) {
        if (keys.notApplicable(keys.missingSlot >= 0 ? keys.missingSlot : keys.duplicateSlot) != null) {
            return;
        }
        int missing = build(b, i, keys.primary);
        if (missing >= 0) {
            if (keys.missingSlot >= 0) {
                StringBuilder parts = new StringBuilder();
                for (int c : keys.primary) {
                    if (plan.columns[c].isMissing(cell(b, i, c))) {
                        parts.append(parts.length() == 0 ? "" : ", ").append(plan.fieldName(c));
                    }
                }
                Violation v = Violation.builder().row(b.rows[i]).line(b.lines[i] == 0 ? null : b.lines[i])
                        .column(plan.slots.get(keys.missingSlot).fileColumn()).field(keys.primaryField)
                        .place(b.places == null ? null : b.places[i].at(0))
                        .expected("every part of the primary key (" + keys.primaryField + ")")
                        .message("primary key part missing: " + parts).build();
                tally.add(plan.slots.get(keys.missingSlot), keys.missingSlot, v);
            }
            return;
        }
        if (seen == null) {
            return;
        }
        long first = seen.add(key, b.rows[i]);
        if (first != 0) {
            String earlier = first > 0 ? "record " + first : "an earlier record";
            Violation v = violation(b, i, keys.primary, keys.primaryField, plan.slots.get(keys.duplicateSlot).personal(),
                    "a primary key not used by an earlier record", "primary key already used by " + earlier);
            tally.add(plan.slots.get(keys.duplicateSlot), keys.duplicateSlot, v);
        }
    }

    /** Builds the key of record i from these columns; the first column whose value is missing, or -1 when none is. */
    private int build(RecordBatch b, int i, int[] columns) {
        key.begin();
        for (int c : columns) {
            Cell v = cell(b, i, c);
            if (plan.columns[c].isMissing(v)) {
                return c;
            }
            key.part(v);
        }
        return -1;
    }

    /** The cell of profile column c in record i, or null when the record lacks it. */
    private Cell cell(RecordBatch b, int i, int c) {
        int h = plan.fileIndex[c];
        if (h < 0) {
            return null;
        }
        Fields f = b.fields;
        if (f != null) {
            return h < f.width(i) ? f.get(i, h, view) : null;
        }
        String[] rec = b.values[i];
        String raw = rec == null || h >= rec.length ? null : rec[h];
        return raw == null ? null : view.text(raw);
    }

    /** A finding about the key of record i: its values shown part by part, each masked when its column is personal. */
    private Violation violation(RecordBatch b, int i, int[] columns, String field, boolean personal, String expected, String message) {
        StringBuilder shown = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        for (int k = 0; k < columns.length; k++) {
            int c = columns[k];
            String v = String.valueOf(cell(b, i, c));
            boolean mask = plan.columns[c].spec.personal() && !reveal;
            shown.append(k == 0 ? "" : ", ").append(mask ? Masking.mask(v) : v);
            raw.append(k == 0 ? "" : "\u001f").append(v);
        }
        Integer column = columns.length == 1 && plan.format.locations().numbersColumns() ? plan.fileIndex[columns[0]] + 1 : null;
        return Violation.builder().row(b.rows[i]).line(b.lines[i] == 0 ? null : b.lines[i]).column(column).field(field)
                .place(b.places == null ? null : b.places[i].at(column == null ? 0 : column))
                .value(shown.toString()).expected(expected).message(message)
                .key(fingerprints.key(field, raw.toString())).build();
    }

    /** How a reference is named in findings. */
    static String describe(ForeignKeySpec fk) {
        ForeignKeySpec.Reference r = fk.reference();
        if (r instanceof ForeignKeySpec.InList l) {
            return "list " + l.list();
        }
        if (r instanceof ForeignKeySpec.InTable t) {
            return "table " + t.table() + " (" + String.join(", ", t.columns()) + ")";
        }
        ForeignKeySpec.InDataset d = (ForeignKeySpec.InDataset) r;
        return (d.self() ? "this dataset" : ReferencedDatasets.display(d.dataset())) + " (" + String.join(", ", d.columns()) + ")";
    }
}
