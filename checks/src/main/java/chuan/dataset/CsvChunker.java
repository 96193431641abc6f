package chuan.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a CSV/TSV byte stream into chunks of whole records, on the reader thread, so that the
 * expensive part (splitting fields, decoding UTF-8, checking) runs on all validator threads.
 *
 * <p>It runs the same state machine as {@link CsvChunkParser} (a quote opens a quoted field only
 * at the start of a field; doubled quotes are literal; a record ends at LF, CRLF or CR outside
 * quotes), counting records and lines so that each chunk knows its first record number and
 * line. The delimiter and quote are ASCII, so scanning UTF-8 bytes is safe. A record starting with
 * the comment prefix runs to the end of its line whatever its quotes and takes no record number.
 * It also counts how records end (CRLF, LF, CR) for the line-ending check.
 */
final class CsvChunker {

    static final int CHUNK = 1 << 20;
    static final int MAX_RECORD_BYTES = 8 << 20;

    private static final int UNQUOTED = 0;
    private static final int QUOTED = 1;
    private static final int COMMENT = 2;

    /** Line ends of records by kind, and the line of the first of each. */
    static final int CRLF = 0;
    static final int LF = 1;
    static final int CR = 2;
    final long[] lineEnds = new long[3];
    final long[] firstLineEnd = new long[3];

    private final InputStream in;
    private final byte delimiter;
    private final byte quote;
    private byte[] buf = new byte[CHUNK + (CHUNK >> 2)];
    private int len;              // bytes in buf
    private int scanned;          // bytes of buf already run through the state machine
    private int recordStart;      // start of the record in progress
    private int state = UNQUOTED;
    private boolean eof;
    private long line = 1;        // line at 'scanned'
    private long recordLine = 1;  // line where the record in progress starts
    private long nextRow = 1;     // number of the next record to be completed (header = 0 when present)
    private int lineStart;        // buf offset where the current line starts
    private int quoteOpen = -1;   // buf offset of the quote that opened the current quoted field
    private long quoteLine;
    private int quoteLineStart;
    private final byte[] comment;
    private boolean commentEnded; // the record just completed was a comment

    CsvChunker(InputStream in, char delimiter, char quote, boolean headerIsRecordZero) {
        this(in, delimiter, quote, headerIsRecordZero, null);
    }

    /** {@code comment}: the UTF-8 bytes of the comment prefix, or null. */
    CsvChunker(InputStream in, char delimiter, char quote, boolean headerIsRecordZero, byte[] comment) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.nextRow = headerIsRecordZero ? 0 : 1;
        this.comment = comment == null || comment.length == 0 ? null : comment;
    }

    /** Numbers the records from here on starting at {@code next} (after title rows and a multi-row header). */
    void restartNumbering(long next) {
        nextRow = next;
    }

    /** Whether a chunk of one record holds a comment. */
    boolean isComment(Chunk c) {
        return startsWith(c.bytes(), 0, c.length(), comment);
    }

    static boolean startsWith(byte[] b, int at, int end, byte[] prefix) {
        if (prefix == null || end - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** A chunk of whole records: {@code bytes[0..length)}, starting at record {@code firstRow} and line {@code firstLine}. */
    record Chunk(byte[] bytes, int length, long firstRow, long firstLine, int records) {
    }

    /** The next chunk, or null at end of input. {@code maxRecords} caps the records in one chunk (the header is read alone). */
    Chunk next(int maxRecords) throws IOException, InputProblem {
        int records = 0;
        long firstRow = nextRow;
        long firstLine = recordLine;
        int chunkStart = recordStart;
        int lastEnd = recordStart;
        while (true) {
            int end = scanned < len ? scan() : -1;
            if (end >= 0) {
                records++;
                if (!commentEnded) {
                    nextRow++;
                }
                lastEnd = end;
                recordStart = end;
                recordLine = line;
                if (records == maxRecords || lastEnd - chunkStart >= CHUNK) {
                    return cut(chunkStart, lastEnd, firstRow, firstLine, records);
                }
                continue;
            }
            if (scanned - recordStart > MAX_RECORD_BYTES) {
                throw tooLong();
            }
            if (eof) {
                return finish(chunkStart, firstRow, firstLine, records);
            }
            int shift = compact(chunkStart);
            chunkStart -= shift;
            lastEnd -= shift;
            if (!read()) {
                eof = true;
            }
        }
    }

    /**
     * Hands records {@code buf[from..to)} over. A full chunk at the front of the buffer is handed
     * over as it is, and only the unfinished record after it is copied into a fresh buffer; a small
     * one (the header) is copied out.
     */
    private Chunk cut(int from, int to, long firstRow, long firstLine, int records) {
        if (from != 0 || to < CHUNK / 2) {
            byte[] out = Arrays.copyOfRange(buf, from, to);
            return new Chunk(out, out.length, firstRow, firstLine, records);
        }
        byte[] out = buf;
        byte[] fresh = new byte[buf.length];
        int tail = len - to;
        System.arraycopy(buf, to, fresh, 0, tail);
        buf = fresh;
        len = tail;
        scanned -= to;
        recordStart -= to;
        lineStart -= to;
        quoteOpen -= to;
        quoteLineStart -= to;
        return new Chunk(out, to, firstRow, firstLine, records);
    }

    /** End of input: the last record may have no line end; an open quote is an error. */
    private Chunk finish(int chunkStart, long firstRow, long firstLine, int records) throws InputProblem {
        if (state == QUOTED) {
            throw new InputProblem("DATA-QUOTE", nextRow, quoteLine, column(quoteLineStart, quoteOpen),
                    "unterminated quoted field: the quote opened here is never closed");
        }
        if (len > recordStart) {
            records++;
            if (state != COMMENT && !startsWith(buf, recordStart, len, comment)) {
                nextRow++;
            }
            recordStart = len;
        }
        if (records == 0) {
            return null;
        }
        Chunk c = cut(chunkStart, len, firstRow, firstLine, records);
        recordStart = len;
        return c;
    }

    /**
     * Runs the state machine from {@code scanned}; returns the offset just past the end of the
     * first record completed, or -1 when the buffer ran out first. Only quotes and line ends
     * matter for where a record ends, so it jumps from one of those bytes to the next; a quote
     * opens a quoted field only at the start of a field, as in {@link CsvChunkParser}.
     */
    private int scan() {
        byte[] b = buf;
        int i = scanned;
        int n = len;
        int s = state;
        if (comment != null && s == UNQUOTED && i == recordStart) {
            if (n - i < comment.length && !eof) {
                return -1; // is it a comment? the next bytes will tell
            }
            if (startsWith(b, i, n, comment)) {
                s = COMMENT;
            }
        }
        while (i < n) {
            if (s == COMMENT) {
                i = ByteSearch.find(b, i, n, (byte) '\n', (byte) '\r', (byte) '\n');
                if (i >= n) {
                    break;
                }
                byte c = b[i];
                if (needMore(i, c)) {
                    break;
                }
                state = s;
                return endRecord(i, c);
            }
            if (s == QUOTED) {
                i = ByteSearch.find(b, i, n, quote, (byte) '\n', (byte) '\r');
                if (i >= n) {
                    break;
                }
                byte c = b[i];
                if (c == quote) {
                    if (i + 1 >= n) {
                        if (!eof) {
                            break; // is it a doubled quote? the next byte will tell
                        }
                        i++;
                        s = UNQUOTED;
                        continue;
                    }
                    if (b[i + 1] == quote) {
                        i += 2;
                    } else {
                        i++;
                        s = UNQUOTED;
                    }
                    continue;
                }
                if (c == '\r' && needMore(i, c)) {
                    break;
                }
                if (c == '\n' || i + 1 >= n || b[i + 1] != '\n') {
                    line++;
                    lineStart = i + 1;
                }
                i++;
                continue;
            }
            i = ByteSearch.find(b, i, n, quote, (byte) '\n', (byte) '\r');
            if (i >= n) {
                break;
            }
            byte c = b[i];
            if (c == quote) {
                if (i == recordStart || b[i - 1] == delimiter) {
                    s = QUOTED;
                    quoteOpen = i;
                    quoteLine = line;
                    quoteLineStart = lineStart;
                }
                i++;
                continue;
            }
            if (needMore(i, c)) {
                break;
            }
            return endRecord(i, c);
        }
        state = s;
        scanned = i;
        return -1;
    }

    /** A CR that is the last byte read so far: whether a LF follows is not known yet. */
    private boolean needMore(int i, byte c) {
        return c == '\r' && i + 1 >= len && !eof;
    }

    private int endRecord(int i, byte c) {
        commentEnded = state == COMMENT;
        state = UNQUOTED;
        int end = i + 1;
        int kind = c == '\n' ? LF : CR;
        if (c == '\r' && end < len && buf[end] == '\n') {
            end++;
            kind = CRLF;
        }
        if (lineEnds[kind]++ == 0) {
            firstLineEnd[kind] = line;
        }
        line++;
        lineStart = end;
        scanned = end;
        return end;
    }

    /** Moves the unfinished record to the front of the buffer; returns how far it moved. */
    private int compact(int keepFrom) {
        int shift = keepFrom;
        int remaining = len - keepFrom;
        if (buf.length - remaining < CHUNK / 4) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, remaining + CHUNK));
        }
        System.arraycopy(buf, keepFrom, buf, 0, remaining);
        len = remaining;
        scanned -= shift;
        recordStart -= shift;
        lineStart -= shift;
        if (quoteOpen >= 0) {
            quoteOpen -= shift;
            quoteLineStart -= shift;
        }
        return shift;
    }

    private boolean read() throws IOException {
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
            return false;
        }
        len += n;
        return true;
    }

    private InputProblem tooLong() {
        if (state == QUOTED) {
            return new InputProblem("DATA-QUOTE", nextRow, quoteLine, column(quoteLineStart, quoteOpen),
                    "unterminated quoted field? the quote opened here is not closed within "
                            + (MAX_RECORD_BYTES >> 20) + " MiB");
        }
        return new InputProblem("DATA-FIELD-SIZE", nextRow, recordLine, 1, "the record starting at line " + recordLine
                + " is longer than " + (MAX_RECORD_BYTES >> 20) + " MiB; the file is probably not "
                + (delimiter == '\t' ? "TSV" : "CSV") + " or its quoting is broken");
    }

    /** 1-based character column of a byte offset within the line starting at {@code lineStartAt}. */
    private long column(int lineStartAt, int offset) {
        if (lineStartAt < 0 || offset < lineStartAt) {
            return 1;
        }
        return new String(buf, lineStartAt, offset - lineStartAt, StandardCharsets.UTF_8).length() + 1L;
    }
}
