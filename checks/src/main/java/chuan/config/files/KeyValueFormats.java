package chuan.config.files;

import chuan.config.ConfigProblem;
import java.util.List;

/**
 * Readers of the line formats: Java {@code .properties} (with {@code =}, {@code :} or a blank as
 * separator, {@code #}/{@code !} comments, backslash continuation and escapes), {@code .env}
 * ({@code KEY=value}, {@code export}, quotes) and INI ({@code [section]} making keys
 * {@code section.key}, {@code ;}/{@code #} comments).
 */
final class KeyValueFormats {

    private KeyValueFormats() {
    }

    static void properties(FlatFile into, String text, String file) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            String line = stripLeading(lines.get(i));
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (endsWithOddBackslashes(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(stripLeading(lines.get(++i)));
            }
            String l = logical.toString();
            int sep = separator(l);
            String key = unescape(sep < 0 ? l : l.substring(0, sep)).strip();
            String value = "";
            if (sep >= 0) {
                int v = sep + 1;
                while (v < l.length() && (l.charAt(v) == ' ' || l.charAt(v) == '\t')) {
                    v++;
                }
                if (Character.isWhitespace(l.charAt(sep)) && v < l.length() && (l.charAt(v) == '=' || l.charAt(v) == ':')) {
                    v++;
                }
                value = unescape(l.substring(Math.min(v, l.length()))).strip();
            }
            into.put(key, value, first + 1);
        }
    }

    static void env(FlatFile into, String text, String file) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                into.problem(ConfigProblem.malformed(file, i + 1, "not a KEY=value line"));
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.indexOf(value.charAt(0), 1) > 0) {
                value = value.substring(1, value.indexOf(value.charAt(0), 1));
            } else {
                int hash = value.indexOf(" #");
                value = hash >= 0 ? value.substring(0, hash).strip() : value;
            }
            into.put(line.substring(0, eq).strip(), value, i + 1);
        }
    }

    static void ini(FlatFile into, String text, String file) {
        List<String> lines = text.lines().toList();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    into.problem(ConfigProblem.malformed(file, i + 1, "section header without \"]\""));
                    continue;
                }
                section = line.substring(1, close).strip();
                continue;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            String key = (sep < 0 ? line : line.substring(0, sep)).strip();
            String value = sep < 0 ? "" : line.substring(sep + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            into.put(section.isEmpty() ? key : section + "." + key, value, i + 1);
        }
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return s.substring(i);
    }

    private static boolean endsWithOddBackslashes(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The first unescaped {@code =}, {@code :} or blank. */
    private static int separator(String l) {
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '=' || c == ':' || c == ' ' || c == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        b.append('u');
                    }
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }
}
