package chuan.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A comparison such as {@code "< 0.95"}: the metric breaches it when the comparison holds. */
public record Threshold(Op op, double value) {

    private static final Pattern FORM = Pattern.compile("^\\s*(<=|>=|==|!=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*$");

    public enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Parses the schema-checked text; null when it does not have the form. */
    public static Threshold parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        for (Op op : Op.values()) {
            if (op.symbol.equals(m.group(1))) {
                return new Threshold(op, Double.parseDouble(m.group(2)));
            }
        }
        return null;
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
        return op.symbol + " " + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
    }
}
