package chuan.dataset;

import java.util.Arrays;

/**
 * The fields of a batch of CSV/TSV records, kept as positions in the chunk's bytes and read in
 * place through a reusable {@link Cell}: ASCII fields, and UTF-8 fields the parser has validated
 * and counted; only a field with escaped quotes is copied, into a String.
 */
final class Fields {

    final byte[] bytes;
    int[] start;
    int[] end;
    String[] text;
    /** Code points of a UTF-8 slice; -1 for an ASCII slice. */
    int[] codePoints;
    int count;
    /** Per record: index of its first field; {@code recordStart[r + 1] - recordStart[r]} is its width. */
    final int[] recordStart;

    Fields(byte[] bytes, int records) {
        this.bytes = bytes;
        int guess = Math.max(16, records * 8);
        this.start = new int[guess];
        this.end = new int[guess];
        this.text = new String[guess];
        this.codePoints = new int[guess];
        this.recordStart = new int[records + 1];
    }

    void slice(int from, int to) {
        ensure();
        start[count] = from;
        end[count] = to;
        codePoints[count] = -1;
        count++;
    }

    /** A slice of valid UTF-8 holding {@code cps} code points. */
    void utf8(int from, int to, int cps) {
        ensure();
        start[count] = from;
        end[count] = to;
        codePoints[count] = cps;
        count++;
    }

    void text(String value) {
        ensure();
        text[count] = value;
        count++;
    }

    private void ensure() {
        if (count == start.length) {
            int n = count * 2;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            text = Arrays.copyOf(text, n);
            codePoints = Arrays.copyOf(codePoints, n);
        }
    }

    /** Whether field k (an index over the whole batch) is empty. */
    boolean isEmpty(int k) {
        String t = text[k];
        return t != null ? t.isEmpty() : start[k] == end[k];
    }

    int width(int record) {
        return recordStart[record + 1] - recordStart[record];
    }

    /** The field's value; an ASCII field is returned through {@code cell}, valid until its next use. */
    Cell get(int record, int column, Cell cell) {
        int k = recordStart[record] + column;
        String t = text[k];
        if (t != null) {
            return cell.text(t);
        }
        int cps = codePoints[k];
        return cps < 0 ? cell.ascii(bytes, start[k], end[k]) : cell.utf8(bytes, start[k], end[k], cps);
    }

    /** The field as a String (for headers and examples). */
    String string(int record, int column) {
        int k = recordStart[record] + column;
        String t = text[k];
        if (t != null) {
            return t;
        }
        return new String(bytes, start[k], end[k] - start[k], codePoints[k] < 0
                ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_8);
    }
}
