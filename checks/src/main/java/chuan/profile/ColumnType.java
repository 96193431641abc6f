package chuan.profile;

import java.util.Locale;
import java.util.Optional;

/** The value types a column can declare. */
public enum ColumnType {
    STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATETIME, EMAIL, URL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Types whose values are ordered, so that {@code min}/{@code max} mean something. */
    public boolean ordered() {
        return this == INTEGER || this == NUMBER || this == DATE || this == DATETIME;
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
