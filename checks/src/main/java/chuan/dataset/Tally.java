package chuan.dataset;

import chuan.model.Masking;
import chuan.model.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one thread counted: violations per slot (exact) and the first examples per slot, plus
 * per-column fill counts. Tallies from several threads merge into the same totals whatever the
 * order the batches were processed in.
 */
final class Tally {

    private static final Comparator<Violation> BY_ROW = Comparator
            .comparing((Violation v) -> v.row() == null ? 0L : v.row())
            .thenComparing(v -> v.line() == null ? 0L : v.line())
            .thenComparing(v -> v.field() == null ? "" : v.field());

    final long[] violations;
    final List<List<Violation>> examples;
    final long[] cellsChecked;
    /** Per slot of a row rule: the records it judged (the others had no value for a cell it reads, or were not in its 'when'). */
    final long[] ruleChecked;
    final long[] nonEmpty;
    private final int cap;
    private final boolean reveal;
    private final chuan.model.Fingerprints fingerprints;
    /** Open data: per file column, non-empty values, and per detector the hits and the first hit's row and line. */
    long[] pdNonEmpty = new long[0];
    long[][] pdHits = new long[0][];
    long[][] pdFirstRow = new long[0][];
    long[][] pdFirstLine = new long[0][];
    long records;
    long checkedRecords;
    /** While a batch is checked with streaming on: where its violations go until the in-order stage flushes them. */
    java.util.List<Pending> pending;
    /** Slot index used for repeated records, which have no slot of their own. */
    int duplicateSlot = Integer.MAX_VALUE;

    /** A streamed violation waiting for its batch's turn: its slot orders it within the record. */
    record Pending(int slot, String rule, String field, Violation violation) {
    }
    long duplicateRows;
    final List<Violation> duplicateExamples = new ArrayList<>();
    /** Per profile column: what the dataset metrics measured of it (null: not measured); null when nothing is. */
    ColumnMeasure[] measures;

    Tally(int slots, int columns, int cap, boolean reveal, chuan.model.Fingerprints fingerprints) {
        this.violations = new long[slots];
        this.ruleChecked = new long[slots];
        this.examples = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            examples.add(new ArrayList<>());
        }
        this.cellsChecked = new long[columns];
        this.nonEmpty = new long[columns];
        this.cap = cap;
        this.reveal = reveal;
        this.fingerprints = fingerprints;
    }

    boolean wantsExample(int slot) {
        return cap == 0 || examples.get(slot).size() < cap;
    }

    /** A value as a report may show it: masked when its column holds personal data, unless the user asked to reveal it. */
    String shown(String text, boolean personal) {
        return personal && !reveal ? Masking.mask(text) : text;
    }

    /** Counts a violation and keeps it as an example while there is room. */
    void hit(Slot s, int slot, long row, long line, CharSequence value, String expected, String message) {
        hit(s, slot, row, line, null, value, expected, message);
    }

    /** As above, at {@code place} in a source that is not a text file (null in one that is). */
    void hit(Slot s, int slot, long row, long line, chuan.source.RecordPlace place, CharSequence value, String expected,
             String message) {
        violations[slot]++;
        if (wantsExample(slot) || pending != null) {
            String text = value == null ? null : value.toString();
            String shown = text != null && s.personal() && !reveal ? Masking.mask(text) : text;
            Violation v = Violation.builder().row(row == 0 ? null : row).line(line == 0 ? null : line).column(s.fileColumn())
                    .field(s.field()).value(shown).expected(expected).message(message)
                    .key(text == null ? null : fingerprints.key(s.field(), text))
                    .place(place == null ? null : place.at(s.fileColumn() == null ? 0 : s.fileColumn())).build();
            if (wantsExample(slot)) {
                examples.get(slot).add(v);
            }
            if (pending != null) {
                pending.add(new Pending(slot, s.ruleId(), s.field(), v));
            }
        }
    }

    /** Counts a violation built by the caller (structural findings), keeping and streaming it like the others. */
    void add(Slot s, int slot, Violation v) {
        violations[slot]++;
        if (wantsExample(slot)) {
            examples.get(slot).add(v);
        }
        if (pending != null) {
            pending.add(new Pending(slot, s.ruleId(), s.field(), v));
        }
    }

    void duplicateRow(long row, long line, chuan.source.RecordPlace place) {
        duplicateRows++;
        boolean keep = cap == 0 || duplicateExamples.size() < cap;
        if (keep || pending != null) {
            Violation v = Violation.builder().row(row).line(line == 0 ? null : line).place(place == null ? null : place.at(0))
                    .expected("a record not seen before")
                    .message("repeats an earlier record field for field").build();
            if (keep) {
                duplicateExamples.add(v);
            }
            if (pending != null) {
                pending.add(new Pending(duplicateSlot, "DATA-DUPLICATE-ROWS", null, v));
            }
        }
    }

    void personalData(int columns, int detectors) {
        pdNonEmpty = new long[columns];
        pdHits = new long[columns][detectors];
        pdFirstRow = new long[columns][detectors];
        pdFirstLine = new long[columns][detectors];
    }

    /** Adds another thread's counts into this one. */
    void merge(Tally o) {
        for (int k = 0; k < pdNonEmpty.length && k < o.pdNonEmpty.length; k++) {
            pdNonEmpty[k] += o.pdNonEmpty[k];
            for (int d = 0; d < pdHits[k].length; d++) {
                pdHits[k][d] += o.pdHits[k][d];
                if (o.pdFirstRow[k][d] > 0 && (pdFirstRow[k][d] == 0 || o.pdFirstRow[k][d] < pdFirstRow[k][d])) {
                    pdFirstRow[k][d] = o.pdFirstRow[k][d];
                    pdFirstLine[k][d] = o.pdFirstLine[k][d];
                }
            }
        }
        for (int i = 0; i < violations.length; i++) {
            violations[i] += o.violations[i];
            ruleChecked[i] += o.ruleChecked[i];
            examples.get(i).addAll(o.examples.get(i));
        }
        for (int i = 0; i < cellsChecked.length; i++) {
            cellsChecked[i] += o.cellsChecked[i];
            nonEmpty[i] += o.nonEmpty[i];
        }
        records += o.records;
        checkedRecords += o.checkedRecords;
        duplicateRows += o.duplicateRows;
        duplicateExamples.addAll(o.duplicateExamples);
        mergeMeasures(o);
    }

    private void mergeMeasures(Tally o) {
        if (o.measures == null) {
            return;
        }
        if (measures == null) {
            measures = o.measures;
            return;
        }
        for (int c = 0; c < measures.length; c++) {
            if (measures[c] != null) {
                measures[c].merge(o.measures[c]);
            }
        }
    }

    /** Sorts examples by record and cuts them to the cap: the first N of the whole file. */
    void finish() {
        for (int i = 0; i < examples.size(); i++) {
            examples.set(i, firstN(examples.get(i)));
        }
        List<Violation> d = firstN(duplicateExamples);
        duplicateExamples.clear();
        duplicateExamples.addAll(d);
    }

    private List<Violation> firstN(List<Violation> list) {
        List<Violation> sorted = new ArrayList<>(list);
        sorted.sort(BY_ROW);
        return cap == 0 || sorted.size() <= cap ? sorted : new ArrayList<>(sorted.subList(0, cap));
    }
}
