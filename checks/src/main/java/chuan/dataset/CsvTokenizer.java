package chuan.dataset;

import java.io.IOException;
import java.io.Reader;

/**
 * An RFC 4180 tokenizer that knows where it is. Univocity and Commons CSV parse well but do not
 * say on which physical line a record starts, where an unterminated quote was opened, or stop a
 * runaway field at a size limit; an audit must report all three, so this reads the characters
 * itself. Lenient like the common readers: a quote inside an unquoted field, or text after a
 * closing quote, is kept as written.
 */
final class CsvTokenizer {

    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final int maxFieldChars;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int lim;
    private long consumed;      // chars before buf[0]
    private long line = 1;      // physical line at pos
    private long lineStart;     // absolute char index where the current line starts
    private final StringBuilder sb = new StringBuilder();

    private String[] fields = new String[16];
    private int count;
    private long recordLine;
    private boolean blank;

    CsvTokenizer(Reader in, char delimiter, char quote, int maxFieldChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.maxFieldChars = maxFieldChars;
    }

    /** A structural problem that stops the file from being read further. */
    static final class CsvSyntaxException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;
        final boolean tooLong;

        CsvSyntaxException(long line, long column, String message, boolean tooLong) {
            super(message);
            this.line = line;
            this.column = column;
            this.tooLong = tooLong;
        }
    }

    /** Reads the next record; false at end of input. */
    boolean next() throws IOException {
        if (pos >= lim && !fill()) {
            return false;
        }
        recordLine = line;
        count = 0;
        blank = false;
        while (true) {
            char c = buf[pos];
            int end;
            if (c == quote) {
                end = quoted();
            } else {
                end = unquoted();
                if (count == 1 && fields[0].isEmpty() && end != delimiter) {
                    blank = true;
                }
            }
            if (end == delimiter) {
                pos++;
                if (pos >= lim && !fill()) {
                    add("");
                    return true;
                }
                continue;
            }
            if (end == '\n' || end == '\r') {
                pos++;
                if (end == '\r' && (pos < lim || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                newLine();
            }
            return true;
        }
    }

    String[] fields() {
        return fields;
    }

    int count() {
        return count;
    }

    long recordLine() {
        return recordLine;
    }

    /** A line with nothing on it (not even a quoted empty field). */
    boolean blank() {
        return blank;
    }

    /** Current physical line and column (1-based), for errors raised outside the tokenizer. */
    long line() {
        return line;
    }

    private void newLine() {
        line++;
        lineStart = consumed + pos;
    }

    private long column(long absolute) {
        return absolute - lineStart + 1;
    }

    /** Reads an unquoted field at pos; returns the char that ended it (-1 at end of input). */
    private int unquoted() throws IOException {
        int start = pos;
        boolean spilled = false;
        while (true) {
            while (pos < lim) {
                char c = buf[pos];
                if (c == delimiter || c == '\n' || c == '\r') {
                    finishField(start, spilled);
                    return c;
                }
                pos++;
            }
            // buffer exhausted in the middle of a field: keep what we have, refill
            if (!spilled) {
                sb.setLength(0);
                spilled = true;
            }
            sb.append(buf, start, pos - start);
            checkSize(sb.length());
            if (!fill()) {
                add(sb.toString());
                return -1;
            }
            start = pos;
        }
    }

    private void finishField(int start, boolean spilled) throws CsvSyntaxException {
        if (spilled) {
            sb.append(buf, start, pos - start);
            checkSize(sb.length());
            add(sb.toString());
        } else {
            checkSize(pos - start);
            add(new String(buf, start, pos - start));
        }
    }

    /** Reads a quoted field starting at the opening quote; returns the char that ended it. */
    private int quoted() throws IOException {
        long openLine = line;
        long openCol = column(consumed + pos);
        pos++;
        sb.setLength(0);
        while (true) {
            if (pos >= lim && !fill()) {
                throw new CsvSyntaxException(openLine, openCol,
                        "unterminated quoted field: the quote opened here is never closed", false);
            }
            int start = pos;
            while (pos < lim) {
                char c = buf[pos];
                if (c == quote) {
                    break;
                }
                if (c == '\n' || (c == '\r' && !(pos + 1 < lim && buf[pos + 1] == '\n'))) {
                    pos++;
                    sb.append(buf, start, pos - start);
                    start = pos;
                    newLine();
                    continue;
                }
                pos++;
            }
            sb.append(buf, start, pos - start);
            checkSize(sb.length());
            if (pos >= lim) {
                continue;
            }
            // at a quote: doubled means a literal quote, otherwise the field is closed
            pos++;
            if (pos >= lim && !fill()) {
                add(sb.toString());
                return -1;
            }
            if (buf[pos] == quote) {
                sb.append(quote);
                pos++;
                continue;
            }
            // lenient: keep any text between the closing quote and the next delimiter
            while (true) {
                while (pos < lim) {
                    char c = buf[pos];
                    if (c == delimiter || c == '\n' || c == '\r') {
                        add(sb.toString());
                        return c;
                    }
                    sb.append(c);
                    pos++;
                }
                checkSize(sb.length());
                if (!fill()) {
                    add(sb.toString());
                    return -1;
                }
            }
        }
    }

    private void checkSize(int length) throws CsvSyntaxException {
        if (length > maxFieldChars) {
            throw new CsvSyntaxException(recordLine, 1, "a field of record at line " + recordLine
                    + " is longer than " + maxFieldChars + " characters; the file is probably not "
                    + (delimiter == '\t' ? "TSV" : "CSV") + " or its quoting is broken", true);
        }
    }

    private void add(String value) {
        if (count == fields.length) {
            fields = java.util.Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = value;
    }

    private boolean fill() throws IOException {
        consumed += lim;
        pos = 0;
        lim = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        lim = n;
        return true;
    }
}
