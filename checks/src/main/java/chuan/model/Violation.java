package chuan.model;

/**
 * One place where a rule failed. For datasets: {@code row} is the 1-based data record
 * (header excluded), {@code line} the physical line where that record starts, {@code column}
 * the 1-based field index and {@code field} the column name as written in the file (or a JSON
 * Pointer). Absent coordinates are {@code null}. {@code value} is already masked when personal.
 * {@code key} identifies the value without showing it (a short hash of field and value), so that a
 * baseline recognises the same finding after lines move; {@code baselineState} is {@code new} or
 * {@code unchanged} when the scan compared against a baseline.
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
        String baselineState) {

    public Violation(Long row, Long line, Integer column, String field, String value, String expected, String message) {
        this(row, line, column, field, value, expected, message, null, null);
    }

    /** The subject a baseline knows this violation by: the value's key, or what was said about it. */
    public String subject() {
        return key != null ? key : (field == null ? "" : field) + "|" + (expected == null ? "" : expected) + "|"
                + (message == null ? "" : message);
    }

    public Violation withBaselineState(String state) {
        return new Violation(row, line, column, field, value, expected, message, key, state);
    }
}
