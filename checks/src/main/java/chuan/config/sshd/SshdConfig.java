package chuan.config.sshd;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration sshd really runs with, read from a system root the way OpenSSH's servconf.c reads
 * it (OpenSSH 9.2 unless another version is given, with the GSSAPI and Debian keywords the
 * distributions add). {@code Include} expands its globs in lexical order where it stands (relative
 * paths from {@code /etc/ssh}); the first value of a keyword wins (aliases such as
 * ChallengeResponseAuthentication count as their keyword), except where sshd keeps the last or
 * collects them; a {@code Match} block applies to the connections it matches, its values replacing the
 * global ones, and {@code Match all} applies to every connection, so to the global value too; an
 * {@code Include} inside a Match block stays in that block until the included file starts a Match of
 * its own. Every key {@code sshd -T} prints has a value, the compiled-in default when unset, and
 * algorithm lists written as {@code +}, {@code -} or {@code ^} changes are expanded into the list sshd
 * offers. Anything sshd would refuse to start with (an unknown keyword, a value of the wrong kind,
 * extra arguments, a bad Match, an open quote, an include loop) is a malformed problem at its
 * file and line, reported as "sshd would not start".
 */
public final class SshdConfig extends ReadConfig {

    public static final String MAIN = "/etc/ssh/sshd_config";
    private static final int MAX_DEPTH = 16; // servconf.c's SERVCONF_MAX_DEPTH
    private static final int NEVERMATCH = 4;
    private static final int MATCH_ONLY = 8;
    private static final String REFUSED = "sshd would not start: ";
    /** Lines one pass reads at most: includes read again and again (a glob in every file) cannot make a pass endless. */
    private static final long LINE_BUDGET = 1_000_000;

    /**
     * A {@code Match} block: its criteria (a block inside a file included from another Match block
     * names both: {@code User bob, then Host x}), where it starts, and the directives inside it.
     */
    public record MatchBlock(String criteria, Directive start, List<Directive> directives) {
    }

    private record Text(String path, List<String> lines) {
    }

    private static final class Block {
        final String criteria;
        final Directive start;
        final List<Directive> directives = new ArrayList<>();
        final SshdOptions own = new SshdOptions();
        List<SshdDump.Entry> dumped; // its own values as sshd -T would print them, worked out once

        Block(String criteria, Directive start) {
            this.criteria = criteria;
            this.start = start;
        }
    }

    private final SystemRoot root;
    private final SshdDefaults release;
    private final SshdAccounts accounts;
    private final Map<String, List<Text>> includes = new HashMap<>();
    private final SshdOptions global = new SshdOptions();
    private final List<Block> blocks = new ArrayList<>();
    private final SshdDump dump;
    private Text main;
    private List<SshdDump.Entry> globalEntries = List.of();

    private SshdConfig(SystemRoot root, SshdDefaults release) {
        super(MAIN);
        this.root = root;
        this.release = release;
        this.accounts = SshdAccounts.read(root);
        this.dump = new SshdDump(release);
    }

    /** Reads {@code /etc/ssh/sshd_config} and what it includes, inside the root, as OpenSSH {@value SshdDefaults#ASSUMED}. */
    public static SshdConfig read(SystemRoot root) {
        return read(root, SshdDefaults.forVersion(null));
    }

    /** Reads the configuration as the given release of sshd reads it. */
    public static SshdConfig read(SystemRoot root, SshdDefaults release) {
        SshdConfig c = new SshdConfig(root, release);
        IncludedFiles files = new IncludedFiles(root, "Include", c.problems, c.filesRead);
        Optional<IncludedFiles.Opened> opened = files.open(MAIN, null);
        if (opened.isEmpty()) {
            if (c.problems.removeIf(p -> p.file().equals(MAIN) && p.line() == 0 && !p.malformed())) {
                c.problems.add(ConfigProblem.malformed(MAIN, 0, REFUSED + MAIN + " not found"));
            }
            c.globalEntries = c.dump.entries(c.global, new SshdOptions(), (d, m) -> { });
            return c;
        }
        c.main = c.text(opened.get());
        files.close(opened.get());
        new Pass(c, null, c.global, files).parse(c.main, 0, new boolean[] {true}, 0, null, new ArrayDeque<>());
        c.globalEntries = c.dump.entries(c.global, c.reprocess(SshdConnection.NONE), (d, m) -> c.problems.add(
                ConfigProblem.malformed(d == null ? MAIN : d.file(), d == null ? 0 : d.line(), REFUSED + m)));
        return c;
    }

    /** The release whose rules and defaults were applied, and why that one. */
    public SshdDefaults release() {
        return release;
    }

    /**
     * Every key {@code sshd -T} prints, in its order, for a connection that matches no Match block
     * (only {@code Match all} applies): one setting per printed line (Port, HostKey, AllowUsers ...
     * repeat their key), each with the directive that set it, or the compiled-in default.
     */
    public List<EffectiveSetting> all() {
        return settings(globalEntries);
    }

    /** The same for one connection, as {@code sshd -T -C user=..,host=..,addr=..} prints it. */
    public List<EffectiveSetting> forConnection(SshdConnection connection) {
        if (main == null) {
            return all();
        }
        return settings(dump.entries(global, reprocess(connection), (d, m) -> { }));
    }

    private static List<EffectiveSetting> settings(List<SshdDump.Entry> entries) {
        List<EffectiveSetting> out = new ArrayList<>();
        for (SshdDump.Entry e : entries) {
            for (String line : e.lines()) {
                out.add(new EffectiveSetting(e.key(), line, e.from(), e.ignored()));
            }
        }
        return out;
    }

    /**
     * The value sshd uses outside any Match block (with {@code Match all} applied), with its origin;
     * the compiled-in default when unset. Aliases name their keyword ({@code ChallengeResponseAuthentication}
     * is KbdInteractiveAuthentication); a key with several values has them joined by a space. Empty
     * for a word that is no sshd keyword, or a key sshd leaves unset (AllowUsers).
     */
    public Optional<EffectiveSetting> effective(String keyword) {
        return entry(globalEntries, keyword).map(e -> new EffectiveSetting(e.key(), String.join(" ", e.lines()), e.from(), e.ignored()));
    }

    private Optional<SshdDump.Entry> entry(List<SshdDump.Entry> entries, String keyword) {
        String key = printedKey(keyword);
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** The key as sshd -T prints it: an alias's keyword, lower case. */
    private String printedKey(String keyword) {
        return SshdKeywords.find(keyword, release).filter(k -> k.option() != null).map(k -> k.option().printed())
                .orElse(keyword.toLowerCase(Locale.ROOT));
    }

    public List<MatchBlock> matchBlocks() {
        return blocks.stream().map(b -> new MatchBlock(b.criteria, b.start, List.copyOf(b.directives))).toList();
    }

    /**
     * The global value, then each Match block's own value (not {@code Match all}, already in the global
     * value): sshd applies it to the connections the block matches.
     */
    @Override
    public List<Scoped> lookup(String keyword) {
        Optional<EffectiveSetting> g = effective(keyword);
        List<Scoped> out = new ArrayList<>();
        for (Scoped s : EffectiveConfig.global(printedKey(keyword), g)) {
            // a compiled-in default is the release's: say which release was assumed and why
            out.add(s.setting().isDefault() && s.setting().value() != null
                    ? new Scoped(s.scope(), s.setting(), "the default of " + release.assumption()) : s);
        }
        Optional<SshdKeywords.Keyword> kw = SshdKeywords.find(keyword, release).filter(k -> k.option() != null);
        if (kw.isEmpty()) {
            return out;
        }
        SshdOption option = kw.get().option();
        for (Block b : blocks) {
            if (b.criteria.equalsIgnoreCase("all") || !b.own.isSet(option)) {
                continue;
            }
            if (b.dumped == null) {
                b.dumped = dump.entries(new SshdOptions(), b.own, (d, m) -> { });
            }
            Optional<SshdDump.Entry> own = entry(b.dumped, keyword);
            SshdOptions.Slot slot = b.own.get(option);
            own.ifPresent(e -> out.add(new Scoped("Match " + b.criteria + " (" + b.start.origin() + ")",
                    new EffectiveSetting(e.key(), String.join(" ", e.lines()), slot.from, slot.ignored))));
        }
        return out;
    }

    /** servconf.c's parse_server_match_config: the Match blocks a connection satisfies, over nothing. */
    private SshdOptions reprocess(SshdConnection connection) {
        SshdOptions mo = new SshdOptions();
        if (main != null) {
            new Pass(this, connection, mo, null).parse(main, MATCH_ONLY, new boolean[] {false}, 0, null, new ArrayDeque<>());
        }
        return mo;
    }

    /**
     * The file's lines as load_server_config keeps them: blanks at the start of each line dropped, and a
     * line cut at a NUL byte (strlen), which also loses its newline, so the next line joins it and the
     * line numbers after it are sshd's own.
     */
    private Text text(IncludedFiles.Opened opened) {
        String text = opened.text();
        StringBuilder kept = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl + 1;
            int start = i;
            while (start < end && " \t\r".indexOf(text.charAt(start)) >= 0) {
                start++;
            }
            String raw = text.substring(start, end);
            int nul = raw.indexOf('\0');
            kept.append(nul < 0 ? raw : raw.substring(0, nul));
            i = end;
        }
        return new Text(opened.where(), List.of(kept.toString().split("\n", -1)));
    }

    /** One pass over the files, as servconf.c's parse_server_config_depth with a connection or without. */
    private static final class Pass {
        private final SshdConfig c;
        private final SshdConnection ci; // null: the first pass at start
        private final SshdOptions target;
        private final IncludedFiles files; // first pass only: later passes use what it read
        private final SshdDirectives directives;
        private final SshdDirectives quiet; // a Match block's own values, its errors already reported
        private String file;
        private int line;
        private boolean stopped; // the line budget is spent: nothing more is read
        private boolean noMoreIncludes; // sshd exits on an include loop or depth: later includes are not followed
        private long linesRead;

        Pass(SshdConfig c, SshdConnection ci, SshdOptions target, IncludedFiles files) {
            this.c = c;
            this.ci = ci;
            this.target = target;
            this.files = files;
            this.directives = new SshdDirectives(c.release, c.accounts, this::error);
            this.quiet = new SshdDirectives(c.release, c.accounts, m -> { });
        }

        private boolean first() {
            return ci == null;
        }

        private void error(String message) {
            if (first()) {
                c.problems.add(ConfigProblem.malformed(file, line, REFUSED + message));
            }
        }

        void parse(Text t, int fileFlags, boolean[] active, int depth, Block context, Deque<String> open) {
            int[] flags = {fileFlags};
            Block current = context;
            open.push(t.path());
            for (int i = 0; i < t.lines().size() && !stopped; i++) {
                file = t.path();
                line = i + 1;
                if (++linesRead > LINE_BUDGET) {
                    // not sshd's limit but chuan's: the configuration could not be read to its end, so it is not audited
                    if (first()) {
                        c.problems.add(ConfigProblem.malformed(file, line, "not read to the end: the includes make "
                                + LINE_BUDGET + " lines (each file is read again for every Include that names it)"));
                    }
                    stopped = true;
                    break;
                }
                SshdTokens.Line l = SshdTokens.split(t.lines().get(i));
                if (l == null) {
                    continue;
                }
                String value = l.args().isEmpty() ? (l.rest() == null ? "" : l.rest()) : String.join(" ", l.args());
                Directive d = new Directive(l.keyword(), value, t.path(), line);
                if (l.rest() == null) {
                    error("no argument after keyword \"" + l.keyword() + "\"");
                    continue;
                }
                Optional<SshdKeywords.Keyword> found = SshdKeywords.find(l.keyword(), c.release);
                if (found.isEmpty()) {
                    error(badOption(l.keyword()));
                    continue;
                }
                SshdKeywords.Keyword kw = found.get();
                if (l.badQuotes()) {
                    error("invalid quotes");
                    continue;
                }
                if (!active[0] && !kw.inMatch()) {
                    if (first()) {
                        error("Directive '" + l.keyword() + "' is not allowed within a Match block");
                    }
                    continue;
                }
                switch (kw.kind()) {
                    case MATCH -> {
                        SshdMatch.Result r = SshdMatch.evaluate(l.rest(), (flags[0] & NEVERMATCH) != 0 ? null : ci, c.accounts,
                                this::error);
                        if (r.refused()) {
                            error("Bad Match condition");
                        }
                        active[0] = (flags[0] & NEVERMATCH) == 0 && r.matches();
                        flags[0] &= ~MATCH_ONLY;
                        if (r.leftOver()) {
                            error("keyword Match extra arguments at end of line");
                        }
                        if (first()) {
                            String criteria = String.join(" ", l.args()); // as written, less a trailing comment
                            current = new Block(context == null ? criteria : context.criteria + ", then " + criteria, d);
                            c.blocks.add(current);
                        }
                    }
                    case INCLUDE -> include(l, d, flags[0], active, depth, current, open);
                    default -> {
                        directives.apply(kw, l, d, target, active[0]);
                        if (first() && current != null) {
                            current.directives.add(d);
                            quiet.apply(kw, l, d, current.own, true);
                        }
                    }
                }
            }
            open.pop();
        }

        private String badOption(String keyword) {
            if (keyword.startsWith("\uFEFF") || keyword.startsWith("\u00EF\u00BB\u00BF")) {
                return "Bad configuration option: the line starts with a UTF-8 byte order mark before \""
                        + keyword.substring(keyword.charAt(0) == '\uFEFF' ? 1 : 3) + "\"";
            }
            Optional<String> since = SshdKeywords.since(keyword);
            return "Bad configuration option: " + keyword + since.map(v -> " (a keyword of OpenSSH " + v + " and later; "
                    + c.release.assumption() + ")").orElse("");
        }

        /** servconf.c's sInclude: each argument a glob, read at this point; the Match state restored after each file. */
        private void include(SshdTokens.Line l, Directive d, int flags, boolean[] active, int depth, Block current,
                Deque<String> open) {
            if (noMoreIncludes) {
                return; // sshd has stopped by now; what follows is still read for its values, not its includes
            }
            for (String arg : l.args()) {
                if (arg.isEmpty()) {
                    error("keyword Include empty argument");
                    return;
                }
                String pattern = arg.startsWith("/") || arg.startsWith("~") ? arg : "/etc/ssh/" + arg;
                boolean oactive = active[0];
                int childFlags = (flags & MATCH_ONLY) != 0 ? MATCH_ONLY : (oactive ? 0 : NEVERMATCH);
                List<Text> cached = c.includes.get(pattern);
                if (cached != null || !first()) {
                    for (Text t : cached == null ? List.<Text>of() : cached) {
                        if (depth + 1 > MAX_DEPTH || open.contains(t.path())) {
                            noMoreIncludes = true; // where the first pass stopped following includes (and reported it)
                            return;
                        }
                        parse(t, childFlags, active, depth + 1, current, open);
                        active[0] = oactive;
                        file = d.file();
                        line = d.line();
                    }
                    continue;
                }
                List<Text> read = new ArrayList<>();
                for (String path : expand(pattern, d)) {
                    String resolved = c.root.resolve(path, "/").map(c.root::systemPath).orElse(path);
                    if (open.contains(resolved)) {
                        file = d.file();
                        line = d.line();
                        error("Include " + arg + " reads " + path + " again while reading it: sshd follows the loop until "
                                + "includes are " + MAX_DEPTH + " deep and stops (Too many recursive configuration includes)");
                        noMoreIncludes = true;
                        return;
                    }
                    if (depth + 1 > MAX_DEPTH) {
                        file = d.file();
                        line = d.line();
                        error("Too many recursive configuration includes (more than " + MAX_DEPTH + " deep)");
                        noMoreIncludes = true;
                        return;
                    }
                    Optional<IncludedFiles.Opened> opened = files.open(path, d);
                    if (opened.isEmpty()) {
                        continue;
                    }
                    Text t = c.text(opened.get());
                    files.close(opened.get());
                    parse(t, childFlags, active, depth + 1, current, open);
                    active[0] = oactive;
                    file = d.file();
                    line = d.line();
                    read.add(t);
                }
                c.includes.put(pattern, read);
            }
        }

        /** The files a pattern names, in lexical order; a missing directory or file is noted, not refused (sshd says nothing). */
        private List<String> expand(String pattern, Directive at) {
            int slash = pattern.lastIndexOf('/');
            String dir = slash <= 0 ? "/" : pattern.substring(0, slash);
            String name = pattern.substring(slash + 1);
            if (!SystemRoot.isGlob(name)) {
                if (SystemRoot.isGlob(dir)) {
                    c.problems.add(new ConfigProblem(at.file(), at.line(), "Include " + pattern
                            + ": wildcards in directory names are not followed"));
                    return List.of();
                }
                Optional<Path> disk = c.root.resolve(pattern, "/");
                return disk.isPresent() && java.nio.file.Files.isDirectory(disk.get()) ? List.of() : List.of(pattern);
            }
            if (SystemRoot.isGlob(dir)) {
                c.problems.add(new ConfigProblem(at.file(), at.line(), "Include " + pattern
                        + ": wildcards in directory names are not followed"));
                return List.of();
            }
            try {
                Optional<List<String>> m = c.root.glob(dir, name);
                if (m.isEmpty()) {
                    c.problems.add(new ConfigProblem(at.file(), at.line(), "Include " + pattern + ": no such directory " + dir));
                    return List.of();
                }
                return m.get();
            } catch (IOException e) {
                c.problems.add(ConfigProblem.unreadable(at.file(), at.line(), "Include " + pattern + ": "
                        + (e instanceof SystemRoot.InvalidGlob ? "" : "cannot list " + dir + ": ") + IncludedFiles.reason(e)));
                return List.of();
            }
        }
    }
}
