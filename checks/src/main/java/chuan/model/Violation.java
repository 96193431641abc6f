package chuan.model;

/**
 * One place where a rule failed. For datasets: {@code row} is the 1-based data record
 * (header excluded), {@code line} the physical line where that record starts, {@code column}
 * the 1-based field index and {@code field} the column name as written in the file (or a JSON
 * Pointer). Absent coordinates are {@code null}. {@code value} is already masked when personal.
 * {@code key} identifies the value without showing it (a short hash of field and value), so that a
 * baseline recognises the same finding after lines move: a keyed fingerprint ({@link Fingerprints}),
 * from which the value cannot be recovered without the project's secret; {@code baselineState} is {@code new} or
 * {@code unchanged} when the scan compared against a baseline. {@code file} is the file that holds
 * the finding when it is not the target itself: a configuration's drop-in or included file (for a
 * default that applies, the file where the key should be set, with no line).
 */
public record Violation(
        Long row,
        Long line,
        Integer column,
        String field,
        String value,
        String expected,
        String message,
        String key,
        String baselineState,
        String file) {

    public Violation(Long row, Long line, Integer column, String field, String value, String expected, String message) {
        this(row, line, column, field, value, expected, message, null, null, null);
    }

    public Violation(Long row, Long line, Integer column, String field, String value, String expected, String message,
                     String key, String baselineState) {
        this(row, line, column, field, value, expected, message, key, baselineState, null);
    }

    /** The file to point at: this violation's own, else the target's. */
    public String fileOr(String target) {
        return file != null ? file : target;
    }

    /** The subject a baseline knows this violation by: the value's key, or what was said about it. */
    public String subject() {
        return key != null ? key : (field == null ? "" : field) + "|" + (expected == null ? "" : expected) + "|"
                + (message == null ? "" : message);
    }

    public Violation withBaselineState(String state) {
        return new Violation(row, line, column, field, value, expected, message, key, state, file);
    }
}
