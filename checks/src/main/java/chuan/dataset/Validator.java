package chuan.dataset;

import chuan.profile.RecordSchema;

import chuan.model.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.json.JSONException;
import org.json.JSONObject;

/** A validator thread: checks every cell of the batches it takes, then passes them through the in-order stage. */
final class Validator implements Runnable {

    final Tally tally;
    private final ScanPlan plan;
    private final BlockingQueue<RecordBatch> queue;
    private final Sequencer sequencer;
    private final Faults faults;
    private final CsvChunkParser parser;
    private final NdjsonChunkParser ndjson;
    private final boolean streaming;
    private final SafePattern.Matcher[] matchers;
    private final Cell[] views;
    private final Cell dateCell = new Cell();
    private final CompiledColumn.Scratch scratch = new CompiledColumn.Scratch();
    private final Cell[] cells;
    private final int[] codes;
    private final long[] days;    // each column's record date (as-of-column), for the rules between columns
    private final Schema schema;
    private final int blankSlot;
    private final int raggedSlot;
    private final int quoteSlot;
    private final int syntaxSlot;
    private final int notObjectSlot;
    private final int schemaSlot;
    /** This thread's measures for the dataset metrics (the tally's), or null. */
    private final ColumnMeasure[] measures;
    /** The profile's row rules, or null when it has none. */
    private final RowRuleRunner rowRules;
    /** Records this thread has checked: tells the row rules' value cache that a new record began. */
    private long recordSequence;
    /** Where the record being checked is, in a cell source; null in a text file. */
    private chuan.source.RecordPlace place;

    Validator(ScanPlan plan, Tally tally, BlockingQueue<RecordBatch> queue, Sequencer sequencer,
              Faults faults, Path jsonSchema, CsvChunkParser parser, NdjsonChunkParser ndjson, boolean streaming) {
        this.plan = plan;
        this.tally = tally;
        this.queue = queue;
        this.sequencer = sequencer;
        this.faults = faults;
        this.parser = parser;
        this.ndjson = ndjson;
        this.streaming = streaming;
        this.matchers = new SafePattern.Matcher[plan.columns.length];
        this.views = new Cell[plan.columns.length];
        this.cells = new Cell[plan.columns.length];
        this.codes = new int[plan.columns.length];
        this.days = new long[plan.columns.length];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = plan.columns[i].newMatcher();
            views[i] = new Cell();
        }
        this.schema = loadSchema(jsonSchema);
        this.rowRules = plan.rowRules.isEmpty() ? null : new RowRuleRunner(plan, tally, plan.asOf);
        this.blankSlot = plan.recordSlot("DATA-BLANK-ROW");
        this.raggedSlot = plan.recordSlot("DATA-RAGGED-ROW");
        this.quoteSlot = plan.recordSlot("DATA-QUOTE");
        this.syntaxSlot = plan.recordSlot("DATA-JSON-SYNTAX");
        this.notObjectSlot = plan.recordSlot("DATA-JSON-RECORD");
        this.schemaSlot = plan.recordSlot("DATA-JSON-SCHEMA");
        tally.measures = plan.measures.newMeasures();
        this.measures = tally.measures;
    }

    private static Schema loadSchema(Path p) {
        if (p == null) {
            return null;
        }
        try {
            return RecordSchema.load(p, List.of(p.getParent()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private volatile long violationsSoFar;

    /** Violations counted by this thread so far (read by the progress display; approximate while running). */
    long violationsSoFar() {
        return violationsSoFar;
    }

    /** Top-level JSON members no column described, seen by this thread. */
    List<String> unknownMembers() {
        return ndjson == null ? List.of() : ndjson.columns().unknownMembers();
    }

    @Override
    public void run() {
        while (true) {
            RecordBatch b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (b == RecordBatch.END) {
                return;
            }
            boolean ok = true;
            if (streaming) {
                b.pending = new java.util.ArrayList<>();
                tally.pending = b.pending;
            }
            try {
                if (b.chunk != null && ndjson != null) {
                    ndjson.parse(b.chunk, b);
                    if (ndjson.badEncoding) {
                        faults.badEncoding(ndjson.badEncodingRow);
                        ndjson.badEncoding = false;
                    }
                } else if (b.chunk != null) {
                    parser.parse(b.chunk, b);
                    if (parser.badEncoding) {
                        faults.badEncoding(parser.badEncodingRow);
                        parser.badEncoding = false;
                    }
                }
                check(b);
            } catch (InputProblem p) {
                faults.input(p);
                ok = false;
            } catch (RuntimeException | Error e) {
                faults.bug(e);
                ok = false;
            }
            tally.pending = null;
            long sum = 0;
            for (long n : tally.violations) {
                sum += n;
            }
            violationsSoFar = sum;
            b.skipOrdered = !ok || faults.bug() != null;
            try {
                sequencer.submit(b);
            } catch (RuntimeException | Error e) {
                faults.bug(e);
            }
        }
    }

    private void check(RecordBatch b) {
        if (b.quoteProblems != null) {
            for (CsvChunkParser.QuoteProblem p : b.quoteProblems) {
                record(quoteSlot, b.rows[p.record()], p.line(), (int) p.column(), "quotes only around a whole field",
                        p.message());
            }
        }
        for (int i = 0; i < b.size; i++) {
            checkRecord(b, i);
        }
    }

    /** One record; a method of its own so that the JIT compiles it whole rather than the batch loop. */
    private void checkRecord(RecordBatch b, int i) {
        if (b.kinds[i] == RecordBatch.COMMENT) {
            return;
        }
        tally.records++;
        long row = b.rows[i];
        long line = b.lines[i];
        place = b.places == null ? null : b.places[i];
        switch (b.kinds[i]) {
            case RecordBatch.BLANK -> {
                record(blankSlot, row, line, null, "a record", "blank line");
                return;
            }
            case RecordBatch.JSON_SYNTAX -> {
                record(syntaxSlot, row, line, null, "a JSON object", "malformed JSON at " + b.texts[i]);
                return;
            }
            case RecordBatch.BAD_ENCODING -> {
                return; // counted once, as the file's encoding result
            }
            case RecordBatch.JSON_NOT_OBJECT -> {
                record(notObjectSlot, row, line, null, "a JSON object", "record is a JSON " + b.texts[i]);
                return;
            }
            default -> {
            }
        }
        Fields fields = b.fields;
        String[] rec = b.values[i];
        int got = fields != null ? fields.width(i) : rec.length;
        int width = plan.width;
        if (width >= 0 && got != width) {
            // reported, and its cells still checked where their column is known (by position)
            b.kinds[i] = RecordBatch.RAGGED;
            record(raggedSlot, row, line, width + " fields", "record has " + got + " fields, the "
                    + (plan.header != null ? "header has " : "first record has ") + width);
        } else {
            tally.checkedRecords++;
        }
        CompiledColumn[] columns = plan.columns;
        int[] fileIndex = plan.fileIndex;
        for (int c = 0; c < columns.length; c++) {
            int idx = fileIndex[c];
            if (idx < 0 || idx >= got) {
                codes[c] = idx < 0 ? CompiledColumn.OK : CellCheck.REQUIRED.ordinal();
                cells[c] = null;
                continue;
            }
            Cell v = fields != null ? fields.get(i, idx, views[c]) : rec[idx] == null ? null : views[c].text(rec[idx]);
            cells[c] = v;
            tally.cellsChecked[c]++;
            boolean filled = !columns[c].isMissing(v);
            if (filled) {
                tally.nonEmpty[c]++;
            }
            long recordDay = plan.asOfColumn[c] < 0 ? Long.MIN_VALUE : recordDay(b, i, fields, rec, plan.asOfColumn[c]);
            int code = columns[c].check(v, matchers[c], recordDay, scratch);
            codes[c] = code;
            days[c] = recordDay;
            if (filled && measures != null && measures[c] != null) {
                measure(measures[c], v, row);
            }
            if (code >= 0) {
                violation(c, code, row, line, v, recordDay);
            }
        }
        if (!plan.crossRules.isEmpty()) {
            crossCheck(row, line);
        }
        if (rowRules != null && b.kinds[i] != RecordBatch.RAGGED) {
            rowRules.check(recordSequence++, cells, codes, row, line, place);
        }
        if (plan.personalData != null) {
            lookForPersonalData(fields, rec, i, row, line);
        }
        if (schema != null && schemaSlot >= 0 && b.texts[i] != null) {
            validateSchema(b.texts[i], row, line);
        }
    }

    /** A filled cell of a measured column: its text, and its value when it has the column's type. */
    private void measure(ColumnMeasure m, Cell v, long row) {
        m.text(v);
        if (scratch.parsed) {
            m.value(scratch.value, row);
        }
    }

    /** Counts a cell violation; the example (with its texts) is only built while there is room for it. */
    private void violation(int column, int code, long row, long line, Cell v, long recordDay) {
        int slot = plan.cellSlot[column][code];
        if (slot < 0) {
            return;
        }
        if (!tally.wantsExample(slot) && tally.pending == null) {
            tally.violations[slot]++;
            return;
        }
        CompiledColumn col = plan.columns[column];
        String message = code < CellCheck.ALL.length ? message(CellCheck.ALL[code], v)
                : col.national.message(code - CellCheck.ALL.length, v, recordDay);
        tally.hit(plan.slots.get(slot), slot, row, line, place, v, col.expected(code), message);
    }

    /**
     * Open data: counts, in every field of the record, values that are personal data, and reports
     * each field that holds one inside its text.
     */
    private void lookForPersonalData(Fields fields, String[] rec, int i, long row, long line) {
        List<chuan.standard.PersonalData.Detector> detectors = plan.personalData.detectors();
        int n = Math.min(plan.personalSlot.length, fields != null ? fields.width(i) : rec.length);
        for (int k = 0; k < n; k++) {
            Cell v = fields != null ? fields.get(i, k, dateCell) : rec[k] == null ? null : dateCell.text(rec[k]);
            if (v == null || v.isEmpty()) {
                continue;
            }
            tally.pdNonEmpty[k]++;
            boolean whole = false;
            for (int d = 0; d < detectors.size(); d++) {
                if (detectors.get(d).matches(v)) {
                    whole = true;
                    if (tally.pdHits[k][d]++ == 0) {
                        tally.pdFirstRow[k][d] = row;
                        tally.pdFirstLine[k][d] = line;
                    }
                }
            }
            // a whole value counts towards its column's share; one written inside text is a finding where it is
            String inside = whole ? null : plan.personalData.foundInText(v);
            if (inside != null) {
                tally.hit(plan.slots.get(plan.personalSlot[k]), plan.personalSlot[k], row, line, place, v, "no personal data", inside);
            }
        }
    }

    /** The record's date for a column dated by another (as-of-column), as an epoch day. */
    private long recordDay(RecordBatch b, int i, Fields fields, String[] rec, int dateColumn) {
        int idx = plan.fileIndex[dateColumn];
        if (idx < 0) {
            return Long.MIN_VALUE;
        }
        if (fields != null && idx >= fields.width(i)) {
            return Long.MIN_VALUE;
        }
        Cell d = fields != null ? fields.get(i, idx, dateCell) : rec[idx] == null ? null : dateCell.text(rec[idx]);
        return plan.columns[dateColumn].day(d);
    }

    /**
     * Rules between columns (an ID and the birth date beside it), run only when both cells are
     * present and passed all their own checks, and reported on the sibling with both values.
     */
    private void crossCheck(long row, long line) {
        for (ScanPlan.Cross x : plan.crossRules) {
            Cell subject = cells[x.subject()];
            Cell sibling = cells[x.sibling()];
            if (subject == null || sibling == null || subject.isEmpty() || sibling.isEmpty()
                    || codes[x.subject()] != CompiledColumn.OK || codes[x.sibling()] != CompiledColumn.OK) {
                continue;
            }
            long siblingDay = plan.columns[x.sibling()].day(sibling);
            long recordDay = days[x.subject()];
            if (x.rule().agrees(subject, sibling, siblingDay, recordDay)) {
                continue;
            }
            if (!tally.wantsExample(x.slot()) && tally.pending == null) {
                tally.violations[x.slot()]++;
                continue;
            }
            tally.hit(plan.slots.get(x.slot()), x.slot(), row, line, place, sibling, x.rule().expected(subject, recordDay),
                    "does not match " + plan.fieldName(x.subject()) + " in the same record");
        }
    }

    private void record(int slot, long row, long line, String expected, String message) {
        record(slot, row, line, null, expected, message);
    }

    private void record(int slot, long row, long line, Integer column, String expected, String message) {
        if (slot < 0) {
            return;
        }
        if (!tally.wantsExample(slot) && tally.pending == null) {
            tally.violations[slot]++;
            return;
        }
        tally.add(plan.slots.get(slot), slot, Violation.builder().row(row).line(line == 0 ? null : line).column(column)
                .place(place == null ? null : place.at(column == null ? 0 : column)).expected(expected).message(message).build());
    }

    private void validateSchema(String text, long row, long line) {
        try {
            schema.validate(new JSONObject(text));
        } catch (ValidationException e) {
            for (ValidationException leaf : leaves(e)) {
                String pointer = leaf.getPointerToViolation() == null ? "" : leaf.getPointerToViolation().replaceFirst("^#", "");
                if (!tally.wantsExample(schemaSlot) && tally.pending == null) {
                    tally.violations[schemaSlot]++;
                    continue;
                }
                tally.add(plan.slots.get(schemaSlot), schemaSlot, Violation.builder().row(row).line(line)
                        .field(pointer.isEmpty() ? "/" : InputMessages.pointer(pointer))
                        .expected(leaf.getKeyword() == null ? null : "schema keyword '" + leaf.getKeyword() + "'")
                        .message(InputMessages.schema(leaf.getErrorMessage())).build());
            }
        } catch (JSONException e) {
            record(syntaxSlot, row, line, "a JSON object", "malformed JSON: " + InputMessages.orgJson(e.getMessage()));
        }
    }

    private static List<ValidationException> leaves(ValidationException e) {
        if (e.getCausingExceptions().isEmpty()) {
            return List.of(e);
        }
        java.util.ArrayList<ValidationException> out = new java.util.ArrayList<>();
        for (ValidationException c : e.getCausingExceptions()) {
            out.addAll(leaves(c));
        }
        return out;
    }

    private static String message(CellCheck k, Cell v) {
        return switch (k) {
            case REQUIRED -> "required value is missing";
            case NFC -> "text is not in Unicode NFC (it holds decomposed characters)";
            case TYPE -> "value does not have the declared type";
            case PATTERN -> "value does not match the pattern";
            case ENUM -> "value is not in the allowed list";
            case RANGE -> "value is outside the allowed range";
            case LENGTH -> "value has " + v.codePointCount() + " characters";
            case UNIQUE -> "value already used by an earlier record";
        };
    }
}
