package chuan.dataset;

/**
 * Allocation-free, exception-free parsing of dates and date-times, for the per-cell path.
 * Dates become epoch days; date-times become epoch seconds (UTC, offset applied; a value
 * without an offset is taken as UTC). {@link #INVALID} means "does not parse".
 */
public final class Temporal {

    public static final long INVALID = Long.MIN_VALUE;

    private Temporal() {
    }

    /** ISO 8601 calendar date {@code yyyy-MM-dd}. */
    public static long isoDate(CharSequence s) {
        return s.length() == 10 ? isoDateAt(s) : INVALID;
    }

    /** The ISO date in the first ten characters. */
    private static long isoDateAt(CharSequence s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            return INVALID;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 2);
        int d = digits(s, 8, 2);
        return y < 0 || m < 0 || d < 0 ? INVALID : epochDay(y, m, d);
    }

    /**
     * ISO 8601 date-time: {@code yyyy-MM-ddTHH:mm:ss} (a space also separates), optional
     * fraction of 1-9 digits, optional {@code Z} or {@code ±HH:mm} offset.
     */
    public static long isoDateTime(CharSequence s) {
        int n = s.length();
        if (n < 19) {
            return INVALID;
        }
        long day = isoDateAt(s);
        char sep = s.charAt(10);
        if (day == INVALID || (sep != 'T' && sep != ' ') || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return INVALID;
        }
        int hh = digits(s, 11, 2);
        int mi = digits(s, 14, 2);
        int ss = digits(s, 17, 2);
        if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) {
            return INVALID;
        }
        int i = 19;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 9) {
                return INVALID;
            }
        }
        long offset = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' && i == n - 1) {
                i++;
            } else if ((c == '+' || c == '-') && n - i == 6 && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, 2);
                int om = digits(s, i + 4, 2);
                if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                    return INVALID;
                }
                offset = (oh * 3600L + om * 60L) * (c == '+' ? 1 : -1);
                i = n;
            } else {
                return INVALID;
            }
        }
        return i == n ? day * 86_400L + hh * 3600L + mi * 60L + ss - offset : INVALID;
    }

    /** Days since 1970-01-01 for a valid calendar date, else {@link #INVALID}. */
    public static long epochDay(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1 || d > lengthOfMonth(y, m)) {
            return INVALID;
        }
        // Howard Hinnant's days_from_civil
        int yy = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(yy, 400);
        int yoe = yy - era * 400;
        int mp = (m + 9) % 12;
        int doy = (153 * mp + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The non-negative number written by {@code len} ASCII digits at {@code from}, or -1. */
    static int digits(CharSequence s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
