package chuan.model;

/**
 * One place where a rule failed. For datasets: {@code row} is the 1-based data record
 * (header excluded), {@code line} the physical line where that record starts, {@code column}
 * the 1-based field index and {@code field} the column name as written in the file (or a JSON
 * Pointer). Absent coordinates are {@code null}. {@code value} is already masked when personal.
 */
public record Violation(
        Long row,
        Long line,
        Integer column,
        String field,
        String value,
        String expected,
        String message) {
}
