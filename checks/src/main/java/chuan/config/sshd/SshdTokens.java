package chuan.config.sshd;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an sshd_config line the way servconf.c does. Leading blanks and trailing white space go;
 * the keyword ends at white space, a double quote or one {@code =} ({@code Port=2222},
 * {@code Port = 2222}); a keyword starting with {@code #} makes the line a comment. The arguments
 * are split like misc.c's argv_split: blanks separate, single or double quotes group, a backslash
 * escapes a quote, a backslash or (outside quotes) a space, and {@code #} at the start of an argument
 * ends the line; a quote left open is an error. Some keywords (ForceCommand, Match ...) read the raw
 * rest of the line instead, kept as {@link Line#rest()}.
 */
final class SshdTokens {

    /**
     * A line that is not blank or a comment: its keyword, the raw rest (null when nothing follows
     * the keyword), the arguments, and whether a quote was left open.
     */
    record Line(String keyword, String rest, List<String> args, boolean badQuotes) {
    }

    private static final String WHITESPACE = " \t\r\n";

    private SshdTokens() {
    }

    /** The line's keyword and arguments, or null when sshd skips the line (blank, comment). */
    static Line split(String raw) {
        int start = 0;
        while (start < raw.length() && " \t\r".indexOf(raw.charAt(start)) >= 0) {
            start++;
        }
        int end = raw.length();
        while (end - 1 > start && (WHITESPACE + "\f").indexOf(raw.charAt(end - 1)) >= 0) {
            end--;
        }
        String line = raw.substring(start, end);
        if (line.isEmpty()) {
            return null;
        }
        Delimited first = delimit(line, 0);
        if (first.word() == null) {
            return null; // an unmatched quote in the keyword: sshd skips the line
        }
        Delimited kw = first;
        if (kw.word().isEmpty()) {
            kw = kw.next() < 0 ? new Delimited("", -1) : delimit(line, kw.next());
            if (kw.word() == null) {
                return null;
            }
        }
        String keyword = kw.word();
        if (keyword.isEmpty() || keyword.charAt(0) == '#') {
            return null;
        }
        String rest = kw.next() < 0 || kw.next() >= line.length() ? null : line.substring(kw.next());
        if (rest == null) {
            return new Line(keyword, null, List.of(), false);
        }
        List<String> args = new ArrayList<>();
        boolean badQuotes = !argv(rest, args);
        return new Line(keyword, rest, List.copyOf(args), badQuotes);
    }

    /** A word cut by strdelim and where the rest starts (-1: nothing left); word null: no closing quote. */
    private record Delimited(String word, int next) {
    }

    /** misc.c's strdelim: a word ends at white space, a quote or one '=' (white space around it skipped). */
    private static Delimited delimit(String s, int from) {
        int i = from;
        while (i < s.length() && (WHITESPACE + "\"=").indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i >= s.length()) {
            return new Delimited(s.substring(from), -1);
        }
        if (s.charAt(i) == '"') {
            // the quote is removed and the word runs to the next quote
            int close = s.indexOf('"', i + 1);
            if (close < 0) {
                return new Delimited(null, -1);
            }
            String word = s.substring(from, i) + s.substring(i + 1, close);
            return new Delimited(word, skipWhite(s, close + 1));
        }
        boolean equals = s.charAt(i) == '=';
        String word = s.substring(from, i);
        int next = skipWhite(s, i + 1);
        if (!equals && next < s.length() && s.charAt(next) == '=') {
            next = skipWhite(s, next + 1);
        }
        return new Delimited(word, next);
    }

    private static int skipWhite(String s, int i) {
        while (i < s.length() && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** misc.c's argv_split with comments ending the line; false when a quote is left open. */
    static boolean argv(String s, List<String> out) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            char quote = 0;
            StringBuilder arg = new StringBuilder();
            for (; i < n; i++) {
                c = s.charAt(i);
                if (c == '\\') {
                    char next = i + 1 < n ? s.charAt(i + 1) : 0;
                    if (next == '\'' || next == '"' || next == '\\' || quote == 0 && next == ' ') {
                        i++;
                        arg.append(next);
                    } else {
                        arg.append(c); // an escape it does not know is kept as written
                    }
                } else if (quote == 0 && (c == ' ' || c == '\t')) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    arg.append(c);
                }
            }
            out.add(arg.toString());
            if (i >= n) {
                if (quote != 0) {
                    return false;
                }
                break;
            }
        }
        return true;
    }

    /**
     * misc.c's strdelim over a Match line's criteria: words split at white space or one '=', double
     * quotes grouping; null ends the list (an open quote ends it too).
     */
    static List<String> criteria(String rest) {
        List<String> words = new ArrayList<>();
        int at = 0;
        while (at >= 0 && at < rest.length()) {
            Delimited d = delimit(rest, at);
            if (d.word() == null) {
                break;
            }
            words.add(d.word());
            at = d.next();
        }
        return words;
    }
}
