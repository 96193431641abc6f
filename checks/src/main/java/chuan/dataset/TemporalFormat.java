package chuan.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * A date or date-time layout written with the usual letters ({@code dd/MM/yyyy},
 * {@code dd/MM/yyyy HH:mm}), compiled once and applied without allocation or exceptions.
 * Supported fields: yyyy, MM, dd, HH, mm, ss; any other character must appear literally.
 */
public final class TemporalFormat {

    private enum Field { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, LITERAL }

    private final String layout;
    private final Field[] fields;
    private final char[] literals;
    private final int length;

    private TemporalFormat(String layout, Field[] fields, char[] literals) {
        this.layout = layout;
        this.fields = fields;
        this.literals = literals;
        int len = 0;
        for (Field f : fields) {
            len += width(f);
        }
        this.length = len;
    }

    /** Compiles a layout; returns null and names the problem through {@code error} when it is not usable. */
    public static TemporalFormat compile(String layout, StringBuilder error) {
        List<Field> fields = new ArrayList<>();
        StringBuilder lits = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            Field f = null;
            for (String[] tok : new String[][] {{"yyyy", "YEAR"}, {"MM", "MONTH"}, {"dd", "DAY"},
                    {"HH", "HOUR"}, {"mm", "MINUTE"}, {"ss", "SECOND"}}) {
                if (layout.startsWith(tok[0], i)) {
                    f = Field.valueOf(tok[1]);
                    i += tok[0].length();
                    break;
                }
            }
            if (f == null) {
                char c = layout.charAt(i++);
                if (Character.isLetter(c) && c != 'T') {
                    error.append("unsupported letter '").append(c).append("' in date format \"").append(layout)
                            .append("\" (use yyyy, MM, dd, HH, mm, ss)");
                    return null;
                }
                f = Field.LITERAL;
                lits.append(c);
            } else {
                lits.append('\0');
            }
            fields.add(f);
        }
        if (!fields.contains(Field.YEAR) || !fields.contains(Field.MONTH) || !fields.contains(Field.DAY)) {
            error.append("date format \"").append(layout).append("\" needs yyyy, MM and dd");
            return null;
        }
        return new TemporalFormat(layout, fields.toArray(new Field[0]), lits.toString().toCharArray());
    }

    public String layout() {
        return layout;
    }

    public boolean hasTime() {
        for (Field f : fields) {
            if (f == Field.HOUR) {
                return true;
            }
        }
        return false;
    }

    /** Epoch day (date layouts) or epoch seconds (layouts with a time), or {@link Temporal#INVALID}. */
    public long parse(CharSequence s) {
        if (s.length() != length) {
            return Temporal.INVALID;
        }
        int y = 0;
        int mo = 0;
        int d = 0;
        int h = 0;
        int mi = 0;
        int se = 0;
        int pos = 0;
        for (int k = 0; k < fields.length; k++) {
            Field f = fields[k];
            int w = width(f);
            if (f == Field.LITERAL) {
                if (s.charAt(pos) != literals[k]) {
                    return Temporal.INVALID;
                }
            } else {
                int v = Temporal.digits(s, pos, w);
                if (v < 0) {
                    return Temporal.INVALID;
                }
                switch (f) {
                    case YEAR -> y = v;
                    case MONTH -> mo = v;
                    case DAY -> d = v;
                    case HOUR -> h = v;
                    case MINUTE -> mi = v;
                    default -> se = v;
                }
            }
            pos += w;
        }
        long day = Temporal.epochDay(y, mo, d);
        if (day == Temporal.INVALID || h > 23 || mi > 59 || se > 59) {
            return Temporal.INVALID;
        }
        return hasTime() ? day * 86_400L + h * 3600L + mi * 60L + se : day;
    }

    private static int width(Field f) {
        return switch (f) {
            case YEAR -> 4;
            case LITERAL -> 1;
            default -> 2;
        };
    }
}
