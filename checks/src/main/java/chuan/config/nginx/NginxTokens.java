package chuan.config.nginx;

import java.util.ArrayList;
import java.util.List;

/**
 * nginx's lexer: words separated by white space, {@code ;} ending a directive, braces opening and
 * closing blocks, {@code #} starting a comment to the end of the line, single or double quotes
 * grouping a word (with backslash escapes), each token with its line.
 */
final class NginxTokens {

    enum Kind { WORD, SEMICOLON, OPEN, CLOSE }

    record Token(Kind kind, String text, int line) {
    }

    private NginxTokens() {
    }

    static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ';' || c == '{' || c == '}') {
                out.add(new Token(c == ';' ? Kind.SEMICOLON : c == '{' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), line));
                i++;
            } else {
                StringBuilder w = new StringBuilder();
                int start = line;
                char quote = 0;
                while (i < s.length()) {
                    char d = s.charAt(i);
                    if (quote != 0) {
                        if (d == '\\' && i + 1 < s.length()) {
                            w.append(s.charAt(++i));
                        } else if (d == quote) {
                            quote = 0;
                        } else {
                            if (d == '\n') {
                                line++;
                            }
                            w.append(d);
                        }
                        i++;
                        continue;
                    }
                    if (Character.isWhitespace(d) || d == ';' || d == '{' || d == '}') {
                        break;
                    }
                    if ((d == '"' || d == '\'') && w.length() == 0) {
                        quote = d;
                    } else {
                        w.append(d);
                    }
                    i++;
                }
                out.add(new Token(Kind.WORD, w.toString(), start));
            }
        }
        return out;
    }
}
