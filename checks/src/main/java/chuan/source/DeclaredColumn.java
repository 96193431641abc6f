package chuan.source;

/**
 * A column of the source as the profile declares it, for a source that stores typed cells and must judge
 * how each was stored: the kind of value it holds, whether it is personal data (its values are masked), and
 * the layout a date is written in when the profile gives one (a real date cell is handed to the checks in it).
 */
public record DeclaredColumn(Kind kind, boolean personal, String layout) {

    /** What a column holds, as far as storage goes. */
    public enum Kind {
        /** Not described by the profile: cells are passed on as they are. */
        UNDECLARED,
        /** Text, codes and identifiers: a number stored here has lost its leading zeros and its format. */
        TEXT,
        /** Integers and numbers. */
        NUMBER,
        DATE,
        DATETIME,
        TIME,
        BOOLEAN;

        public boolean temporal() {
            return this == DATE || this == DATETIME || this == TIME;
        }
    }

    public static final DeclaredColumn UNKNOWN = new DeclaredColumn(Kind.UNDECLARED, false, null);
}
