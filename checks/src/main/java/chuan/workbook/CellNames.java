package chuan.workbook;

/** Cell references as spreadsheets write them: {@code B17}, {@code 'My sheet'!B17}. */
public final class CellNames {

    private CellNames() {
    }

    /** The column letters of a 0-based column: 0 is A, 26 is AA. */
    public static String column(int col) {
        StringBuilder sb = new StringBuilder();
        int n = col + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.append((char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.reverse().toString();
    }

    /** {@code B17} for 0-based column 1 and row 16. */
    public static String cell(int col, int row) {
        return column(col) + (row + 1);
    }

    /** A sheet name as a reference writes it: quoted (quotes doubled) unless it is letters, digits and underscores. */
    public static String sheet(String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0));
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }
        return plain ? name : "'" + name.replace("'", "''") + "'";
    }
}
