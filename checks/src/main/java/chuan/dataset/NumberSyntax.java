package chuan.dataset;

import chuan.profile.Temporal;

import chuan.profile.ColumnType;

/**
 * How one column writes numbers, as Table Schema defines it, compiled once and applied without
 * allocation: a sign, digits with the group separator between groups of three digits of the
 * whole part ({@code 1.234.567,5} with group {@code .} and decimal {@code ,}; {@code 1.23} is not
 * a number there: a decimal written with the wrong separator), an optional fraction, and
 * for {@code number} only an exponent or {@code NaN}, {@code INF}, {@code -INF}. Whitespace
 * around the value is tolerated. With {@code bareNumber} false, text before the number (other
 * than a sign) and after its last digit is allowed: {@code 12%}, {@code 1.000 ₫}, {@code €-12.3}.
 */
final class NumberSyntax {

    /** What a scan found: the digits of the whole part and of the fraction, the sign and the exponent. */
    static final class Scan {
        int intStart;
        int intEnd;
        int fracStart;
        int fracEnd;
        boolean negative;
        int exponent;
        /** NaN or an infinity: valid for {@code number}, and never within bounds other than infinite ones. */
        double special;
        boolean isSpecial;
    }

    private final ColumnType kind;
    private final char decimal;
    private final char group;
    private final boolean bare;

    NumberSyntax(ColumnType kind, char decimal, char group, boolean bare) {
        this.kind = kind;
        this.decimal = decimal;
        this.group = group;
        this.bare = bare;
    }

    /** Whether the value is a number of this column's kind; fills {@code out}. */
    boolean scan(CharSequence v, Scan out) {
        int from = 0;
        int to = v.length();
        while (from < to && isSpace(v.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(v.charAt(to - 1))) {
            to--;
        }
        if (!bare) {
            while (from < to && !Temporal.isDigit(v.charAt(from)) && v.charAt(from) != '-' && v.charAt(from) != '+'
                    && v.charAt(from) != decimal) {
                from++;
            }
            while (to > from && !Temporal.isDigit(v.charAt(to - 1))) {
                to--;
            }
        }
        if (from >= to) {
            return false;
        }
        out.isSpecial = false;
        out.exponent = 0;
        int i = from;
        char c = v.charAt(i);
        out.negative = c == '-';
        if (c == '-' || c == '+') {
            i++;
        }
        if (kind == ColumnType.NUMBER && special(v, i, to, out)) {
            return true;
        }
        out.intStart = i;
        int digits = 0;
        int run = 0;              // digits since the last group separator
        boolean grouped = false;
        while (i < to) {
            c = v.charAt(i);
            if (Temporal.isDigit(c)) {
                digits++;
                run++;
                i++;
            } else if (group != '\0' && c == group && run > 0 && (grouped ? run == 3 : run <= 3)) {
                grouped = true;
                run = 0;
                i++;
            } else {
                break;
            }
        }
        if (grouped && run != 3) {
            return false; // groups of three digits: 1.234.567, never 1.23 or 12.34.567
        }
        out.intEnd = i;
        out.fracStart = i;
        out.fracEnd = i;
        if (i < to && v.charAt(i) == decimal) {
            if (kind == ColumnType.INTEGER) {
                return false;
            }
            out.fracStart = ++i;
            while (i < to && Temporal.isDigit(v.charAt(i))) {
                i++;
                digits++;
            }
            out.fracEnd = i;
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (v.charAt(i) == 'e' || v.charAt(i) == 'E') && kind == ColumnType.NUMBER) {
            i++;
            boolean minus = i < to && v.charAt(i) == '-';
            if (i < to && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
                i++;
            }
            int start = i;
            int e = 0;
            while (i < to && Temporal.isDigit(v.charAt(i))) {
                e = Math.min(e * 10 + (v.charAt(i) - '0'), 100_000);
                i++;
            }
            if (i == start) {
                return false;
            }
            out.exponent = minus ? -e : e;
        }
        return i == to;
    }

    private static boolean special(CharSequence v, int i, int to, Scan out) {
        int n = to - i;
        if (n == 3 && v.charAt(i) == 'N' && v.charAt(i + 1) == 'a' && v.charAt(i + 2) == 'N') {
            out.isSpecial = true;
            out.special = Double.NaN;
            return true;
        }
        if (n == 3 && v.charAt(i) == 'I' && v.charAt(i + 1) == 'N' && v.charAt(i + 2) == 'F') {
            out.isSpecial = true;
            out.special = out.negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /** The number as a double (exact for integers up to 2^53 and for the decimal fractions data holds). */
    double value(CharSequence v, Scan s) {
        if (s.isSpecial) {
            return s.special;
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        for (int i = s.intStart; i < s.fracEnd; i++) {
            char c = v.charAt(i);
            if (!Temporal.isDigit(c)) {
                continue; // group separators and the decimal separator
            }
            boolean fraction = i >= s.fracStart;
            if (significant < 18) {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    significant++;
                }
                if (fraction) {
                    scale++;
                }
            } else if (!fraction) {
                scale--; // a whole-part digit beyond the precision kept: one power of ten more
            }
        }
        int exp = s.exponent - scale;
        double d = mantissa;
        if (exp > 0) {
            d = exp <= 22 ? d * POW10[exp] : d * Math.pow(10, exp);
        } else if (exp < 0) {
            d = -exp <= 22 ? d / POW10[-exp] : d / Math.pow(10, -exp);
        }
        return s.negative ? -d : d;
    }

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Digits of the whole part, leading zeros left out. */
    static int wholeDigits(CharSequence v, Scan s) {
        int n = 0;
        boolean leading = true;
        for (int i = s.intStart; i < s.intEnd; i++) {
            char c = v.charAt(i);
            if (Temporal.isDigit(c)) {
                if (c != '0' || !leading) {
                    leading = false;
                    n++;
                }
            }
        }
        return n;
    }

    /** Digits of the fraction, trailing zeros left out. */
    static int fractionDigits(CharSequence v, Scan s) {
        int end = s.fracEnd;
        while (end > s.fracStart && v.charAt(end - 1) == '0') {
            end--;
        }
        return end - s.fracStart;
    }

    /**
     * Compares the scanned decimal with a bound given as plain decimal text ({@code -12.50}),
     * exactly, digit by digit: negative, zero or positive like {@link Comparable#compareTo}.
     */
    static int compare(CharSequence v, Scan s, Bound b) {
        boolean zero = wholeDigits(v, s) == 0 && fractionDigits(v, s) == 0;
        boolean negative = s.negative && !zero;
        if (negative != b.negative) {
            return negative ? -1 : 1;
        }
        int magnitude = compareMagnitude(v, s, b);
        return negative ? -magnitude : magnitude;
    }

    private static int compareMagnitude(CharSequence v, Scan s, Bound b) {
        int whole = wholeDigits(v, s);
        if (whole != b.whole.length()) {
            return Integer.compare(whole, b.whole.length());
        }
        int k = 0;
        boolean leading = true;
        for (int i = s.intStart; i < s.intEnd; i++) {
            char c = v.charAt(i);
            if (!Temporal.isDigit(c) || (leading && c == '0')) {
                continue;
            }
            leading = false;
            char d = b.whole.charAt(k++);
            if (c != d) {
                return Character.compare(c, d);
            }
        }
        int frac = fractionDigits(v, s);
        for (int j = 0; j < Math.max(frac, b.fraction.length()); j++) {
            char c = j < frac ? v.charAt(s.fracStart + j) : '0';
            char d = j < b.fraction.length() ? b.fraction.charAt(j) : '0';
            if (c != d) {
                return Character.compare(c, d);
            }
        }
        return 0;
    }

    /** A decimal bound in canonical form: sign, whole digits without leading zeros, fraction without trailing zeros. */
    record Bound(boolean negative, String whole, String fraction) {
        static Bound of(String text) {
            java.math.BigDecimal d = new java.math.BigDecimal(text).stripTrailingZeros();
            String plain = d.abs().toPlainString();
            int dot = plain.indexOf('.');
            String whole = dot < 0 ? plain : plain.substring(0, dot);
            String fraction = dot < 0 ? "" : plain.substring(dot + 1);
            whole = whole.replaceFirst("^0+", "");
            return new Bound(d.signum() < 0, whole, fraction);
        }
    }
}
