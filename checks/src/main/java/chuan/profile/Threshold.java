package chuan.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison such as {@code "< 0.95"}: the metric breaches it when the comparison holds. A threshold on
 * a date column's values ({@code "< 2020-01-01"}) holds the date as an epoch day (or second, for a date-time
 * column) and {@code shown} as written.
 */
public record Threshold(Op op, double value, String shown) {

    private static final Pattern FORM = Pattern.compile("^\\s*(<=|>=|==|!=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*$");
    private static final Pattern DATED = Pattern.compile("^\\s*(<=|>=|==|!=|<|>)\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}\\S*)\\s*$");

    public Threshold(Op op, double value) {
        this(op, value, null);
    }

    public enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }
    }

    /** Parses the schema-checked text; null when it does not have the form. */
    public static Threshold parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return new Threshold(Op.of(m.group(1)), Double.parseDouble(m.group(2)));
    }

    /** Whether the text compares with a date ({@code "< 2020-01-01"}) rather than a number. */
    public static boolean isDated(String text) {
        return DATED.matcher(text).matches();
    }

    /**
     * Parses a threshold on a date ({@code dateTime} false: as an epoch day) or date-time column (as an epoch
     * second; a date alone is its first second, UTC); null when the text is not such a comparison.
     */
    public static Threshold parseDated(String text, boolean dateTime) {
        Matcher m = DATED.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String when = m.group(2);
        long day = Temporal.isoDate(when);
        long v;
        if (!dateTime) {
            v = day;
        } else {
            v = day != Temporal.INVALID ? day * 86_400L : Temporal.isoDateTime(when);
        }
        return v == Temporal.INVALID ? null : new Threshold(Op.of(m.group(1)), v, when);
    }

    public boolean breachedBy(double measured) {
        return switch (op) {
            case LT -> measured < value;
            case LE -> measured <= value;
            case GT -> measured > value;
            case GE -> measured >= value;
            case EQ -> measured == value;
            case NE -> measured != value;
        };
    }

    public String display() {
        return op.symbol + " " + (shown != null ? shown : number(value));
    }

    /** A number as a profile writes it: without a fraction when it is whole. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
