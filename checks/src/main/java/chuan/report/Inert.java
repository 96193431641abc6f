package chuan.report;

/**
 * Text taken from the inputs (file names, column and key names, values, parser messages) made safe
 * to show: every report and every line the command line prints goes through here, so a hostile
 * file name cannot move the cursor, retitle the terminal, plant a hyperlink, reorder what an
 * auditor reads, or break the XML of a CI report.
 *
 * <p>Escaped: C0 controls, DEL and C1 controls as {@code \x1b}; bidirectional formatting characters
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the line and paragraph separators
 * (U+2028, U+2029) and the non-characters U+FFFE, U+FFFF as {@code \u005cu202e}. A lone surrogate cannot
 * be encoded at all and becomes U+FFFD. The escapes are printable ASCII, so escaping twice changes
 * nothing, and what remains is legal in XML 1.0.
 */
public final class Inert {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Inert() {
    }

    /** One line: every character above escaped, line breaks included; null stays null. */
    public static String text(String s) {
        return escape(s, false);
    }

    /** Text of several lines: as {@link #text}, but line feeds are kept. */
    public static String lines(String s) {
        return escape(s, true);
    }

    /** Only what no encoder can write: lone surrogates become U+FFFD (for formats that escape the rest themselves). */
    public static String wellFormed(String s) {
        if (s == null) {
            return null;
        }
        int bad = firstLoneSurrogate(s);
        if (bad < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, bad);
        for (int i = bad; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /**
     * A Markdown table cell or list item: as {@link #text}, and the characters that make links, images,
     * HTML, code spans, emphasis or a new table column are backslash-escaped, so they show as themselves.
     */
    public static String markdown(String s) {
        String t = text(s);
        if (t == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("\\`*_[]<>|~&#".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * A CSV cell: as {@link #text}, and a cell that a spreadsheet would run as a formula (one starting
     * with {@code = + - @}, tab or carriage return) gets a leading single quote, as OWASP recommends
     * against CSV injection.
     */
    public static String csv(String s) {
        String t = text(s);
        if (t == null || t.isEmpty()) {
            return t;
        }
        return "=+-@\t\r".indexOf(t.charAt(0)) >= 0 ? "'" + t : t;
    }

    /** Whether {@link #text} shows this character as an escape (JSON writes the same ones as {@code \u005cuXXXX}). */
    public static boolean escaped(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                || c == 0xfffe || c == 0xffff;
    }

    private static String escape(String s, boolean keepLineFeeds) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if ((escaped(c) && !(keepLineFeeds && c == '\n')) || Character.isSurrogate(c)) {
                break;
            }
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else if (!escaped(c) || (keepLineFeeds && c == '\n')) {
                b.append(c);
            } else if (c <= 0xff) {
                b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return b.toString();
    }

    private static int firstLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
