package chuan.util;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles a user's regular expression with RE2/J (linear time in the text) after bounding what it
 * compiles to: RE2/J expands counted repetition, so {@code ((a{1000}){1000}){1000}} would become a
 * program of a billion instructions and exhaust memory while the profile loads. The size is estimated
 * from the pattern's own structure (each counted repeat multiplies what it repeats) before RE2/J sees
 * it, and a pattern over the budget is refused like a syntax error.
 */
public final class SafeRegex {

    /** Instructions a pattern may expand to: far above any real profile's ({@code .{0,1000}} is about 1,000; RE2 allows no single count above 1,000). */
    public static final long MAX_SIZE = 50_000;
    /** Characters a pattern may have. */
    public static final int MAX_LENGTH = 10_000;

    private SafeRegex() {
    }

    /** The RE2/J pattern; {@link PatternSyntaxException} when it does not compile or would be too large. */
    public static Pattern compile(String source) {
        if (source.length() > MAX_LENGTH) {
            throw new PatternSyntaxException("pattern is " + source.length() + " characters long (at most " + MAX_LENGTH + ")",
                    source.substring(0, 40) + "...");
        }
        long size = estimate(source);
        if (size > MAX_SIZE) {
            throw new PatternSyntaxException("pattern's repetitions expand to "
                    + (size == Long.MAX_VALUE ? "more than a billion" : "about " + size) + " steps (at most " + MAX_SIZE
                    + "); write a shorter repetition", source);
        }
        return Pattern.compile(source);
    }

    /** Whether a pattern compiles within the budget. */
    public static boolean isValid(String source) {
        try {
            compile(source);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /**
     * An upper estimate of the compiled size: literal characters and classes count one, a group its
     * contents, an alternation the sum of its branches, and {@code x{n,m}} the size of x times the
     * larger bound. Saturates at {@link Long#MAX_VALUE}. The syntax check itself is RE2/J's.
     */
    static long estimate(String p) {
        Estimator e = new Estimator(p);
        long total = e.alternation();
        while (e.i < p.length()) { // past an unbalanced ')': RE2/J refuses it, but count the rest anyway
            e.i++;
            total = Estimator.add(total, e.alternation());
        }
        return total;
    }

    private static final class Estimator {
        private final String p;
        private int i;

        Estimator(String p) {
            this.p = p;
        }

        long alternation() {
            long total = concatenation();
            while (i < p.length() && p.charAt(i) == '|') {
                i++;
                total = add(total, concatenation());
            }
            return total;
        }

        private long concatenation() {
            long total = 0;
            while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
                long atom = atom();
                total = add(total, repeated(atom));
            }
            return total;
        }

        private long atom() {
            char c = p.charAt(i);
            switch (c) {
                case '(' -> {
                    i++;
                    if (i < p.length() && p.charAt(i) == '?') {
                        // (?:, (?P<name>, (?flags) or (?flags:...)
                        while (i < p.length() && p.charAt(i) != ':' && p.charAt(i) != ')' && p.charAt(i) != '>') {
                            i++;
                        }
                        if (i < p.length() && p.charAt(i) == ')') {
                            i++;
                            return 0; // a flag group alone
                        }
                        i = Math.min(i + 1, p.length());
                    }
                    long inner = alternation();
                    if (i < p.length() && p.charAt(i) == ')') {
                        i++;
                    }
                    return add(inner, 1);
                }
                case '[' -> {
                    skipClass();
                    return 1;
                }
                case '\\' -> {
                    return escape();
                }
                default -> {
                    i++;
                    return 1;
                }
            }
        }

        private long escape() {
            i++; // the backslash
            if (i >= p.length()) {
                return 1;
            }
            char e = p.charAt(i++);
            if (e == 'Q') {
                int end = p.indexOf("\\E", i);
                int n = (end < 0 ? p.length() : end) - i;
                i = end < 0 ? p.length() : end + 2;
                return Math.max(1, n);
            }
            if ((e == 'p' || e == 'P' || e == 'x') && i < p.length() && p.charAt(i) == '{') {
                int end = p.indexOf('}', i);
                i = end < 0 ? p.length() : end + 1;
            }
            return 1;
        }

        private void skipClass() {
            i++; // [
            if (i < p.length() && p.charAt(i) == '^') {
                i++;
            }
            if (i < p.length() && p.charAt(i) == ']') {
                i++; // a leading ] is a literal
            }
            while (i < p.length() && p.charAt(i) != ']') {
                if (p.charAt(i) == '\\') {
                    i += 2;
                } else if (p.startsWith("[:", i)) {
                    int end = p.indexOf(":]", i + 2);
                    i = end < 0 ? i + 1 : end + 2;
                } else {
                    i++;
                }
            }
            i = Math.min(i + 1, p.length());
        }

        /** The atom's size under the repetition operators that follow it (RE2 allows x** and x{2}{3}). */
        private long repeated(long atom) {
            long size = atom;
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '*' || c == '+' || c == '?') {
                    i++;
                    size = add(size, 1);
                } else if (c == '{') {
                    long count = count();
                    if (count < 0) {
                        return size; // not a repeat: a literal brace, read as the next atom
                    }
                    size = multiply(size, Math.max(1, count));
                } else {
                    return size;
                }
                if (i < p.length() && p.charAt(i) == '?') {
                    i++; // non-greedy
                }
            }
            return size;
        }

        /** {@code {n}}, {@code {n,}} or {@code {n,m}}: the larger bound (n+1 for n,), or -1 when this is no repeat. */
        private long count() {
            int j = i + 1;
            long n = 0;
            int digits = 0;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                n = Math.min(n * 10 + (p.charAt(j++) - '0'), 1_000_000);
                digits++;
            }
            if (digits == 0 || j >= p.length()) {
                return -1;
            }
            long m = n;
            if (p.charAt(j) == ',') {
                j++;
                int mdigits = 0;
                m = 0;
                while (j < p.length() && Character.isDigit(p.charAt(j))) {
                    m = Math.min(m * 10 + (p.charAt(j++) - '0'), 1_000_000);
                    mdigits++;
                }
                m = mdigits == 0 ? n + 1 : m;
            }
            if (j >= p.length() || p.charAt(j) != '}') {
                return -1;
            }
            i = j + 1;
            return Math.max(n, m);
        }

        private static long add(long a, long b) {
            long s = a + b;
            return s < 0 ? Long.MAX_VALUE : s;
        }

        private static long multiply(long a, long b) {
            return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
        }
    }
}
