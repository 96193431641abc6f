package chuan.sql;

import chuan.source.DeclaredColumn;
import java.sql.Types;
import java.util.Locale;

/**
 * Whether a column's SQL type holds what the profile declares the column to be: a personal ID kept as
 * BIGINT has lost its leading zeros; a date kept as VARCHAR is text that must be parsed. SQLite's types are
 * the declared type names' affinities (its rows hold whatever was written).
 */
final class SqlTypes {

    private SqlTypes() {
    }

    /** What a SQL type stores, as far as the profile's kinds go. */
    enum Stored {
        TEXT, INTEGER, NUMBER, DATE, DATETIME, TIME, BOOLEAN, BINARY, OTHER
    }

    static Stored stored(int sqlType, String typeName, JdbcUrl.Product product) {
        if (product == JdbcUrl.Product.SQLITE) {
            return sqlite(typeName);
        }
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
                 Types.NCLOB -> Stored.TEXT;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Stored.INTEGER;
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> Stored.NUMBER;
            case Types.DATE -> Stored.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Stored.DATETIME;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> Stored.TIME;
            case Types.BOOLEAN, Types.BIT -> Stored.BOOLEAN;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Stored.BINARY;
            default -> Stored.OTHER;
        };
    }

    /** SQLite's column affinity from the declared type name (its rules in order), dates by name. */
    private static Stored sqlite(String typeName) {
        String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return Stored.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Stored.TEXT;
        }
        if (t.isEmpty() || t.startsWith("TYPE ") || t.contains("BLOB")) {
            return Stored.OTHER; // no declared type: anything
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") || t.contains("NUMERIC") || t.contains("DECIMAL")) {
            return Stored.NUMBER;
        }
        if (t.contains("DATETIME") || t.contains("TIMESTAMP")) {
            return Stored.DATETIME;
        }
        if (t.contains("DATE")) {
            return Stored.DATE;
        }
        if (t.contains("TIME")) {
            return Stored.TIME;
        }
        if (t.contains("BOOL")) {
            return Stored.BOOLEAN;
        }
        return Stored.OTHER;
    }

    /** Why a column of this SQL type does not hold what the profile declares, or null when it does. */
    static String mismatch(int sqlType, String typeName, DeclaredColumn.Kind declared, JdbcUrl.Product product) {
        Stored s = stored(sqlType, typeName, product);
        if (declared == DeclaredColumn.Kind.UNDECLARED || s == Stored.OTHER) {
            return null;
        }
        String as = "stored as " + typeName + ", declared " + label(declared) + " in the profile: ";
        return switch (declared) {
            case TEXT -> switch (s) {
                case TEXT -> null;
                case INTEGER, NUMBER -> as + "a code or identifier kept as a number has lost its leading zeros and its format";
                default -> as + "the database keeps something else than text here";
            };
            case NUMBER -> switch (s) {
                case INTEGER, NUMBER -> null;
                case TEXT -> as + "numbers kept as text must be parsed, and nothing stops a value that is no number";
                default -> as + "the database keeps no number here";
            };
            case DATE -> switch (s) {
                case DATE -> null;
                case TEXT -> as + "dates kept as text must be parsed in a layout the writer chose, and nothing stops a date that does not exist";
                case DATETIME -> as + "a date kept with a time of day: the time, and the zone it was taken in, can shift the date";
                default -> as + "the database keeps no date here";
            };
            case DATETIME -> switch (s) {
                case DATETIME -> null;
                case TEXT -> as + "date-times kept as text must be parsed, and nothing stops one that does not exist";
                case DATE -> as + "the time of day is not kept";
                default -> as + "the database keeps no date-time here";
            };
            case TIME -> switch (s) {
                case TIME -> null;
                case TEXT -> as + "times kept as text must be parsed";
                default -> as + "the database keeps no time of day here";
            };
            case BOOLEAN -> switch (s) {
                case BOOLEAN, INTEGER -> null;
                case TEXT -> as + "true/false kept as text must be parsed, and any word fits";
                default -> as + "the database keeps no true/false here";
            };
            default -> null;
        };
    }

    /** The kind as profiles write it. */
    static String label(DeclaredColumn.Kind kind) {
        return switch (kind) {
            case TEXT -> "text";
            case NUMBER -> "a number";
            case DATE -> "date";
            case DATETIME -> "datetime";
            case TIME -> "time";
            case BOOLEAN -> "boolean";
            case UNDECLARED -> "nothing";
        };
    }

    /** The SQL types that hold the kind. */
    static String expected(DeclaredColumn.Kind kind) {
        return switch (kind) {
            case TEXT -> "a text column (CHAR, VARCHAR, TEXT)";
            case NUMBER -> "a numeric column (INTEGER, BIGINT, NUMERIC, DECIMAL, REAL, DOUBLE)";
            case DATE -> "a DATE column";
            case DATETIME -> "a TIMESTAMP column";
            case TIME -> "a TIME column";
            case BOOLEAN -> "a BOOLEAN column";
            case UNDECLARED -> null;
        };
    }
}
