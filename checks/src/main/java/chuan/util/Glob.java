package chuan.util;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A glob compiled to an RE2/J pattern, so matching is linear in the name whatever the glob (the
 * JDK's glob matcher is a backtracking regular expression: {@code *a*a*a*a*a*b} on a long name of
 * {@code a}s takes exponential time). Globs come from profiles, waivers, and from files inside the
 * scanned tree (an sshd {@code Include}, a sysctl.d key, a logrotate stanza), so none may hang a scan.
 * An invalid glob (an unclosed {@code [} or {@code {}, a nested {@code {}, a trailing backslash) is
 * refused with {@link Invalid}, never read as something else.
 */
public final class Glob {

    /** How a glob is written where it comes from. */
    public enum Syntax {
        /**
         * A path relative to a scanned folder ({@code applies-to}, config {@code paths}, waivers):
         * {@code *} and {@code ?} stay within one folder, {@code **} crosses folders ({@code **}{@code /}
         * also matches no folder at all), {@code [a-z]}, {@code [!a-z]}, {@code {a,b}}.
         */
        PATH('/', true),
        /**
         * A path or file name as glob(3) expands it in a daemon's include or a logrotate stanza:
         * {@code *}, {@code ?} and classes within one folder; no braces.
         */
        POSIX('/', false),
        /** A sysctl parameter name in dotted form: {@code *} and {@code ?} stay within one component. */
        SYSCTL('.', false);

        final char separator;
        final boolean braces;

        Syntax(char separator, boolean braces) {
            this.separator = separator;
            this.braces = braces;
        }
    }

    /** A glob that cannot be compiled; {@code column} is 1-based within the glob. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int column;

        Invalid(String glob, int column, String why) {
            super("invalid glob '" + glob + "': " + why + " (column " + column + ")");
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    /** Globs longer than this are refused: no real path pattern comes near it. */
    public static final int MAX_LENGTH = 4096;

    private final String source;
    private final Pattern pattern;
    private final String literalTail; // what every match ends with: a cheap first test

    private Glob(String source, Pattern pattern, String literalTail) {
        this.source = source;
        this.pattern = pattern;
        this.literalTail = literalTail;
    }

    public static Glob compile(String glob, Syntax syntax) {
        if (glob.length() > MAX_LENGTH) {
            throw new Invalid(glob.substring(0, 40) + "...", MAX_LENGTH, "longer than " + MAX_LENGTH + " characters");
        }
        Translation t = new Translation(glob, syntax);
        String regex = t.run();
        try {
            return new Glob(glob, SafeRegex.compile(regex), t.literalTail());
        } catch (PatternSyntaxException e) {
            throw new Invalid(glob, 1, e.getDescription());
        }
    }

    /** Whether the glob is valid in this syntax. */
    public static boolean isValid(String glob, Syntax syntax) {
        try {
            compile(glob, syntax);
            return true;
        } catch (Invalid e) {
            return false;
        }
    }

    /** Whether a name holds glob characters ({@code *}, {@code ?}, {@code [}). */
    public static boolean hasWildcards(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    public String source() {
        return source;
    }

    /** Whether the whole text matches. */
    public boolean matches(String text) {
        if (literalTail != null && !text.endsWith(literalTail)) {
            return false;
        }
        return pattern.matcher(text).matches();
    }

    @Override
    public String toString() {
        return source;
    }

    private static final java.util.Set<String> POSIX_CLASSES = java.util.Set.of("alnum", "alpha", "blank", "cntrl", "digit",
            "graph", "lower", "print", "punct", "space", "upper", "xdigit");

    /** Glob to RE2 syntax, one character at a time. */
    private static final class Translation {
        private final String g;
        private final Syntax syntax;
        private final StringBuilder re = new StringBuilder();
        private int lastWildcardEnd; // index in g just after the last wildcard, brace or class
        private int braceDepth;
        private int braceOpen = -1;

        Translation(String g, Syntax syntax) {
            this.g = g;
            this.syntax = syntax;
        }

        String run() {
            String notSep = "[^" + quoteInClass(syntax.separator) + "]";
            for (int i = 0; i < g.length(); i++) {
                char c = g.charAt(i);
                switch (c) {
                    case '*' -> {
                        boolean twice = i + 1 < g.length() && g.charAt(i + 1) == '*';
                        if (twice && syntax == Syntax.PATH) {
                            boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
                            re.append(slash ? "(?:.*/)?" : ".*");
                            i += slash ? 2 : 1;
                        } else {
                            while (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                                i++;
                            }
                            re.append(notSep).append('*');
                        }
                        lastWildcardEnd = i + 1;
                    }
                    case '?' -> {
                        re.append(notSep);
                        lastWildcardEnd = i + 1;
                    }
                    case '[' -> {
                        i = charClass(i);
                        lastWildcardEnd = i + 1;
                    }
                    case '\\' -> {
                        if (i + 1 >= g.length()) {
                            throw new Invalid(g, i + 1, "a backslash at the end escapes nothing");
                        }
                        literal(g.charAt(++i));
                    }
                    case '{' -> {
                        if (!syntax.braces) {
                            literal(c);
                        } else {
                            if (braceDepth > 0) {
                                throw new Invalid(g, i + 1, "'{' inside '{...}' (alternatives do not nest)");
                            }
                            braceDepth++;
                            braceOpen = i;
                            re.append("(?:");
                            lastWildcardEnd = i + 1;
                        }
                    }
                    case ',' -> {
                        if (braceDepth > 0) {
                            re.append('|');
                        } else {
                            literal(c);
                        }
                    }
                    case '}' -> {
                        if (braceDepth > 0) {
                            braceDepth--;
                            re.append(')');
                            lastWildcardEnd = i + 1;
                        } else {
                            literal(c);
                        }
                    }
                    default -> literal(c);
                }
            }
            if (braceDepth > 0) {
                throw new Invalid(g, braceOpen + 1, "'{' is never closed");
            }
            return re.toString();
        }

        /** The literal text after the last wildcard, when there is any. */
        String literalTail() {
            String tail = g.substring(lastWildcardEnd);
            return tail.isEmpty() || tail.indexOf('\\') >= 0 ? null : tail;
        }

        /** {@code [...]}: returns the index of its closing bracket. */
        private int charClass(int open) {
            int i = open + 1;
            boolean negated = i < g.length() && (g.charAt(i) == '!' || g.charAt(i) == '^');
            if (negated) {
                i++;
            }
            StringBuilder members = new StringBuilder();
            boolean first = true;
            for (; i < g.length(); i++) {
                char c = g.charAt(i);
                if (c == ']' && !first) {
                    // a class never matches the separator: * and ? do not cross it, nor does [^a]
                    re.append('[').append(negated ? "^" : "").append(members)
                            .append(negated ? quoteInClass(syntax.separator) : "").append(']');
                    return i;
                }
                first = false;
                if (c == '\\' && i + 1 < g.length()) {
                    members.append(quoteInClass(g.charAt(++i)));
                } else if (c == '-' && members.length() > 0 && i + 1 < g.length() && g.charAt(i + 1) != ']') {
                    members.append('-');
                } else if (c == '[' && i + 1 < g.length() && g.charAt(i + 1) == ':') {
                    int end = g.indexOf(":]", i + 2);
                    if (end < 0) {
                        throw new Invalid(g, i + 1, "'[:' without ':]'");
                    }
                    String name = g.substring(i + 2, end);
                    if (!POSIX_CLASSES.contains(name)) {
                        throw new Invalid(g, i + 1, "no character class [:" + name + ":]");
                    }
                    members.append("[:").append(name).append(":]");
                    i = end + 1;
                } else {
                    members.append(quoteInClass(c));
                }
            }
            throw new Invalid(g, open + 1, "'[' is never closed");
        }

        private void literal(char c) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                re.append('\\');
            }
            re.append(c);
        }

        private static String quoteInClass(char c) {
            return "\\[]^-".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
        }
    }
}
