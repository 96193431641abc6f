package chuan.dataset;

/**
 * Records handed from the reader thread to a validator: their values, record numbers and
 * starting lines. For CSV/TSV the values are in file order; for JSON they are already aligned
 * to the profile's columns.
 */
final class RecordBatch {

    /** What the reader found a record to be, before any column check. */
    static final byte OK = 0;
    static final byte BLANK = 1;
    static final byte JSON_SYNTAX = 2;
    static final byte JSON_NOT_OBJECT = 3;
    static final byte RAGGED = 4;
    /** A record with bytes that are not UTF-8: its cells are not checked (the encoding result says why). */
    static final byte BAD_ENCODING = 5;
    /** A comment line (the profile's comment prefix): not a record, not checked, not counted. */
    static final byte COMMENT = 6;

    static final RecordBatch END = new RecordBatch(-1, 0);

    final long seq;
    final String[][] values;
    final long[] rows;
    final long[] lines;
    final byte[] kinds;
    /** For a cell source: where each record is, as its program names it; null for text files. */
    chuan.source.RecordPlace[] places;
    /** For JSON: the record's text (for the JSON Schema) or the syntax error message. */
    final String[] texts;
    /** CSV/TSV: the raw records, split and decoded by the validator that takes the batch. */
    final CsvChunker.Chunk chunk;
    /** CSV/TSV: the fields, filled by the validator from {@link #chunk}; null for JSON. */
    Fields fields;
    /** Violations found in this batch, when the scan streams them: flushed in batch order by the in-order stage. */
    java.util.List<Tally.Pending> pending;
    /** CSV/TSV: bad quoting found while splitting the records, in record order; null when there is none. */
    java.util.List<CsvChunkParser.QuoteProblem> quoteProblems;
    /** Set when checking the batch failed: the in-order stage passes over it. */
    boolean skipOrdered;
    int size;

    RecordBatch(long seq, int capacity) {
        this(seq, capacity, null);
    }

    RecordBatch(long seq, int capacity, CsvChunker.Chunk chunk) {
        this.chunk = chunk;
        this.seq = seq;
        this.values = new String[capacity][];
        this.rows = new long[capacity];
        this.lines = new long[capacity];
        this.kinds = new byte[capacity];
        this.texts = new String[capacity];
    }

    boolean full() {
        return size == values.length;
    }

    void add(long row, long line, byte kind, String[] vals, String text) {
        rows[size] = row;
        lines[size] = line;
        kinds[size] = kind;
        values[size] = vals;
        texts[size] = text;
        size++;
    }
}
