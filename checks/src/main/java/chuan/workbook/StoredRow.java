package chuan.workbook;

/**
 * One row of a sheet as its file stores it, filled by a {@link SheetReader} and reused from row to row:
 * the row's 0-based index, whether it is hidden, and its cells in the order stored (ascending columns).
 * Arrays grow as needed; only the first {@link #size} entries are the row's.
 */
public final class StoredRow {

    /** What a stored cell holds. */
    public enum Kind {
        /** Formatting only: no value. */
        EMPTY,
        TEXT,
        NUMBER,
        BOOLEAN,
        /** An error value ({@code #REF!}): {@link #text} holds its code. */
        ERROR,
        /** A formula whose file holds no cached value: never evaluated. */
        FORMULA_WITHOUT_VALUE
    }

    public int index;
    public boolean hidden;
    public int size;
    public int[] column = new int[16];
    public Kind[] kind = new Kind[16];
    public String[] text = new String[16];
    public double[] number = new double[16];
    /** The cell's number format is a date or time format (its number is a date serial). */
    public boolean[] dateFormat = new boolean[16];
    /** The cell's number format is General, so a long number is shown in scientific notation. */
    public boolean[] generalFormat = new boolean[16];
    /** The cell holds a formula (its value is the cached result). */
    public boolean[] formula = new boolean[16];
    /** A number's format when it is neither General nor a date's ({@code 000000000000}, {@code #,##0}); else null. */
    public String[] format = new String[16];

    /** Starts row {@code index}. */
    public void start(int index, boolean hidden) {
        this.index = index;
        this.hidden = hidden;
        this.size = 0;
    }

    /** Adds a cell; {@code text} for text and error values, {@code number} for numbers and booleans (1 true). */
    public void add(int col, Kind k, String txt, double num, boolean isDate, boolean isGeneral, boolean isFormula) {
        add(col, k, txt, num, isDate, isGeneral, isFormula, null);
    }

    /** As above, with the number format a number is shown in (null for General and dates). */
    public void add(int col, Kind k, String txt, double num, boolean isDate, boolean isGeneral, boolean isFormula, String numberFormat) {
        if (size == column.length) {
            int n = size * 2;
            column = java.util.Arrays.copyOf(column, n);
            kind = java.util.Arrays.copyOf(kind, n);
            text = java.util.Arrays.copyOf(text, n);
            number = java.util.Arrays.copyOf(number, n);
            dateFormat = java.util.Arrays.copyOf(dateFormat, n);
            generalFormat = java.util.Arrays.copyOf(generalFormat, n);
            formula = java.util.Arrays.copyOf(formula, n);
            format = java.util.Arrays.copyOf(format, n);
        }
        column[size] = col;
        kind[size] = k;
        text[size] = txt;
        number[size] = num;
        dateFormat[size] = isDate;
        generalFormat[size] = isGeneral;
        formula[size] = isFormula;
        format[size] = numberFormat;
        size++;
    }

    /** Whether any cell holds a value (not only formatting). */
    public boolean hasValue() {
        for (int i = 0; i < size; i++) {
            if (kind[i] != Kind.EMPTY && !(kind[i] == Kind.TEXT && text[i].isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
