package chuan.dataset;

import com.google.re2j.Pattern;

/**
 * A user-supplied regular expression with RE2 semantics and a linear-time guarantee.
 *
 * <p>RE2/J is the authority: a pattern must compile there (no back-references or look-around),
 * and it answers whenever the faster engines cannot. Most profile patterns (anchors, classes,
 * groups, alternation, repetition) become a {@link Dfa}: one table lookup per character.
 * RE2/J is 5-10x slower per cell than the JDK engine, so other patterns written in the syntax
 * both engines read the same way are compiled for the JDK engine and run there under a step
 * budget; a match that exceeds the budget (the
 * catastrophic backtracking RE2 exists to prevent), or that recurses too deep on a long value,
 * is answered by RE2/J instead. The answer is the same either way; only the time differs.
 */
public final class SafePattern {

    private final String source;
    private final Pattern re2;
    private final java.util.regex.Pattern jdk;
    private final Dfa dfa;

    private SafePattern(String source, Pattern re2, java.util.regex.Pattern jdk, Dfa dfa) {
        this.source = source;
        this.re2 = re2;
        this.jdk = jdk;
        this.dfa = dfa;
    }

    /** Compiles a pattern that has already been accepted by RE2/J when the profile was loaded. */
    public static SafePattern compile(String source) {
        Pattern re2 = chuan.util.SafeRegex.compile(source);
        String translated = JdkTranslation.of(source);
        java.util.regex.Pattern jdk = null;
        if (translated != null) {
            try {
                jdk = java.util.regex.Pattern.compile(translated);
            } catch (java.util.regex.PatternSyntaxException e) {
                jdk = null; // RE2/J alone then
            }
        }
        return new SafePattern(source, re2, jdk, Dfa.compile(source));
    }

    public String source() {
        return source;
    }

    /** A random value the pattern matches (for test data), or null when this pattern cannot make one. */
    public String sample(java.util.Random random, int softLength) {
        return dfa == null ? null : dfa.sample(random, softLength);
    }

    /** A matcher for one thread; holds the reusable state of both engines. */
    public Matcher matcher() {
        return new Matcher();
    }

    /** Per-thread matching state. */
    public final class Matcher {
        private final com.google.re2j.Matcher re2m = re2.matcher("");
        private final BudgetedText text = new BudgetedText();
        private final java.util.regex.Matcher jdkm = jdk == null ? null : jdk.matcher(text);

        /** True when the pattern occurs in the value (use ^ and $ to match the whole value). */
        public boolean find(CharSequence value) {
            if (dfa != null) {
                int answer = dfa.find(value);
                if (answer != Dfa.UNKNOWN) {
                    return answer == Dfa.YES;
                }
            }
            if (jdkm != null) {
                text.reset(value);
                try {
                    jdkm.reset(text);
                    return jdkm.find();
                } catch (BudgetExceeded | StackOverflowError e) {
                    // fall through to RE2/J: linear time and no recursion, whatever the pattern
                }
            }
            re2m.reset(value);
            return re2m.find();
        }
    }

    /** Thrown (pre-allocated, no stack trace) when the JDK engine spends too long on one value. */
    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** The value as the JDK engine sees it, counting every character read. */
    private static final class BudgetedText implements CharSequence {
        private CharSequence s = "";
        private long budget;

        void reset(CharSequence value) {
            s = value;
            budget = 10_000 + 100L * value.length();
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw BudgetExceeded.INSTANCE;
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }

    /**
     * Rewrites an RE2 pattern for the JDK engine when it only uses syntax both read alike,
     * adjusting the two that differ ({@code $} and {@code .}); null when it uses anything else.
     */
    static final class JdkTranslation {
        private JdkTranslation() {
        }

        static String of(String p) {
            StringBuilder out = new StringBuilder(p.length() + 8);
            boolean inClass = false;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= p.length()) {
                        return null;
                    }
                    char e = p.charAt(++i);
                    if ("dDwWsS".indexOf(e) >= 0 && e != 's' && e != 'S') {
                        out.append('\\').append(e);
                    } else if ("\\.-+*?()[]{}|^$/".indexOf(e) >= 0) {
                        out.append('\\').append(e);
                    } else if (e == 't' || e == 'n' || e == 'r' || e == 'f') {
                        out.append('\\').append(e);
                    } else {
                        return null; // \p, \b, \z, \Q, \x{...}, \s, ...: leave to RE2/J
                    }
                    continue;
                }
                if (inClass) {
                    if (c == '[') {
                        return null; // [[:alpha:]] and nested classes differ
                    }
                    if (c == ']') {
                        inClass = false;
                    }
                    if (c == '&') {
                        return null; // && is intersection in the JDK
                    }
                    out.append(c);
                    continue;
                }
                switch (c) {
                    case '[' -> {
                        inClass = true;
                        out.append(c);
                        if (i + 1 < p.length() && p.charAt(i + 1) == '^') {
                            out.append('^');
                            i++;
                        }
                        if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
                            out.append("\\]");
                            i++;
                        }
                    }
                    case '(' -> {
                        if (i + 1 < p.length() && p.charAt(i + 1) == '?') {
                            if (i + 2 < p.length() && p.charAt(i + 2) == ':') {
                                out.append("(?:");
                                i += 2;
                            } else {
                                return null; // flags and named groups differ
                            }
                        } else {
                            out.append(c);
                        }
                    }
                    case '$' -> out.append("\\z");       // RE2: end of text; JDK $ also matches before a final newline
                    case '.' -> out.append("[^\\n]");    // RE2: any char but \n; JDK also excludes \r, \u0085, ...
                    case '{', '}', ')', '|', '*', '+', '?', '^' -> out.append(c);
                    default -> {
                        if (c == '#' || Character.isWhitespace(c) && c != ' ') {
                            return null;
                        }
                        out.append(c);
                    }
                }
            }
            return inClass ? null : out.toString();
        }
    }
}
