package chuan.profile;


import java.util.ArrayList;
import java.util.List;

/**
 * A date, date-time or time layout written with the usual letters (UAX #35, as CSVW uses them),
 * compiled once and applied without allocation or exceptions:
 * {@code yyyy}, {@code yy} (two digits, read with a pivot), {@code MM}/{@code M} (month, padded
 * or not), {@code dd}/{@code d}, {@code HH}/{@code H}, {@code mm}, {@code ss}, {@code S...} (a
 * fraction of exactly that many digits), zones {@code X} ({@code Z}, {@code +07} or
 * {@code +0700}), {@code XX} ({@code Z} or {@code +0700}), {@code XXX} ({@code Z} or
 * {@code +07:00}), {@code x}/{@code xx}/{@code xxx} (the same without {@code Z}) and
 * {@code VV} (a zone name such as {@code Asia/Ho_Chi_Minh}); {@code [...]} marks an optional
 * part; text in single quotes, {@code T} and any other non-letter are literal.
 */
public final class TemporalFormat {

    private enum Kind { YEAR4, YEAR2, MONTH, DAY, HOUR, MINUTE, SECOND, FRACTION, ZONE, ZONE_ID, LITERAL, OPEN, CLOSE }

    /** Zone forms: which offsets a zone field accepts. */
    private static final int HOURS_OPTIONAL_MINUTES = 1;
    private static final int HOURS_MINUTES = 2;
    private static final int HOURS_COLON_MINUTES = 3;

    private final String layout;
    private final Kind[] kinds;
    private final int[] widths;      // digits: 1 = one or two digits, 2 = exactly two, n = exactly n; zones: the form
    private final boolean[] zulu;    // zones: whether Z is accepted
    private final char[] literals;
    private final int pivot;
    private final boolean hasDate;
    private final boolean hasTime;

    private TemporalFormat(String layout, List<Kind> kinds, List<Integer> widths, List<Boolean> zulu, StringBuilder literals,
                           int pivot) {
        this.layout = layout;
        this.kinds = kinds.toArray(new Kind[0]);
        this.widths = widths.stream().mapToInt(Integer::intValue).toArray();
        this.zulu = new boolean[zulu.size()];
        for (int i = 0; i < zulu.size(); i++) {
            this.zulu[i] = zulu.get(i);
        }
        this.literals = literals.toString().toCharArray();
        this.pivot = pivot;
        this.hasDate = kinds.contains(Kind.YEAR4) || kinds.contains(Kind.YEAR2);
        this.hasTime = kinds.contains(Kind.HOUR);
    }

    /** Compiles a layout; returns null and names the problem through {@code error} when it is not usable. */
    public static TemporalFormat compile(String layout, StringBuilder error) {
        return compile(layout, ValueSyntax.PIVOT, error);
    }

    /** As {@link #compile(String, StringBuilder)}; a two-digit year {@code yy} falls in {@code pivot..pivot+99}. */
    public static TemporalFormat compile(String layout, int pivot, StringBuilder error) {
        List<Kind> kinds = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        List<Boolean> zulu = new ArrayList<>();
        StringBuilder lits = new StringBuilder();
        boolean open = false;
        int i = 0;
        while (i < layout.length()) {
            char c = layout.charAt(i);
            int run = 1;
            while (i + run < layout.length() && layout.charAt(i + run) == c) {
                run++;
            }
            Kind k = null;
            int width = 0;
            boolean z = false;
            String bad = null;
            switch (c) {
                case 'y' -> {
                    k = run == 4 ? Kind.YEAR4 : run == 2 ? Kind.YEAR2 : null;
                    width = run;
                    bad = k == null ? "write the year as yyyy or yy" : null;
                }
                case 'M' -> {
                    k = Kind.MONTH;
                    width = run;
                    bad = run > 2 ? "month names (MMM) are not supported; use MM or M" : null;
                }
                case 'd' -> {
                    k = Kind.DAY;
                    width = run;
                    bad = run > 2 ? "write the day as dd or d" : null;
                }
                case 'H' -> {
                    k = Kind.HOUR;
                    width = run;
                    bad = run > 2 ? "write the hour as HH or H" : null;
                }
                case 'm' -> {
                    k = Kind.MINUTE;
                    width = 2;
                    bad = run != 2 ? "write the minutes as mm" : null;
                }
                case 's' -> {
                    k = Kind.SECOND;
                    width = 2;
                    bad = run != 2 ? "write the seconds as ss" : null;
                }
                case 'S' -> {
                    k = Kind.FRACTION;
                    width = run;
                    bad = run > 9 ? "at most 9 fraction digits (S)" : null;
                }
                case 'X', 'x' -> {
                    k = Kind.ZONE;
                    z = c == 'X';
                    width = run == 1 ? HOURS_OPTIONAL_MINUTES : run == 2 ? HOURS_MINUTES : HOURS_COLON_MINUTES;
                    bad = run > 3 ? "write a zone offset as X, XX or XXX" : null;
                }
                case 'V' -> {
                    k = Kind.ZONE_ID;
                    bad = run != 2 ? "write a zone name as VV" : null;
                }
                case '[' -> {
                    k = Kind.OPEN;
                    run = 1;
                    bad = open ? "optional parts [...] cannot be nested" : null;
                    open = true;
                }
                case ']' -> {
                    k = Kind.CLOSE;
                    run = 1;
                    bad = !open ? "']' without '['" : null;
                    open = false;
                }
                case '\'' -> {
                    int end = layout.indexOf('\'', i + 1);
                    if (end < 0) {
                        bad = "unclosed quote";
                        break;
                    }
                    String text = end == i + 1 ? "'" : layout.substring(i + 1, end);
                    for (char t : text.toCharArray()) {
                        kinds.add(Kind.LITERAL);
                        widths.add(1);
                        zulu.add(false);
                        lits.append(t);
                    }
                    i = end + 1;
                    continue;
                }
                default -> {
                    if (Character.isLetter(c) && c != 'T') {
                        bad = "unsupported letter '" + c + "'";
                    }
                    k = Kind.LITERAL;
                    run = 1;
                }
            }
            if (bad != null) {
                error.append(bad).append(" in the format \"").append(layout)
                        .append("\" (letters: yyyy yy MM M dd d HH H mm ss S X XX XXX VV)");
                return null;
            }
            kinds.add(k);
            widths.add(width);
            zulu.add(z);
            lits.append(k == Kind.LITERAL ? c : '\0');
            i += run;
        }
        if (open) {
            error.append("'[' without ']' in the format \"").append(layout).append('"');
            return null;
        }
        return new TemporalFormat(layout, kinds, widths, zulu, lits, pivot);
    }

    public String layout() {
        return layout;
    }

    public boolean hasTime() {
        return hasTime;
    }

    /** Why this layout cannot read values of {@code type}, or null when it can. */
    public String fitsType(ColumnType type) {
        boolean y = has(Kind.YEAR4) || has(Kind.YEAR2);
        boolean dateFields = y && has(Kind.MONTH) && has(Kind.DAY);
        boolean anyDate = y || has(Kind.MONTH) || has(Kind.DAY);
        boolean timeFields = has(Kind.HOUR) && has(Kind.MINUTE);
        boolean anyTime = has(Kind.HOUR) || has(Kind.MINUTE) || has(Kind.SECOND) || has(Kind.FRACTION);
        return switch (type) {
            case DATE -> !dateFields ? "a date format needs a year (yyyy or yy), MM and dd"
                    : anyTime ? "a date format must not have a time (HH, mm, ss)" : null;
            case DATETIME -> !dateFields || !timeFields ? "a datetime format needs a year, MM, dd, HH and mm" : null;
            case TIME -> !timeFields ? "a time format needs HH and mm"
                    : anyDate ? "a time format must not have a date (y, M, d)" : null;
            default -> "'format' applies to date, datetime and time columns";
        };
    }

    private boolean has(Kind k) {
        for (Kind x : kinds) {
            if (x == k) {
                return true;
            }
        }
        return false;
    }

    /**
     * Epoch day (date layouts), epoch seconds with the zone applied (date and time), or seconds
     * of the day (time layouts); {@link Temporal#INVALID} when the value does not fit.
     */
    public long parse(CharSequence s) {
        int n = s.length();
        int pos = 0;
        int y = 1970;
        int mo = 1;
        int d = 1;
        int h = 0;
        int mi = 0;
        int se = 0;
        int offset = 0;
        int zone = -1;
        // state saved at the start of an optional part, restored when it does not match
        int sPos = 0;
        int sY = 0;
        int sMo = 0;
        int sD = 0;
        int sH = 0;
        int sMi = 0;
        int sSe = 0;
        int sOffset = 0;
        int sZone = -1;
        boolean inOptional = false;
        for (int k = 0; k < kinds.length; k++) {
            Kind kind = kinds[k];
            boolean ok = true;
            switch (kind) {
                case OPEN -> {
                    inOptional = true;
                    sPos = pos;
                    sY = y;
                    sMo = mo;
                    sD = d;
                    sH = h;
                    sMi = mi;
                    sSe = se;
                    sOffset = offset;
                    sZone = zone;
                }
                case CLOSE -> inOptional = false;
                case LITERAL -> {
                    ok = pos < n && s.charAt(pos) == literals[k];
                    pos++;
                }
                case ZONE -> {
                    int end = zoneEnd(s, pos, widths[k], zulu[k]);
                    if (end < 0) {
                        ok = false;
                    } else {
                        offset = offsetSeconds(s, pos, end);
                        pos = end;
                    }
                }
                case ZONE_ID -> {
                    int end = pos;
                    while (end < n && zoneIdChar(s.charAt(end))) {
                        end++;
                    }
                    zone = end > pos ? Zones.index(s, pos, end) : -1;
                    ok = zone >= 0;
                    pos = end;
                }
                default -> {
                    int w = widths[k];
                    int digits = kind == Kind.MONTH || kind == Kind.DAY || kind == Kind.HOUR
                            ? (w == 1 ? leadingDigits(s, pos, 2) : 2) : w;
                    int v = digits == 0 ? -1 : Temporal.digits(s, pos, digits);
                    if (v < 0) {
                        ok = false;
                    } else {
                        pos += digits;
                        switch (kind) {
                            case YEAR4 -> y = v;
                            case YEAR2 -> y = pivot + Math.floorMod(v - pivot, 100);
                            case MONTH -> mo = v;
                            case DAY -> d = v;
                            case HOUR -> h = v;
                            case MINUTE -> mi = v;
                            case SECOND -> se = v;
                            default -> {
                                // a fraction: its digits only need to be there
                            }
                        }
                    }
                }
            }
            if (!ok) {
                if (!inOptional) {
                    return Temporal.INVALID;
                }
                pos = sPos;
                y = sY;
                mo = sMo;
                d = sD;
                h = sH;
                mi = sMi;
                se = sSe;
                offset = sOffset;
                zone = sZone;
                while (kinds[k] != Kind.CLOSE) {
                    k++;
                }
                inOptional = false;
            }
        }
        if (pos != n || h > 23 || mi > 59 || se > 59) {
            return Temporal.INVALID;
        }
        if (!hasDate) {
            return h * 3600L + mi * 60L + se;
        }
        long day = Temporal.epochDay(y, mo, d);
        if (day == Temporal.INVALID || !hasTime) {
            return day;
        }
        if (zone >= 0) {
            offset = Zones.offsetSeconds(zone, y, mo, d, h, mi, se);
        }
        return day * 86_400L + h * 3600L + mi * 60L + se - offset;
    }

    /** Digits available at pos, up to max. */
    private static int leadingDigits(CharSequence s, int pos, int max) {
        int k = 0;
        while (k < max && pos + k < s.length() && Temporal.isDigit(s.charAt(pos + k))) {
            k++;
        }
        return k;
    }

    private static boolean zoneIdChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-'
                || c == '+';
    }

    /** Where a zone offset of the given form starting at pos ends, or -1. */
    static int zoneEnd(CharSequence s, int pos, int form, boolean zulu) {
        int n = s.length();
        if (pos >= n) {
            return -1;
        }
        char c = s.charAt(pos);
        if (c == 'Z') {
            return zulu ? pos + 1 : -1;
        }
        if (c != '+' && c != '-') {
            return -1;
        }
        int hours = Temporal.digits(s, pos + 1, 2);
        if (hours < 0 || hours > 18) {
            return -1;
        }
        int afterHours = pos + 3;
        int minutesAt = form == HOURS_COLON_MINUTES ? afterHours + 1 : afterHours;
        int minutes = form == HOURS_COLON_MINUTES && (afterHours >= n || s.charAt(afterHours) != ':') ? -1
                : Temporal.digits(s, minutesAt, 2);
        if (minutes > 59) {
            return -1;
        }
        if (minutes < 0) {
            return form == HOURS_OPTIONAL_MINUTES ? afterHours : -1;
        }
        return minutesAt + 2;
    }

    /** The offset written in s[from, to) (Z, ±HH, ±HHmm, ±HH:mm) in seconds; 0 for Z. */
    static int offsetSeconds(CharSequence s, int from, int to) {
        if (s.charAt(from) == 'Z') {
            return 0;
        }
        int hours = Temporal.digits(s, from + 1, 2);
        int minutes = to - from == 3 ? 0 : Temporal.digits(s, to - 2, 2);
        int sign = s.charAt(from) == '-' ? -1 : 1;
        return sign * (hours * 3600 + minutes * 60);
    }
}
