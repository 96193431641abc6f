package chuan.workbook;

import java.util.Arrays;

/**
 * The cells of one row block of an {@code .xls} sheet, held until the block ends and then taken in row and column
 * order: BIFF stores up to 32 ROW records and then their cells, in an order its writers do not all keep.
 */
final class XlsCells {

    int size;
    int[] row = new int[256];
    int[] column = new int[256];
    StoredRow.Kind[] kind = new StoredRow.Kind[256];
    String[] text = new String[256];
    double[] number = new double[256];
    int[] xf = new int[256];
    boolean[] formula = new boolean[256];

    private int maxRow = -1;
    /** Sort keys: row, column, then the order stored (a cell stored twice keeps its last value). */
    private long[] keys = new long[256];
    /** Sorted cells ready to take are {@code keys[next..ready)}. */
    private int next;
    private int ready;

    /** Adds a cell; returns its index until the next {@link #sort}. */
    int add(int r, int c, StoredRow.Kind k, String t, double n, int x, boolean f) {
        if (size == row.length) {
            int len = size * 2;
            row = Arrays.copyOf(row, len);
            column = Arrays.copyOf(column, len);
            kind = Arrays.copyOf(kind, len);
            text = Arrays.copyOf(text, len);
            number = Arrays.copyOf(number, len);
            xf = Arrays.copyOf(xf, len);
            formula = Arrays.copyOf(formula, len);
        }
        row[size] = r;
        column[size] = c;
        kind[size] = k;
        text[size] = t;
        number[size] = n;
        xf[size] = x;
        formula[size] = f;
        maxRow = Math.max(maxRow, r);
        return size++;
    }

    /** Sorts the cells and makes those of rows below {@code limit} ready to take. */
    void sort(int limit) {
        if (keys.length < size) {
            keys = new long[row.length];
        }
        for (int i = 0; i < size; i++) {
            keys[i] = (long) row[i] << 40 | (long) column[i] << 24 | i;
        }
        Arrays.sort(keys, 0, size);
        next = 0;
        ready = 0;
        while (ready < size && (int) (keys[ready] >>> 40) < limit) {
            ready++;
        }
    }

    /** The last row of the cells held, or -1 when there is none. */
    int maxRow() {
        return maxRow;
    }

    /** The row of the next ready cell, or {@code Integer.MAX_VALUE} when none is ready. */
    int nextRow() {
        return next < ready ? (int) (keys[next] >>> 40) : Integer.MAX_VALUE;
    }

    /** Takes the next ready cell of {@code r} into {@code into}, skipping a value stored again after it; false when none is left. */
    boolean take(int r, StoredRow into, XlsStyles styles) {
        while (next < ready && (int) (keys[next] >>> 40) == r) {
            int i = (int) (keys[next++] & 0xFFFFFF);
            boolean overwritten = next < ready && (int) (keys[next] >>> 40) == r && column[(int) (keys[next] & 0xFFFFFF)] == column[i];
            if (!overwritten) {
                into.add(column[i], kind[i], text[i], number[i], styles.date(xf[i]), styles.general(xf[i]), formula[i],
                        kind[i] == StoredRow.Kind.NUMBER ? styles.format(xf[i]) : null);
                return true;
            }
        }
        return false;
    }

    /** Drops the cells taken, keeping the rest (rows at or past the limit) in the order stored. */
    void compact() {
        int[] rest = new int[size - ready];
        for (int j = ready; j < size; j++) {
            rest[j - ready] = (int) (keys[j] & 0xFFFFFF);
        }
        Arrays.sort(rest);
        maxRow = -1;
        for (int j = 0; j < rest.length; j++) {
            int i = rest[j];
            row[j] = row[i];
            column[j] = column[i];
            kind[j] = kind[i];
            text[j] = text[i];
            number[j] = number[i];
            xf[j] = xf[i];
            formula[j] = formula[i];
            maxRow = Math.max(maxRow, row[j]);
        }
        Arrays.fill(text, rest.length, size, null);
        size = rest.length;
        next = 0;
        ready = 0;
    }
}
