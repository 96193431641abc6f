package chuan.config.sshd;

import com.google.re2j.Pattern;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenSSH's pattern lists (match.c): {@code *} and {@code ?} wildcards, comma-separated lists where
 * a {@code !}-negated pattern that matches wins over any positive one. Matched with RE2/J, so a
 * hostile pattern in a configuration runs in linear time.
 */
final class SshdPatterns {

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_SUBPATTERN = 1023; // match.c's sub[1024]

    private SshdPatterns() {
    }

    /** match.c's match_pattern: the whole string against one wildcard pattern. */
    static boolean matches(String s, String pattern) {
        Pattern p = COMPILED.computeIfAbsent(pattern, SshdPatterns::compile);
        return p.matches(s);
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? "(?s:.*)" : "(?s:.)");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
        if (COMPILED.size() > 10_000) {
            COMPILED.clear(); // a bound on memory for hostile input; patterns are recompiled on demand
        }
        return Pattern.compile(re.toString());
    }

    /**
     * match.c's match_pattern_list: 1 when a positive pattern matches, -1 when a negated one does
     * (that wins), 0 otherwise. {@code lower}: the patterns are lower-cased first (host names).
     */
    static int list(String s, String patterns, boolean lower) {
        boolean positive = false;
        int i = 0;
        int n = patterns.length();
        while (i < n) {
            boolean negated = patterns.charAt(i) == '!';
            if (negated) {
                i++;
            }
            int end = patterns.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            String sub = patterns.substring(i, end);
            if (sub.length() >= MAX_SUBPATTERN) {
                return 0; // match.c gives up on a sub-pattern that does not fit its buffer
            }
            if (lower) {
                sub = sub.toLowerCase(Locale.ROOT);
            }
            i = end < n ? end + 1 : n;
            if (matches(s, sub)) {
                if (negated) {
                    return -1;
                }
                positive = true;
            }
        }
        return positive ? 1 : 0;
    }

    /** match.c's match_hostname: the host name lower-cased against the lower-cased patterns. */
    static int hostname(String host, String patterns) {
        return list(host.toLowerCase(Locale.ROOT), patterns, true);
    }
}
