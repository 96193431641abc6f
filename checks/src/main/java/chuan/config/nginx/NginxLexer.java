package chuan.config.nginx;

import java.util.ArrayList;
import java.util.List;

/**
 * nginx's tokenizer (ngx_conf_read_token of nginx 1.22), one statement at a time: words up to a
 * {@code ;}, a {@code {}, a {@code }} or the end of the file. What nginx refuses is an error at the line
 * nginx names. Its rules, which a plain lexer gets wrong:
 * <ul>
 * <li>only space, tab, CR and LF separate words; {@code }} and {@code #} inside a word are part of it;</li>
 * <li>a {@code {} right after {@code $} belongs to the word ({@code ${uri}}), any other ends it and opens a block;</li>
 * <li>quotes group only at the start of a word, and after the closing quote only a separator, {@code ;},
 *     {@code {} or {@code )} may follow;</li>
 * <li>a backslash keeps the next character in the word; {@code \" \' \\ \t \r \n} are then unescaped, any
 *     other pair is kept as written ({@code \{} stays {@code \{} for the regex);</li>
 * <li>a {@code ;} or {@code {} with no word before it, or a {@code }} after words, is an error;</li>
 * <li>a word (or a comment) of 4096 characters or more is "too long", nginx's buffer size.</li>
 * </ul>
 */
final class NginxLexer {

    /** How a statement ends. */
    enum End { SEMICOLON, OPEN, CLOSE, EOF }

    /** Words (unescaped) ending in {@code end}; {@code line} is the first word's, {@code endLine} the terminator's. */
    record Statement(List<String> words, End end, int line, int endLine) {
    }

    /** What nginx would print for a file it refuses to read further. */
    static final class Error extends Exception {
        private final int line;

        Error(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    static final int BUFFER = 4096; // NGX_CONF_BUFFER: the longest word nginx can hold

    private final String text;
    private int pos;
    private int line = 1;

    NginxLexer(String text) {
        this.text = text;
    }

    /** The next statement, or an EOF statement with no words at the end of the file. */
    Statement next() throws Error {
        List<String> words = new ArrayList<>();
        boolean lastSpace = true;
        boolean needSpace = false;
        boolean comment = false;
        boolean variable = false;
        boolean quoted = false;
        boolean dQuoted = false;
        boolean sQuoted = false;
        int start = pos;
        int startLine = line;
        int firstLine = 0;
        while (true) {
            if (pos >= text.length()) {
                if (!words.isEmpty() || !lastSpace) {
                    throw new Error("unexpected end of file, expecting \";\" or \"}\"", line);
                }
                return new Statement(words, End.EOF, line, line);
            }
            if (pos - start >= BUFFER) {
                throw new Error(dQuoted || sQuoted
                        ? "too long parameter, probably missing terminating \"" + (dQuoted ? '"' : '\'') + "\" character"
                        : "too long parameter \"" + text.substring(start, start + 10) + "...\" started", startLine);
            }
            char ch = text.charAt(pos++);
            if (ch == '\n') {
                line++;
                comment = false;
            }
            if (comment) {
                continue;
            }
            if (quoted) {
                quoted = false;
                continue;
            }
            if (needSpace) {
                if (isSpace(ch)) {
                    lastSpace = true;
                    needSpace = false;
                    continue;
                }
                if (ch == ';') {
                    return new Statement(words, End.SEMICOLON, firstLine, line);
                }
                if (ch == '{') {
                    return new Statement(words, End.OPEN, firstLine, line);
                }
                if (ch != ')') {
                    throw new Error("unexpected \"" + ch + "\"", line);
                }
                lastSpace = true;
                needSpace = false;
            }
            if (lastSpace) {
                start = pos - 1;
                startLine = line;
                if (isSpace(ch)) {
                    continue;
                }
                switch (ch) {
                    case ';', '{' -> {
                        if (words.isEmpty()) {
                            throw new Error("unexpected \"" + ch + "\"", line);
                        }
                        return new Statement(words, ch == '{' ? End.OPEN : End.SEMICOLON, firstLine, line);
                    }
                    case '}' -> {
                        if (!words.isEmpty()) {
                            throw new Error("unexpected \"}\"", line);
                        }
                        return new Statement(words, End.CLOSE, line, line);
                    }
                    case '#' -> comment = true;
                    case '\\' -> {
                        quoted = true;
                        lastSpace = false;
                    }
                    case '"' -> {
                        start++;
                        dQuoted = true;
                        lastSpace = false;
                    }
                    case '\'' -> {
                        start++;
                        sQuoted = true;
                        lastSpace = false;
                    }
                    case '$' -> {
                        variable = true;
                        lastSpace = false;
                    }
                    default -> lastSpace = false;
                }
                if (!lastSpace && words.isEmpty() && firstLine == 0) {
                    firstLine = line;
                }
                continue;
            }
            if (ch == '{' && variable) {
                continue;
            }
            variable = false;
            if (ch == '\\') {
                quoted = true;
                continue;
            }
            if (ch == '$') {
                variable = true;
                continue;
            }
            boolean found = false;
            if (dQuoted) {
                if (ch == '"') {
                    dQuoted = false;
                    needSpace = true;
                    found = true;
                }
            } else if (sQuoted) {
                if (ch == '\'') {
                    sQuoted = false;
                    needSpace = true;
                    found = true;
                }
            } else if (isSpace(ch) || ch == ';' || ch == '{') {
                lastSpace = true;
                found = true;
            }
            if (found) {
                words.add(unescape(text, start, pos - 1));
                if (ch == ';') {
                    return new Statement(words, End.SEMICOLON, firstLine, line);
                }
                if (ch == '{') {
                    return new Statement(words, End.OPEN, firstLine, line);
                }
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** nginx unescapes {@code \" \' \\ \t \r \n} in every word and keeps any other backslash pair as written. */
    private static String unescape(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char n = s.charAt(i + 1);
                switch (n) {
                    case '"', '\'', '\\' -> {
                        b.append(n);
                        i++;
                        continue;
                    }
                    case 't' -> {
                        b.append('\t');
                        i++;
                        continue;
                    }
                    case 'r' -> {
                        b.append('\r');
                        i++;
                        continue;
                    }
                    case 'n' -> {
                        b.append('\n');
                        i++;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
