package chuan.config.apache;

import java.util.ArrayList;
import java.util.List;

/**
 * A configuration file's logical lines as httpd reads them (ap_cfg_getline): a backslash right
 * before the end of a line joins the next line to it (comments included), leading and trailing blanks
 * go, and a line is numbered where it ends, as httpd numbers it in its messages.
 */
final class ApacheLines {

    /** One logical line, trimmed, and the number of its last physical line. */
    record Line(String text, int number) {
    }

    private ApacheLines() {
    }

    static List<Line> of(String text) {
        List<Line> out = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            boolean ended = nl >= 0;
            String physical = text.substring(start, ended ? nl : text.length());
            start = ended ? nl + 1 : text.length();
            number++;
            String body = physical.endsWith("\r") ? physical.substring(0, physical.length() - 1) : physical;
            if (ended && body.endsWith("\\")) {
                logical.append(body, 0, body.length() - 1);
                continue;
            }
            logical.append(physical);
            out.add(new Line(logical.toString().strip(), number));
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            out.add(new Line(logical.toString().strip(), number));
        }
        return out;
    }

    /** The first word: up to the first blank, or a quoted string as httpd's ap_getword_conf takes it. */
    static String firstWord(String line) {
        if (!line.isEmpty() && (line.charAt(0) == '"' || line.charAt(0) == '\'')) {
            char q = line.charAt(0);
            for (int i = 1; i < line.length(); i++) {
                if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                    i++;
                } else if (line.charAt(i) == q) {
                    return line.substring(0, i + 1);
                }
            }
            return line;
        }
        for (int i = 0; i < line.length(); i++) {
            if (Character.isWhitespace(line.charAt(i))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
