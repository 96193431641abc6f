package chuan.profile;

import java.util.Locale;
import java.util.Optional;

/** The value types a column can declare. */
public enum ColumnType {
    STRING, INTEGER, NUMBER, DECIMAL, BOOLEAN, DATE, DATETIME, TIME, DURATION, EMAIL, URL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Types whose values are ordered, so that {@code min}/{@code max} mean something. */
    public boolean ordered() {
        return numeric() || temporal();
    }

    /** Integers, numbers and decimals: written with digits, read with the column's separators. */
    public boolean numeric() {
        return this == INTEGER || this == NUMBER || this == DECIMAL;
    }

    /** Dates, date-times and times: read by a layout ({@code format}). */
    public boolean temporal() {
        return this == DATE || this == DATETIME || this == TIME;
    }

    public static Optional<ColumnType> fromLabel(String label) {
        for (ColumnType t : values()) {
            if (t.label().equals(label)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
