package chuan.config.linux;

import com.google.re2j.Pattern;

/**
 * A kernel parameter's name as systemd-sysctl understands it. Files may write it with dots
 * ({@code net.ipv4.ip_forward}) or slashes ({@code net/ipv4/ip_forward}); when the first separator
 * is a slash, dots are part of a name ({@code net/ipv4/conf/eth0.100/rp_filter}: interface eth0.100),
 * otherwise dots separate and a slash stands for a dot in a name ({@code net.ipv4.conf.eth0/100.rp_filter}).
 * Kept as the path under {@code /proc/sys}; shown as sysctl(8) shows it.
 */
record SysctlKey(String path) {

    /** The key as written in a file or asked for, in either form. */
    static SysctlKey of(String written) {
        String k = written.strip();
        int slash = k.indexOf('/');
        int dot = k.indexOf('.');
        boolean pathForm = slash >= 0 && (dot < 0 || slash < dot);
        return new SysctlKey(pathForm ? k : swap(k));
    }

    /** sysctl(8)'s form: dots between names, a dot inside a name shown as a slash. */
    String display() {
        return swap(path);
    }

    boolean isGlob() {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
    }

    /**
     * Whether this glob matches a name, as glob(3) matches it under /proc/sys: {@code *} and
     * {@code ?} stay within one name, {@code [...]} is a set. Matched with RE2, in linear time.
     */
    boolean matches(SysctlKey name) {
        return Pattern.compile(regex()).matcher(name.path).matches();
    }

    private String regex() {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int close = c == '[' ? path.indexOf(']', i + 2) : -1;
            if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (close > 0) {
                String set = path.substring(i + 1, close);
                boolean negate = set.startsWith("!") || set.startsWith("^");
                re.append('[').append(negate ? "^/" : "");
                for (char s : (negate ? set.substring(1) : set).toCharArray()) {
                    re.append(s == '\\' || s == '[' || s == ']' ? "\\" + s : String.valueOf(s));
                }
                re.append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    private static String swap(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c == '.' ? '/' : c == '/' ? '.' : c);
        }
        return b.toString();
    }
}
