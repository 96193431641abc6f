package chuan.dataset;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A deterministic automaton for the common shape of profile patterns (anchors at the ends, literal
 * characters, classes, groups, alternation, repetition): one table lookup per character, about
 * ten times faster than the JDK engine on the character classes Vietnamese text needs, and linear
 * by construction. Built eagerly at profile compile time with a cap on its size; a pattern it does
 * not support, or whose automaton would be too large, is left to {@link SafePattern}'s other engines.
 */
final class Dfa {

    /** Answers of {@link #find}. */
    static final int NO = 0;
    static final int YES = 1;
    static final int UNKNOWN = 2;

    private static final int MAX_STATES = 4096;
    private static final int MAX_NFA = 20_000;
    private static final int DEAD = 0;

    private final int classes;
    private final char[][] pages;      // char -> class, in pages of 256
    private final int[] next;          // [state * classes + class] -> state
    private final boolean[] accept;    // accepting at the end of the text
    private final boolean[] early;     // accepting as soon as reached (no $ at the end)
    private final int start;
    private final int[] classStarts;   // first character of each class
    private final int[] toAccept;      // steps to an accepting state, -1 when none can be reached

    private Dfa(int classes, char[][] pages, int[] next, boolean[] accept, boolean[] early, int start, int[] classStarts) {
        this.classStarts = classStarts;
        this.toAccept = distances(next, accept, classes);
        this.classes = classes;
        this.pages = pages;
        this.next = next;
        this.accept = accept;
        this.early = early;
        this.start = start;
    }

    /** The automaton for an RE2 pattern, or null when the pattern is outside what it supports. */
    static Dfa compile(String pattern) {
        try {
            Parser p = new Parser(pattern);
            Node tree = p.parse();
            return build(tree, p.anchoredStart, p.anchoredEnd);
        } catch (Unsupported e) {
            return null;
        }
    }

    /** Searches the text: {@link #YES}, {@link #NO}, or {@link #UNKNOWN} when it holds surrogate pairs. */
    int find(CharSequence s) {
        int st = start;
        if (early[st]) {
            return YES;
        }
        int n = s.length();
        int[] tr = next;
        int k = classes;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                return UNKNOWN; // RE2 reads a pair as one code point; leave those texts to it
            }
            st = tr[st * k + pages[c >>> 8][c & 0xFF]];
            if (st == DEAD) {
                return NO;
            }
            if (early[st]) {
                return YES;
            }
        }
        return accept[st] ? YES : NO;
    }

    /** Steps from each state to an accepting one (backwards breadth-first), -1 when unreachable. */
    private static int[] distances(int[] next, boolean[] accept, int classes) {
        int n = accept.length;
        int[] d = new int[n];
        java.util.Arrays.fill(d, -1);
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (accept[s]) {
                d[s] = 0;
                q.add(s);
            }
        }
        while (!q.isEmpty()) {
            int t = q.poll();
            for (int s = 0; s < n; s++) {
                if (d[s] >= 0) {
                    continue;
                }
                for (int c = 0; c < classes; c++) {
                    if (next[s * classes + c] == t) {
                        d[s] = d[t] + 1;
                        q.add(s);
                        break;
                    }
                }
            }
        }
        return d;
    }

    /**
     * A random text the pattern matches (for test data), made of printable characters; null when
     * the automaton cannot reach a match. Walks the automaton, stopping at an accepting state
     * after a random length, and heading for the nearest one when the text grows long.
     */
    String sample(java.util.Random random, int softLength) {
        if (toAccept[start] < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int st = start;
        for (int guard = 0; guard < softLength * 4 + 64; guard++) {
            if (accept[st] && (random.nextInt(100) < 30 || sb.length() >= softLength)) {
                return sb.toString();
            }
            List<int[]> moves = new ArrayList<>();  // {class, char}
            int best = Integer.MAX_VALUE;
            for (int c = 0; c < classes; c++) {
                int t = next[st * classes + c];
                if (t == DEAD || toAccept[t] < 0) {
                    continue;
                }
                int ch = printable(c, random);
                if (ch < 0) {
                    continue;
                }
                if (sb.length() >= softLength) {
                    if (toAccept[t] < best) {
                        best = toAccept[t];
                        moves.clear();
                    } else if (toAccept[t] > best) {
                        continue;
                    }
                }
                moves.add(new int[] {c, ch});
            }
            if (moves.isEmpty()) {
                return accept[st] ? sb.toString() : null;
            }
            int[] m = moves.get(random.nextInt(moves.size()));
            sb.append((char) m[1]);
            st = next[st * classes + m[0]];
        }
        return accept[st] ? sb.toString() : null;
    }

    /** A printable character of class {@code c}, or -1 when it has none. */
    private int printable(int c, java.util.Random random) {
        int from = classStarts[c];
        int to = c + 1 < classStarts.length ? classStarts[c + 1] - 1 : 0xFFFF;
        int lo = Math.max(from, 0x20);
        int hi = Math.min(to, 0x2FFF); // letters, marks and symbols people type; no surrogates or private use
        if (lo > hi) {
            return -1;
        }
        for (int tries = 0; tries < 8; tries++) {
            int ch = lo + random.nextInt(hi - lo + 1);
            if (ch != 0x7F && (ch < 0x80 || ch > 0x9F) && !Character.isISOControl(ch) && Character.isDefined(ch)
                    && (hi - lo > 200 ? ch < 0x7F || Character.isLetter(ch) : true)) {
                return ch;
            }
        }
        return lo >= 0x20 && lo != 0x7F && (lo < 0x80 || lo > 0x9F) ? lo : -1;
    }

    // ---- syntax tree -------------------------------------------------------------------------

    private sealed interface Node permits Chars, Concat, Alt, Repeat {
    }

    /** A set of characters as sorted, non-overlapping inclusive ranges. */
    private record Chars(int[] ranges) implements Node {
    }

    private record Concat(List<Node> parts) implements Node {
    }

    private record Alt(List<Node> options) implements Node {
    }

    private record Repeat(Node body, int min, int max) implements Node {
    }

    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** Recursive-descent parser for the supported subset of RE2 syntax. */
    private static final class Parser {
        private final String p;
        private int i;
        boolean anchoredStart;
        boolean anchoredEnd;

        Parser(String p) {
            this.p = p;
        }

        Node parse() {
            int end = p.length();
            if (end > 0 && p.charAt(0) == '^') {
                anchoredStart = true;
                i = 1;
            }
            if (end > i && p.charAt(end - 1) == '$' && !escaped(end - 1)) {
                anchoredEnd = true;
                end--;
            }
            Node n = alternation(end);
            if (i != end || (n instanceof Alt && (anchoredStart || anchoredEnd))) {
                throw new Unsupported(); // ^a|b$ anchors single branches, not the whole pattern
            }
            return n;
        }

        private boolean escaped(int at) {
            int backslashes = 0;
            for (int k = at - 1; k >= 0 && p.charAt(k) == '\\'; k--) {
                backslashes++;
            }
            return backslashes % 2 == 1;
        }

        private Node alternation(int end) {
            List<Node> options = new ArrayList<>();
            options.add(concatenation(end));
            while (i < end && p.charAt(i) == '|') {
                i++;
                options.add(concatenation(end));
            }
            return options.size() == 1 ? options.get(0) : new Alt(options);
        }

        private Node concatenation(int end) {
            List<Node> parts = new ArrayList<>();
            while (i < end && p.charAt(i) != '|' && p.charAt(i) != ')') {
                parts.add(repetition(atom(end), end));
            }
            return new Concat(parts);
        }

        private Node atom(int end) {
            char c = p.charAt(i);
            switch (c) {
                case '(' -> {
                    i++;
                    if (p.startsWith("?:", i)) {
                        i += 2;
                    } else if (i < end && p.charAt(i) == '?') {
                        throw new Unsupported(); // flags, named groups
                    }
                    Node inner = alternation(end);
                    if (i >= end || p.charAt(i) != ')') {
                        throw new Unsupported();
                    }
                    i++;
                    return inner;
                }
                case '[' -> {
                    return charClass(end);
                }
                case '.' -> {
                    i++;
                    return new Chars(new int[] {0, '\n' - 1, '\n' + 1, 0xFFFF});
                }
                case '\\' -> {
                    return new Chars(escape(end, false));
                }
                case '^', '$', '*', '+', '?', '{', '}' -> throw new Unsupported();
                default -> {
                    if (Character.isSurrogate(c)) {
                        throw new Unsupported();
                    }
                    i++;
                    return new Chars(new int[] {c, c});
                }
            }
        }

        private Node repetition(Node atom, int end) {
            while (i < end) {
                char c = p.charAt(i);
                int min;
                int max;
                if (c == '*') {
                    min = 0;
                    max = -1;
                    i++;
                } else if (c == '+') {
                    min = 1;
                    max = -1;
                    i++;
                } else if (c == '?') {
                    min = 0;
                    max = 1;
                    i++;
                } else if (c == '{') {
                    int close = p.indexOf('}', i);
                    if (close < 0 || close >= end) {
                        throw new Unsupported();
                    }
                    String body = p.substring(i + 1, close);
                    if (!body.matches("[0-9]{1,4}(,[0-9]{0,4})?")) {
                        throw new Unsupported();
                    }
                    int comma = body.indexOf(',');
                    min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                    if (max >= 0 && max < min || min > 1000 || max > 1000) {
                        throw new Unsupported();
                    }
                    i = close + 1;
                } else {
                    return atom;
                }
                if (i < end && p.charAt(i) == '?') {
                    i++; // non-greedy: the same language, so the same answer to "is there a match"
                }
                atom = new Repeat(atom, min, max);
            }
            return atom;
        }

        private Node charClass(int end) {
            i++;
            boolean negate = false;
            if (i < end && p.charAt(i) == '^') {
                negate = true;
                i++;
            }
            List<int[]> parts = new ArrayList<>();
            boolean first = true;
            while (true) {
                if (i >= end) {
                    throw new Unsupported();
                }
                char c = p.charAt(i);
                if (c == ']' && !first) {
                    i++;
                    break;
                }
                first = false;
                if (c == '[') {
                    throw new Unsupported(); // [:alpha:] and nested classes
                }
                int[] lo;
                if (c == '\\') {
                    lo = escape(end, true);
                } else {
                    if (Character.isSurrogate(c)) {
                        throw new Unsupported();
                    }
                    lo = new int[] {c, c};
                    i++;
                }
                if (lo.length == 2 && lo[0] == lo[1] && i + 1 < end && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                    i++;
                    char d = p.charAt(i);
                    int[] hi;
                    if (d == '\\') {
                        hi = escape(end, true);
                    } else {
                        if (Character.isSurrogate(d)) {
                            throw new Unsupported();
                        }
                        hi = new int[] {d, d};
                        i++;
                    }
                    if (hi.length != 2 || hi[0] != hi[1] || hi[0] < lo[0]) {
                        throw new Unsupported();
                    }
                    parts.add(new int[] {lo[0], hi[0]});
                } else {
                    parts.add(lo);
                }
            }
            int[] set = union(parts);
            return new Chars(negate ? complement(set) : set);
        }

        /** An escape at i (a backslash); returns its character set. */
        private int[] escape(int end, boolean inClass) {
            if (i + 1 >= end) {
                throw new Unsupported();
            }
            char e = p.charAt(i + 1);
            i += 2;
            return switch (e) {
                case 'd' -> new int[] {'0', '9'};
                case 'D' -> complement(new int[] {'0', '9'});
                case 'w' -> new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};
                case 'W' -> complement(new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'});
                case 's' -> new int[] {'\t', '\n', '\f', '\r', ' ', ' '};
                case 'S' -> complement(new int[] {'\t', '\n', '\f', '\r', ' ', ' '});
                case 't' -> new int[] {'\t', '\t'};
                case 'n' -> new int[] {'\n', '\n'};
                case 'r' -> new int[] {'\r', '\r'};
                case 'f' -> new int[] {'\f', '\f'};
                default -> {
                    if ("\\.-+*?()[]{}|^$/".indexOf(e) >= 0) {
                        yield new int[] {e, e};
                    }
                    throw new Unsupported(); // \p, \b, \A, \z, \x, octal...: left to the other engines
                }
            };
        }
    }

    /** Sorted, merged union of range lists. */
    static int[] union(List<int[]> lists) {
        List<int[]> ranges = new ArrayList<>();
        for (int[] l : lists) {
            for (int k = 0; k < l.length; k += 2) {
                ranges.add(new int[] {l[k], l[k + 1]});
            }
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Integer> out = new ArrayList<>();
        for (int[] r : ranges) {
            int n = out.size();
            if (n > 0 && r[0] <= out.get(n - 1) + 1) {
                out.set(n - 1, Math.max(out.get(n - 1), r[1]));
            } else {
                out.add(r[0]);
                out.add(r[1]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] complement(int[] set) {
        List<Integer> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < set.length; k += 2) {
            if (set[k] > from) {
                out.add(from);
                out.add(set[k] - 1);
            }
            from = set[k + 1] + 1;
        }
        if (from <= 0xFFFF) {
            out.add(from);
            out.add(0xFFFF);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- NFA (Thompson) and subset construction ----------------------------------------------

    /** NFA states: a character step to one state, or an epsilon split to up to two states. */
    private static final class Nfa {
        final List<int[]> sets = new ArrayList<>();  // per state: its character set, or null for epsilon
        final List<int[]> eps = new ArrayList<>();   // per state: epsilon targets
        final List<Integer> out = new ArrayList<>(); // per char state: its successor

        int add(int[] set) {
            if (sets.size() >= MAX_NFA) {
                throw new Unsupported();
            }
            sets.add(set);
            eps.add(new int[0]);
            out.add(-1);
            return sets.size() - 1;
        }

        void epsilon(int from, int to) {
            int[] e = eps.get(from);
            int[] n = Arrays.copyOf(e, e.length + 1);
            n[e.length] = to;
            eps.set(from, n);
        }
    }

    /** A fragment: entry state and the exit state (an epsilon state to connect onwards). */
    private record Frag(int in, int outState) {
    }

    private static Frag fragment(Node n, Nfa nfa) {
        if (n instanceof Chars c) {
            int s = nfa.add(c.ranges());
            int o = nfa.add(null);
            nfa.out.set(s, o);
            return new Frag(s, o);
        }
        if (n instanceof Concat c) {
            int in = nfa.add(null);
            int cur = in;
            for (Node part : c.parts()) {
                Frag f = fragment(part, nfa);
                nfa.epsilon(cur, f.in());
                cur = f.outState();
            }
            return new Frag(in, cur);
        }
        if (n instanceof Alt a) {
            int in = nfa.add(null);
            int o = nfa.add(null);
            for (Node option : a.options()) {
                Frag f = fragment(option, nfa);
                nfa.epsilon(in, f.in());
                nfa.epsilon(f.outState(), o);
            }
            return new Frag(in, o);
        }
        Repeat r = (Repeat) n;
        int in = nfa.add(null);
        int cur = in;
        for (int k = 0; k < r.min(); k++) {
            Frag f = fragment(r.body(), nfa);
            nfa.epsilon(cur, f.in());
            cur = f.outState();
        }
        if (r.max() < 0) {
            Frag f = fragment(r.body(), nfa);
            int o = nfa.add(null);
            nfa.epsilon(cur, f.in());
            nfa.epsilon(cur, o);
            nfa.epsilon(f.outState(), f.in());
            nfa.epsilon(f.outState(), o);
            return new Frag(in, o);
        }
        int o = nfa.add(null);
        nfa.epsilon(cur, o);
        for (int k = r.min(); k < r.max(); k++) {
            Frag f = fragment(r.body(), nfa);
            nfa.epsilon(cur, f.in());
            cur = f.outState();
            nfa.epsilon(cur, o);
        }
        return new Frag(in, o);
    }

    private static Dfa build(Node tree, boolean anchoredStart, boolean anchoredEnd) {
        Nfa nfa = new Nfa();
        Frag f = fragment(tree, nfa);
        int match = f.outState();
        // the alphabet: intervals on which every character set of the pattern is constant
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        for (int[] set : nfa.sets) {
            if (set != null) {
                for (int k = 0; k < set.length; k += 2) {
                    cuts.add(set[k]);
                    if (set[k + 1] + 1 <= 0xFFFF) {
                        cuts.add(set[k + 1] + 1);
                    }
                }
            }
        }
        int[] starts = cuts.stream().mapToInt(Integer::intValue).toArray();
        int classes = starts.length;
        if (classes > 65_535) {
            throw new Unsupported();
        }
        char[][] pages = pages(starts);
        // which class each char-state accepts
        int states = nfa.sets.size();
        boolean[][] accepts = new boolean[states][];
        for (int s = 0; s < states; s++) {
            int[] set = nfa.sets.get(s);
            if (set != null) {
                boolean[] a = new boolean[classes];
                for (int k = 0; k < set.length; k += 2) {
                    int from = Arrays.binarySearch(starts, set[k]);
                    for (int c = from; c < classes && starts[c] <= set[k + 1]; c++) {
                        a[c] = true;
                    }
                }
                accepts[s] = a;
            }
        }
        int[] startSet = closure(new int[] {f.in()}, nfa);
        Map<Key, Integer> index = new HashMap<>();
        List<int[]> dstates = new ArrayList<>();
        dstates.add(new int[0]); // DEAD
        index.put(new Key(new int[0]), DEAD);
        int startState = intern(startSet, index, dstates);
        List<int[]> rows = new ArrayList<>();
        rows.add(new int[classes]); // DEAD -> DEAD
        ArrayDeque<Integer> work = new ArrayDeque<>();
        work.add(startState);
        boolean[] done = new boolean[MAX_STATES + 1];
        done[DEAD] = true;
        while (!work.isEmpty()) {
            int d = work.poll();
            if (done[d]) {
                continue;
            }
            done[d] = true;
            int[] members = dstates.get(d);
            int[] row = new int[classes];
            for (int c = 0; c < classes; c++) {
                int[] step = new int[members.length];
                int n = 0;
                for (int s : members) {
                    if (accepts[s] != null && accepts[s][c]) {
                        step[n++] = nfa.out.get(s);
                    }
                }
                int[] target = closure(Arrays.copyOf(step, n), nfa);
                if (!anchoredStart) {
                    target = merge(target, startSet); // find: a match may start anywhere
                }
                int t = intern(target, index, dstates);
                if (t > MAX_STATES) {
                    throw new Unsupported();
                }
                row[c] = t;
                if (!done[t]) {
                    work.add(t);
                }
            }
            while (rows.size() <= d) {
                rows.add(null);
            }
            rows.set(d, row);
        }
        int n = dstates.size();
        int[] next = new int[n * classes];
        boolean[] accept = new boolean[n];
        boolean[] early = new boolean[n];
        for (int d = 0; d < n; d++) {
            System.arraycopy(rows.get(d), 0, next, d * classes, classes);
            accept[d] = Arrays.binarySearch(dstates.get(d), match) >= 0;
            early[d] = accept[d] && !anchoredEnd;
        }
        return new Dfa(classes, pages, next, accept, early, startState, starts);
    }

    private static char[][] pages(int[] starts) {
        char[][] pages = new char[256][];
        Map<String, char[]> shared = new HashMap<>();
        int cls = 0;
        for (int page = 0; page < 256; page++) {
            char[] p = new char[256];
            for (int k = 0; k < 256; k++) {
                int ch = page << 8 | k;
                while (cls + 1 < starts.length && starts[cls + 1] <= ch) {
                    cls++;
                }
                p[k] = (char) cls;
            }
            pages[page] = shared.computeIfAbsent(new String(p), x -> p);
        }
        return pages;
    }

    private static int intern(int[] set, Map<Key, Integer> index, List<int[]> dstates) {
        Key k = new Key(set);
        Integer id = index.get(k);
        if (id == null) {
            id = dstates.size();
            dstates.add(set);
            index.put(k, id);
        }
        return id;
    }

    /** The sorted set of states reachable by epsilon moves, keeping only char states and the match state. */
    private static int[] closure(int[] from, Nfa nfa) {
        boolean[] seen = new boolean[nfa.sets.size()];
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        List<Integer> out = new ArrayList<>();
        for (int s : from) {
            if (!seen[s]) {
                seen[s] = true;
                stack.push(s);
            }
        }
        while (!stack.isEmpty()) {
            int s = stack.pop();
            int[] e = nfa.eps.get(s);
            if (nfa.sets.get(s) != null || e.length == 0) {
                out.add(s);
            }
            for (int t : e) {
                if (!seen[t]) {
                    seen[t] = true;
                    stack.push(t);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int[] merge(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
    }

    private record Key(int[] set) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(set, k.set);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(set);
        }
    }
}
