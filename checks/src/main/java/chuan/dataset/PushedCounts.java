package chuan.dataset;

/**
 * Counts a database computed itself ({@code --pushdown}) for a scan of one of its tables: the rows, and per
 * column (by its index in the source's header) the values that are not missing and the repeats of values
 * that must be unique. The scan takes these instead of counting them as it reads (no index of every value
 * is kept for uniqueness); every other check still reads each row.
 */
public interface PushedCounts {

    /** The rows of the table. */
    long rows();

    /** Values of header column {@code column} that are neither NULL nor one of its missing values; -1 when not counted. */
    long nonMissing(int column);

    /** Values of header column {@code column} that repeat an earlier one (all occurrences but the first); -1 when not counted. */
    long repeats(int column);
}
