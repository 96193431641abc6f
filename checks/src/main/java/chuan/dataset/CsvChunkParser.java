package chuan.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a chunk of whole CSV/TSV records into fields and decodes them, on a validator thread.
 * Field values are created straight from the bytes (the JDK's fast UTF-8 path); a value that
 * comes out with a replacement character is checked strictly, so invalid UTF-8 is never
 * silently repaired.
 */
final class CsvChunkParser {

    /** A field longer than this is not data: the file is not CSV, or a quote was lost. */
    static final int MAX_FIELD_BYTES = 1 << 20;

    private final byte delimiter;
    private final byte quote;
    private Fields fields;
    private byte[] scratch = new byte[256];
    private int pos;
    private long line;
    /** Set when a field was not valid UTF-8, with the first such record's number. */
    boolean badEncoding;
    long badEncodingRow;
    private boolean recordBad;

    CsvChunkParser(char delimiter, char quote) {
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
    }

    /** Parses the chunk into the batch (sized by the chunker's record count). */
    void parse(CsvChunker.Chunk chunk, RecordBatch batch) throws InputProblem {
        byte[] b = chunk.bytes();
        int n = chunk.length();
        Fields f = new Fields(b, chunk.records());
        fields = f;
        batch.fields = f;
        pos = 0;
        line = chunk.firstLine();
        long row = chunk.firstRow();
        int r = 0;
        while (pos < n && r < chunk.records()) {
            long start = line;
            f.recordStart[r] = f.count;
            recordBad = false;
            boolean blank = record(b, n, row);
            batch.add(row, start, blank ? RecordBatch.BLANK : recordBad ? RecordBatch.BAD_ENCODING : RecordBatch.OK, null, null);
            row++;
            r++;
        }
        f.recordStart[r] = f.count;
    }

    /** Parses the header chunk: its one record's fields, as text. */
    String[] header(CsvChunker.Chunk chunk) throws InputProblem {
        Fields f = new Fields(chunk.bytes(), 1);
        fields = f;
        pos = 0;
        line = chunk.firstLine();
        record(chunk.bytes(), chunk.length(), 0);
        f.recordStart[1] = f.count;
        String[] out = new String[f.count];
        for (int k = 0; k < out.length; k++) {
            out[k] = f.string(0, k);
        }
        return out;
    }

    /** Reads one record at pos; true when it was a blank line. */
    private boolean record(byte[] b, int n, long row) throws InputProblem {
        if (pos < n && (b[pos] == '\n' || b[pos] == '\r')) {
            endOfRecord(b, n);
            return true;
        }
        while (true) {
            int end = b[pos] == quote ? quoted(b, n, row) : unquoted(b, n, row);
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
            neg |= c;
            i++;
        }
        pos = i;
        value(b, start, i, neg < 0, row);
        return i < n ? b[i] : -1;
    }

    private int quoted(byte[] b, int n, long row) throws InputProblem {
        int i = pos + 1;
        int start = i;
        int neg = 0;
        // fast path: no doubled quote, value taken straight from the chunk
        while (i < n && b[i] != quote) {
            byte c = b[i];
            neg |= c;
            if (c == '\n' || (c == '\r' && (i + 1 >= n || b[i + 1] != '\n'))) {
                line++;
            }
            i++;
        }
        int close = i;
        if (i + 1 < n && b[i + 1] == quote) {
            return quotedSlow(b, n, start, row);
        }
        i++; // past the closing quote
        if (i >= n || b[i] == delimiter || b[i] == '\n' || b[i] == '\r') {
            pos = i;
            value(b, start, close, neg < 0, row);
            return i < n ? b[i] : -1;
        }
        return quotedSlow(b, n, start, row);
    }

    /** A quoted field with doubled quotes or text after the closing quote: copied byte by byte. */
    private int quotedSlow(byte[] b, int n, int start, long row) throws InputProblem {
        int k = 0;
        int neg = 0;
        int i = start;
        boolean closed = false;
        // recount lines of this field from its start
        long lineAtStart = line;
        for (int j = start; j < n && b[j] != quote; j++) {
            if (b[j] == '\n' || (b[j] == '\r' && (j + 1 >= n || b[j + 1] != '\n'))) {
                lineAtStart--;
            }
        }
        line = lineAtStart;
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
                }
            } else if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            neg |= c;
            k = put(k, c);
            i++;
        }
        pos = i;
        fields.text(decode(scratch, 0, k, neg < 0, row));
        return i < n ? b[i] : -1;
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
