package chuan.config.check;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as configuration files write it: plain ({@code 14}, {@code -1}, {@code 0.5}), or a
 * time span in sshd's and systemd's forms ({@code 2m}, {@code 1h30m}, {@code 3month}, {@code 90d}),
 * counted in seconds. A plain number next to a time bound is read in seconds too, as both programs do.
 */
final class Quantity {

    private static final Pattern PART = Pattern.compile(
            // longest unit first: "3month" is three months, not three minutes and "onth"
            "(\\d+(?:\\.\\d+)?)\\s*(months|month|minutes|minute|min|msec|ms|usec|us|seconds|second|sec|s|hours|hour|hr|h"
                    + "|days|day|d|weeks|week|w|years|year|y|M|m)?");

    private Quantity() {
    }

    /** Whether the text carries a time unit (a bound written {@code 15m} compares spans). */
    static boolean isSpan(String text) {
        return text != null && text.strip().matches(".*\\d\\s*[a-zA-Z]+$");
    }

    /** The number, or the span in seconds; null when the text is neither. */
    static BigDecimal parse(String text, boolean span) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("unlimited")) {
            return new BigDecimal("1e15"); // longer than any bound a profile writes
        }
        if (t.matches("[+-]?\\d+(\\.\\d+)?")) {
            return new BigDecimal(t);
        }
        if (!span) {
            return null;
        }
        Matcher m = PART.matcher(t);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        while (at < t.length()) {
            if (Character.isWhitespace(t.charAt(at))) {
                at++;
                continue;
            }
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(seconds(m.group(2)))));
            at = m.end();
        }
        return total;
    }

    private static double seconds(String unit) {
        if (unit == null) {
            return 1;
        }
        if (unit.equals("M")) {
            return 2_629_800; // systemd: a month is 30.44 days
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us", "usec" -> 0.000001;
            case "ms", "msec" -> 0.001;
            case "s", "sec", "second", "seconds" -> 1;
            case "m", "min", "minute", "minutes" -> 60;
            case "h", "hr", "hour", "hours" -> 3600;
            case "d", "day", "days" -> 86_400;
            case "w", "week", "weeks" -> 604_800;
            case "month", "months" -> 2_629_800;
            default -> 31_557_600; // y, year, years: 365.25 days
        };
    }
}
