package chuan.model;

/**
 * Where something was found, the one type for violations, errors and problems: a file (or
 * another source's name), the data record (1-based, header excluded), the physical line, the
 * 1-based column and the field (a column name, a JSON Pointer, a configuration key), and in a source
 * that is not a text file the place as its program names it ({@code Citizens!B17}). What does not
 * apply is null. Reports write the parts in their own idiom; {@link #prefix()} is the
 * {@code file:line:column} form of one-line messages.
 */
public record Location(String file, Long row, Long line, Long column, String field, String place) {

    public Location(String file, Long row, Long line, Long column, String field) {
        this(file, row, line, column, field, null);
    }

    /** A place in a file: line and column, either may be null. */
    public static Location inFile(String file, Long line, Long column) {
        return new Location(file, null, line, column, null);
    }

    /**
     * {@code file:line:column}, the parts present from the left (no column without a line), or {@code file:place}
     * ({@code book.xlsx:Citizens!B17}); empty without a file.
     */
    public String prefix() {
        if (file == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(file);
        if (place != null) {
            return sb.append(':').append(place).toString();
        }
        if (line != null) {
            sb.append(':').append(line);
            if (column != null) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    /** {@code prefix: message}, or the message alone when there is no file. */
    public String oneLine(String message) {
        return file == null ? message : prefix() + ": " + message;
    }
}
