package chuan.model;

/**
 * One place where a rule failed. For datasets: {@code row} is the 1-based data record
 * (header excluded), {@code line} the physical line where that record starts, {@code column}
 * the 1-based field index and {@code field} the column name as written in the file (or a JSON
 * Pointer). Absent coordinates are {@code null}. {@code value} is already masked when personal.
 * {@code key} identifies the value without showing it (a short hash of field and value), so that a
 * baseline recognises the same finding after lines move: a keyed fingerprint ({@link Fingerprints}),
 * from which the value cannot be recovered without the project's secret; {@code baselineState} is new or
 * unchanged ({@link BaselineState}) when the scan compared against a baseline. {@code file} is the file that holds
 * the finding when it is not the target itself: a configuration's drop-in or included file (for a
 * default that applies, the file where the key should be set, with no line). {@code place} names the cell in a source that is not
 * a text file, as its own program does: {@code Citizens!B17} in a workbook (row and column are then the
 * record and the column number; there is no line), {@code public.citizens id=42} in a database table.
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
        BaselineState baselineState,
        String file,
        String place) {

    /** A violation built by naming its parts: what is not named stays absent (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** Names the parts of a {@link Violation}; each setter returns the builder. */
    public static final class Builder {
        private Long row;
        private Long line;
        private Integer column;
        private String field;
        private String value;
        private String expected;
        private String message;
        private String key;
        private String file;
        private String place;

        private Builder() {
        }

        /** The 1-based data record (header excluded). */
        public Builder row(Long row) {
            this.row = row;
            return this;
        }

        /** The physical line: where the record starts, or where a configuration value was set. */
        public Builder line(Long line) {
            this.line = line;
            return this;
        }

        /** The 1-based field index. */
        public Builder column(Integer column) {
            this.column = column;
            return this;
        }

        /** The column name as written, a JSON Pointer, a configuration key or a rule id. */
        public Builder field(String field) {
            this.field = field;
            return this;
        }

        /** The value, already masked when it is personal data or a secret. */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        public Builder expected(String expected) {
            this.expected = expected;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** The keyed fingerprint a baseline knows the finding by ({@link Fingerprints}). */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /** The file that holds the finding when it is not the target itself. */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /** The cell or row as the source's program names it ({@code Citizens!B17}, {@code public.citizens id=42}). */
        public Builder place(String place) {
            this.place = place;
            return this;
        }

        public Violation build() {
            return new Violation(row, line, column, field, value, expected, message, key, null, file, place);
        }
    }

    /** Where the violation is, in {@code target} unless it names a file of its own. */
    public Location location(String target) {
        return new Location(fileOr(target), row, line, column == null ? null : (long) column, field, place);
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

    public Violation withBaselineState(BaselineState state) {
        return new Violation(row, line, column, field, value, expected, message, key, state, file, place);
    }
}
