package chuan.util;

import java.util.Locale;

/**
 * What chuan lets a user's SQL be before it is sent: a single {@code SELECT} or {@code WITH} statement,
 * read with the lexical rules every supported server shares (quoted strings and identifiers, dollar quotes,
 * comments), so a second statement cannot hide behind a quote one server reads differently from another.
 * The read-only transaction the query runs in is the second guard: the server itself refuses any write a
 * {@code WITH} might carry.
 */
public final class SqlText {

    private SqlText() {
    }

    /** Why {@code sql} is not a single SELECT/WITH statement, or null when it is. */
    public static String refusal(String sql) {
        if (sql == null || sql.isBlank()) {
            return "the query is empty";
        }
        int n = sql.length();
        int i = 0;
        String first = null;
        String previous = null;
        boolean ended = false;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                if (depth > 0) {
                    return "a comment is not closed";
                }
            } else if (ended) {
                return "only one statement may be given: text follows the ';'";
            } else if (c == ';') {
                ended = true;
                i++;
            } else if (c == '\'') {
                int close = i + 1;
                while (true) {
                    close = sql.indexOf('\'', close);
                    if (close < 0) {
                        return "a quoted string is not closed";
                    }
                    if (close + 1 < n && sql.charAt(close + 1) == '\'') {
                        close += 2;
                        continue;
                    }
                    break;
                }
                if (sql.substring(i, close).indexOf('\\') >= 0) {
                    // MariaDB reads a backslash as an escape, PostgreSQL does not: where the string ends would differ
                    return "a backslash in a quoted string reads differently on different servers; write it another way";
                }
                i = close + 1;
            } else if (c == '"' || c == '`') {
                int close = sql.indexOf(c, i + 1);
                if (close < 0) {
                    return "a quoted name is not closed";
                }
                i = close + 1;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                if (close < 0) {
                    return "a dollar-quoted string is not closed";
                }
                i = close + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                if (first == null) {
                    first = word;
                    if (!first.equals("SELECT") && !first.equals("WITH")) {
                        return "only a SELECT or WITH statement is run, not " + first;
                    }
                } else if (word.equals("INTO") && !"INSERT".equals(previous) && !"MERGE".equals(previous)) {
                    // SELECT ... INTO makes a table (PostgreSQL) or writes a file (MariaDB's INTO OUTFILE); an INSERT INTO
                    // hidden in a WITH is left to the server, which refuses it in the read-only transaction
                    return "SELECT ... INTO writes (a table or a file): not run";
                }
                previous = word;
            } else {
                if (first == null && c != '(') {
                    return "only a SELECT or WITH statement is run";
                }
                i++;
            }
        }
        return first == null ? "the query has no statement" : null;
    }

    /** {@code $tag$} starting at {@code i}, or null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    /** The statement without a final {@code ;} (and what follows it: blanks and comments), as drivers want it. */
    public static String withoutFinalSemicolon(String sql) {
        String s = sql.strip();
        // only called on text refusal() accepted: a ';' outside quotes and comments can only be the last token
        int last = s.lastIndexOf(';');
        if (last >= 0 && s.substring(last + 1).replaceAll("(?s)--[^\n]*|/\\*.*?\\*/", "").isBlank()
                && refusal(s.substring(0, last)) == null) {
            return s.substring(0, last).strip();
        }
        return s;
    }
}
