package chuan.config.sshd;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an sshd_config line into words as OpenSSH does: white space separates words, double
 * quotes group them, a word that starts with {@code #} ends the line, and the keyword may be
 * followed by one {@code =} instead of or around white space ({@code Port=2222}, {@code Port = 2222}).
 */
final class SshdTokens {

    private SshdTokens() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = skipBlanks(line, 0);
        int start = i;
        while (i < line.length() && !blank(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        if (i == start || line.charAt(start) == '#') {
            return words;
        }
        words.add(line.substring(start, i));
        i = skipBlanks(line, i);
        if (i < line.length() && line.charAt(i) == '=') {
            i = skipBlanks(line, i + 1);
        }
        StringBuilder w = new StringBuilder();
        while (i < line.length()) {
            i = skipBlanks(line, i);
            if (i >= line.length() || line.charAt(i) == '#') {
                break;
            }
            boolean quoted = false;
            w.setLength(0);
            for (; i < line.length() && (quoted || !blank(line.charAt(i))); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    w.append(c);
                }
            }
            words.add(w.toString());
        }
        return words;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && blank(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
