package chuan.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a chunk of whole CSV/TSV records into fields and decodes them, on a validator thread.
 * Field values are created straight from the bytes (the JDK's fast UTF-8 path); a value that
 * comes out with a replacement character is checked strictly, so invalid UTF-8 is never
 * silently repaired.
 *
 * <p>Bad quoting is recovered the way common readers recover it, and noted where it happens: a
 * quote inside an unquoted field is kept as a character ({@code c"d}), text after a closing quote
 * is appended to the field ({@code "a"b} reads {@code ab}). A record of nothing but delimiters
 * and empty fields is blank, like an empty line; a record starting with the comment prefix is a
 * comment.
 */
final class CsvChunkParser {

    /** A field longer than this is not data: the file is not CSV, or a quote was lost. */
    static final int MAX_FIELD_BYTES = 1 << 20;

    /** Bad quoting in one record, at a line and character column; the record's fields are kept. */
    record QuoteProblem(int record, long line, long column, String message) {
    }

    private final byte delimiter;
    private final byte quote;
    private final byte[] comment;
    private Fields fields;
    private byte[] scratch = new byte[256];
    private int pos;
    private long line;
    private int lineStart;         // offset of the current line's first byte in the chunk
    /** Set when a field was not valid UTF-8, with the first such record's number. */
    boolean badEncoding;
    long badEncodingRow;
    private boolean recordBad;
    private int record;            // index of the record being parsed within the chunk
    private List<QuoteProblem> problems;
    private int problemRecord = -1;

    CsvChunkParser(char delimiter, char quote) {
        this(delimiter, quote, null);
    }

    CsvChunkParser(char delimiter, char quote, byte[] comment) {
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.comment = comment == null || comment.length == 0 ? null : comment;
    }

    /** Parses the chunk into the batch (sized by the chunker's record count). */
    void parse(CsvChunker.Chunk chunk, RecordBatch batch) throws InputProblem {
        byte[] b = chunk.bytes();
        int n = chunk.length();
        Fields f = new Fields(b, chunk.records());
        fields = f;
        batch.fields = f;
        problems = null;
        problemRecord = -1;
        pos = 0;
        lineStart = 0;
        line = chunk.firstLine();
        long row = chunk.firstRow();
        int r = 0;
        while (pos < n && r < chunk.records()) {
            long start = line;
            f.recordStart[r] = f.count;
            record = r;
            if (CsvChunker.startsWith(b, pos, n, comment)) {
                skipLine(b, n);
                batch.add(row, start, RecordBatch.COMMENT, null, null);
                r++;
                continue;
            }
            recordBad = false;
            boolean blank = record(b, n, row) || allEmpty(f, f.recordStart[r]);
            batch.add(row, start, blank ? RecordBatch.BLANK : recordBad ? RecordBatch.BAD_ENCODING : RecordBatch.OK, null, null);
            row++;
            r++;
        }
        f.recordStart[r] = f.count;
        batch.quoteProblems = problems;
    }

    /** Parses the header chunk: its one record's fields, as text. Bad quoting in it is in {@link #headerProblems()}. */
    String[] header(CsvChunker.Chunk chunk) throws InputProblem {
        Fields f = new Fields(chunk.bytes(), 1);
        fields = f;
        problems = null;
        problemRecord = -1;
        record = 0;
        pos = 0;
        lineStart = 0;
        line = chunk.firstLine();
        record(chunk.bytes(), chunk.length(), 0);
        f.recordStart[1] = f.count;
        String[] out = new String[f.count];
        for (int k = 0; k < out.length; k++) {
            out[k] = f.string(0, k);
        }
        return out;
    }

    /** Bad quoting found by the last {@link #header} call. */
    List<QuoteProblem> headerProblems() {
        return problems == null ? List.of() : problems;
    }

    private static boolean allEmpty(Fields f, int from) {
        for (int k = from; k < f.count; k++) {
            if (!f.isEmpty(k)) {
                return false;
            }
        }
        return true;
    }

    /** A comment: everything up to the end of its line. */
    private void skipLine(byte[] b, int n) {
        while (pos < n && b[pos] != '\n' && b[pos] != '\r') {
            pos++;
        }
        if (pos < n) {
            endOfRecord(b, n);
        }
    }

    /** Reads one record at pos; true when it was a blank line. */
    private boolean record(byte[] b, int n, long row) throws InputProblem {
        if (pos < n && (b[pos] == '\n' || b[pos] == '\r')) {
            endOfRecord(b, n);
            return true;
        }
        while (true) {
            int end = pos < n && b[pos] == quote ? quoted(b, n, row) : unquoted(b, n, row);
            if (end == delimiter) {
                pos++;
                if (pos >= n || b[pos] == '\n' || b[pos] == '\r') {
                    fields.slice(pos, pos);
                    if (pos < n) {
                        endOfRecord(b, n);
                    }
                    return false;
                }
                continue;
            }
            if (end >= 0) {
                endOfRecord(b, n);
            }
            return false;
        }
    }

    private void endOfRecord(byte[] b, int n) {
        if (b[pos] == '\r' && pos + 1 < n && b[pos + 1] == '\n') {
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private int unquoted(byte[] b, int n, long row) throws InputProblem {
        int start = pos;
        int neg = 0;
        int i = pos;
        while (i < n) {
            byte c = b[i];
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            if (c == quote) {
                problem(b, i, "a quote inside a field that does not start with one (quote the whole field and double the quote)");
            }
            neg |= c;
            i++;
        }
        pos = i;
        value(b, start, i, neg < 0, row);
        return i < n ? b[i] : -1;
    }

    private int quoted(byte[] b, int n, long row) throws InputProblem {
        long lineAtStart = line;
        int lineStartAtStart = lineStart;
        int i = pos + 1;
        int start = i;
        int neg = 0;
        // fast path: no doubled quote, value taken straight from the chunk
        while (i < n && b[i] != quote) {
            byte c = b[i];
            neg |= c;
            if (c == '\n' || (c == '\r' && (i + 1 >= n || b[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
            i++;
        }
        int close = i;
        if (i + 1 < n && b[i + 1] == quote) {
            return quotedSlow(b, n, start, row, lineAtStart, lineStartAtStart);
        }
        i++; // past the closing quote
        if (i >= n || b[i] == delimiter || b[i] == '\n' || b[i] == '\r') {
            pos = i;
            value(b, start, close, neg < 0, row);
            return i < n ? b[i] : -1;
        }
        return quotedSlow(b, n, start, row, lineAtStart, lineStartAtStart);
    }

    /** A quoted field with doubled quotes or text after the closing quote: copied byte by byte. */
    private int quotedSlow(byte[] b, int n, int start, long row, long lineAtStart, int lineStartAtStart) throws InputProblem {
        int k = 0;
        int neg = 0;
        int i = start;
        boolean closed = false;
        boolean after = false;
        line = lineAtStart;
        lineStart = lineStartAtStart;
        while (i < n) {
            byte c = b[i];
            if (!closed) {
                if (c == quote) {
                    if (i + 1 < n && b[i + 1] == quote) {
                        k = put(k, quote);
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i++;
                    continue;
                }
                if (c == '\n' || (c == '\r' && (i + 1 >= n || b[i + 1] != '\n'))) {
                    line++;
                    lineStart = i + 1;
                }
            } else if (c == delimiter || c == '\n' || c == '\r') {
                break;
            } else if (!after) {
                after = true;
                problem(b, i, "text after the closing quote of a field (quote the whole field and double the quotes inside it)");
            }
            neg |= c;
            k = put(k, c);
            i++;
        }
        pos = i;
        fields.text(decode(scratch, 0, k, neg < 0, row));
        return i < n ? b[i] : -1;
    }

    /** Notes the first quoting problem of the current record, at the byte offset {@code at}. */
    private void problem(byte[] b, int at, String message) {
        if (problemRecord == record) {
            return;
        }
        problemRecord = record;
        if (problems == null) {
            problems = new ArrayList<>();
        }
        problems.add(new QuoteProblem(record, line, column(b, lineStart, at), message));
    }

    /** 1-based character column (UTF-16 units, as editors count) of byte {@code at} in the line starting at {@code from}. */
    static long column(byte[] b, int from, int at) {
        long col = 1;
        for (int i = from; i < at; i++) {
            int c = b[i] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                col += (c & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return col;
    }

    private int put(int k, byte c) {
        if (k == scratch.length) {
            scratch = Arrays.copyOf(scratch, k * 2);
        }
        scratch[k] = c;
        return k + 1;
    }

    /** A field stays in place; one with non-ASCII bytes is validated as UTF-8 and counted now. */
    private void value(byte[] b, int from, int to, boolean nonAscii, long row) throws InputProblem {
        if (to - from > MAX_FIELD_BYTES) {
            decode(b, from, to - from, false, row);
        }
        if (!nonAscii) {
            fields.slice(from, to);
            return;
        }
        int cps = Utf8.codePoints(b, from, to);
        if (cps >= 0) {
            fields.utf8(from, to, cps);
        } else {
            fields.text(decode(b, from, to - from, true, row)); // flags the bad bytes
        }
    }

    private String decode(byte[] b, int off, int len, boolean nonAscii, long row) throws InputProblem {
        if (len > MAX_FIELD_BYTES) {
            throw new InputProblem("DATA-FIELD-SIZE", row, line, 1, "a field of record " + row + " is longer than "
                    + MAX_FIELD_BYTES + " bytes; the file is probably not CSV or its quoting is broken");
        }
        if (!nonAscii) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        String s = new String(b, off, len, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0 && !strictlyValid(b, off, len)) {
            recordBad = true;
            if (!badEncoding) {
                badEncoding = true;
                badEncodingRow = row;
            }
        }
        return s;
    }

    private static boolean strictlyValid(byte[] b, int off, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

}
