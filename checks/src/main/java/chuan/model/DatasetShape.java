package chuan.model;

import java.util.List;

/**
 * What a dataset looked like to one profile, kept in the JSON report so that the next scan can compare
 * with it ({@code --previous}): its records, the header's column names as read (null without a header;
 * names that look personal masked), and each profile column's cells read and filled (cells 0: the column
 * is not in the file).
 */
public record DatasetShape(String profile, long records, List<String> header, List<ColumnFill> columns) {

    public DatasetShape {
        header = header == null ? null : List.copyOf(header);
        columns = List.copyOf(columns);
    }

    /** One profile column: cells read, and cells holding a value. */
    public record ColumnFill(String name, long cells, long filled) {
    }

    /** The fill of a column by its profile name, or null. */
    public ColumnFill column(String name) {
        for (ColumnFill c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
