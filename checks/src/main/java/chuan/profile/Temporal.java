package chuan.profile;

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
     * fraction of 1-9 digits, optional {@code Z}, {@code ±HH:mm}, {@code ±HHmm} or {@code ±HH}
     * offset, optional zone name in brackets ({@code [Asia/Ho_Chi_Minh]}, RFC 9557), whose rules
     * give the offset when none is written.
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
        boolean hasOffset = false;
        if (i < n && s.charAt(i) != '[') {
            int end = zoneEnd(s, i);
            if (end < 0) {
                return INVALID;
            }
            offset = TemporalFormat.offsetSeconds(s, i, end);
            hasOffset = true;
            i = end;
        }
        if (i < n) {
            int close = n - 1;
            if (s.charAt(i) != '[' || s.charAt(close) != ']' || close == i + 1) {
                return INVALID;
            }
            int zone = Zones.index(s, i + 1, close);
            if (zone < 0) {
                return INVALID;
            }
            if (!hasOffset) {
                int[] ymd = civil(day);
                offset = Zones.offsetSeconds(zone, ymd[0], ymd[1], ymd[2], hh, mi, ss);
            }
            i = n;
        }
        return day * 86_400L + hh * 3600L + mi * 60L + ss - offset;
    }

    /** Where an ISO offset (Z, ±HH:mm, ±HHmm, ±HH) starting at i ends, or -1. */
    private static int zoneEnd(CharSequence s, int i) {
        int colon = TemporalFormat.zoneEnd(s, i, 3, true);
        if (colon > 0) {
            return colon;
        }
        return TemporalFormat.zoneEnd(s, i, 1, true);
    }

    /**
     * ISO 8601 time of day, {@code HH:mm} or {@code HH:mm:ss} with an optional fraction of 1-9
     * digits and an optional offset; the seconds since midnight as written (the offset is not
     * applied: a time has no date to shift).
     */
    public static long isoTime(CharSequence s) {
        int n = s.length();
        if (n < 5 || s.charAt(2) != ':') {
            return INVALID;
        }
        int hh = digits(s, 0, 2);
        int mi = digits(s, 3, 2);
        int ss = 0;
        int i = 5;
        if (i < n && s.charAt(i) == ':') {
            ss = digits(s, 6, 2);
            i = 8;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == start || i - start > 9) {
                    return INVALID;
                }
            }
        }
        if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) {
            return INVALID;
        }
        if (i < n && zoneEnd(s, i) != n) {
            return INVALID;
        }
        return hh * 3600L + mi * 60L + ss;
    }

    /**
     * An ISO 8601 duration: {@code P} followed by years, months, weeks and days, then {@code T}
     * and hours, minutes and seconds (a fraction on the seconds), each at most once and in that
     * order, at least one of them; a leading {@code -} as XML Schema allows ({@code -P60D}).
     */
    public static boolean isoDuration(CharSequence s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (i >= n || s.charAt(i) != 'P') {
            return false;
        }
        i++;
        String order = "YMWDTHMS";
        int next = 0;            // the designators still allowed start here in 'order'
        boolean inTime = false;
        boolean any = false;
        boolean timeAny = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == 'T') {
                if (inTime || i + 1 >= n) {
                    return false;
                }
                inTime = true;
                next = 5;
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            boolean fraction = false;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',') && i > start) {
                fraction = true;
                int f = ++i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == f) {
                    return false;
                }
            }
            if (i == start || i >= n) {
                return false;
            }
            char d = s.charAt(i);
            int at = inTime ? order.indexOf(d, 5) : order.indexOf(d);
            if (at < next || (!inTime && at >= 4) || (fraction && d != 'S')) {
                return false;
            }
            next = at + 1;
            any = true;
            timeAny |= inTime;
            i++;
        }
        return any && (!inTime || timeAny);
    }

    /** Year, month and day of an epoch day (Howard Hinnant's civil_from_days). */
    public static int[] civil(long epochDay) {
        long z = epochDay + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        return new int[] {(int) (yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
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

    public static int lengthOfMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The non-negative number written by {@code len} ASCII digits at {@code from}, or -1. */
    public static int digits(CharSequence s, int from, int len) {
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

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
