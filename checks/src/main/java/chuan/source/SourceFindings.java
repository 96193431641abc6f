package chuan.source;

/**
 * Where a cell source reports what it finds in how its cells are stored (a number in a text column, an
 * error value, a hidden row): one call per finding, on the reading thread. The scanner counts each under
 * its rule and keeps the first as examples; a value in a personal column is masked by the scanner.
 */
public interface SourceFindings {

    /**
     * A finding of {@code rule} (one of the source's {@link DataSource#ownRules()}) in record {@code row} (0: in
     * no record), at {@code place} (null: none), in header column {@code column} (0-based; -1: in none):
     * {@code value} as stored, null when there is none to show.
     */
    void found(String rule, long row, String place, int column, String value, String expected, String message);

    /** {@code count} more findings of {@code rule} whose places are not shown (past the examples kept). */
    void more(String rule, long count);
}
