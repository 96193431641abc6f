package chuan.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The column names of a header written on several rows, as statistics offices export them: a
 * group name in an upper row stands over the blank cells to its right (a merged cell) when the row
 * below names its sub-columns, and each column's name is its rows' names joined, leaving out
 * blanks and a name repeated from the row above.
 */
final class HeaderRows {

    private HeaderRows() {
    }

    static List<String> join(List<String[]> rows, String joiner) {
        if (rows.size() == 1) {
            return new ArrayList<>(List.of(rows.get(0)));
        }
        int width = 0;
        for (String[] r : rows) {
            width = Math.max(width, r.length);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> parts = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                String part = cell(rows.get(r), c);
                if (part.isEmpty() && r < rows.size() - 1) {
                    part = mergedFromLeft(rows, r, c);
                }
                if (!part.isEmpty() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(part))) {
                    parts.add(part);
                }
            }
            names.add(String.join(joiner, parts));
        }
        return names;
    }

    /**
     * The name of a merged cell of an upper row that covers column c: the nearest name to its left
     * in that row, when that name has sub-columns (the row below has a name under it); a name with
     * nothing below it is a column of its own, merged down, not over its neighbours.
     */
    private static String mergedFromLeft(List<String[]> rows, int r, int c) {
        for (int k = c - 1; k >= 0; k--) {
            String left = cell(rows.get(r), k);
            if (!left.isEmpty()) {
                return cell(rows.get(r + 1), k).isEmpty() ? "" : left;
            }
        }
        return "";
    }

    private static String cell(String[] row, int c) {
        return c < row.length ? row[c].strip() : "";
    }
}
