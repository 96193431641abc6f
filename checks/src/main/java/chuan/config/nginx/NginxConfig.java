package chuan.config.nginx;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nginx's configuration as the daemon builds it: {@code include} (globs in lexical order, relative
 * paths from {@code /etc/nginx}) spliced in where it stands, blocks nested as written, and the
 * value of a directive in a {@code server} or {@code location} inherited from the nearest enclosing
 * block that sets it ({@code http} into every {@code server}), else nginx's compiled-in default.
 */
public final class NginxConfig extends ReadConfig {

    public static final String MAIN = "/etc/nginx/nginx.conf";
    private static final String PREFIX = "/etc/nginx";
    private static final int MAX_DEPTH = 32;

    /** Defaults of nginx 1.24-1.27 (Debian 12/13, Ubuntu 24.04) for the directives a TLS baseline reads. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "ssl_protocols", "TLSv1.2 TLSv1.3",
            "ssl_prefer_server_ciphers", "off",
            "ssl_session_tickets", "on",
            "server_tokens", "on",
            "autoindex", "off",
            "client_max_body_size", "1m");

    /** A block ({@code http}, {@code server}, {@code location /}) with its directives and children. */
    public static final class Block {
        private final String name;
        private final String args;
        private final Directive start;
        private final Block parent;
        private final List<Directive> directives = new ArrayList<>();
        private final List<Block> children = new ArrayList<>();

        Block(String name, String args, Directive start, Block parent) {
            this.name = name;
            this.args = args;
            this.start = start;
            this.parent = parent;
        }

        public String name() {
            return name;
        }

        public String args() {
            return args;
        }

        /** Where the block opens; null for the main context. */
        public Directive start() {
            return start;
        }

        public List<Block> children() {
            return List.copyOf(children);
        }

        public List<Directive> directives() {
            return List.copyOf(directives);
        }

        /**
         * The value in force here: this block's own directive, else the nearest enclosing block's,
         * else the default. Directives repeated in one block are kept in {@code ignored}
         * (nginx refuses most duplicates; for the rest the first is used).
         */
        public Optional<EffectiveSetting> effective(String directive) {
            for (Block b = this; b != null; b = b.parent) {
                List<Directive> own = b.directives.stream().filter(d -> d.keyword().equals(directive)).toList();
                if (!own.isEmpty()) {
                    return Optional.of(new EffectiveSetting(directive, own.get(0).value(), own.get(0),
                            own.subList(1, own.size())));
                }
            }
            String def = DEFAULTS.get(directive);
            return def == null ? Optional.empty() : Optional.of(new EffectiveSetting(directive, def, null, List.of()));
        }
    }

    private final Block main = new Block("main", "", null, null);

    private NginxConfig() {
        super(MAIN);
    }

    public static NginxConfig read(SystemRoot root) {
        NginxConfig c = new NginxConfig();
        new Reader(root, c).file(MAIN, c.main, 0, new IncludedFiles(root, "include", c.problems, c.filesRead), null);
        return c;
    }

    public Block main() {
        return main;
    }

    /** Every {@code server} block, in reading order. */
    public List<Block> servers() {
        List<Block> out = new ArrayList<>();
        collect(main, "server", out);
        return out;
    }

    private static void collect(Block b, String name, List<Block> out) {
        for (Block c : b.children) {
            if (c.name.equals(name)) {
                out.add(c);
            }
            collect(c, name, out);
        }
    }



    private record Reader(SystemRoot root, NginxConfig into) {

        /** Reads one file into {@code block}; every block it opens must close in the same file, as nginx requires. */
        void file(String systemPath, Block block, int depth, IncludedFiles files, Directive includedBy) {
            Optional<IncludedFiles.Opened> opened = files.open(systemPath, includedBy);
            if (opened.isEmpty()) {
                return;
            }
            String where = opened.get().where();
            String text = opened.get().text();
            Block current = block;
            List<String> words = new ArrayList<>();
            int wordsLine = 0;
            for (NginxTokens.Token t : NginxTokens.split(text)) {
                switch (t.kind()) {
                    case WORD -> {
                        if (words.isEmpty()) {
                            wordsLine = t.line();
                        }
                        words.add(t.text());
                    }
                    case SEMICOLON -> {
                        if (words.isEmpty()) {
                            continue;
                        }
                        Directive d = new Directive(words.get(0), String.join(" ", words.subList(1, words.size())), where, wordsLine);
                        if (d.keyword().equals("include")) {
                            include(words.subList(1, words.size()), d, current, depth, files);
                        } else {
                            current.directives.add(d);
                        }
                        words.clear();
                    }
                    case OPEN -> {
                        String name = words.isEmpty() ? "" : words.get(0);
                        String args = words.size() > 1 ? String.join(" ", words.subList(1, words.size())) : "";
                        Block b = new Block(name, args, new Directive(name, args, where, words.isEmpty() ? t.line() : wordsLine), current);
                        current.children.add(b);
                        current = b;
                        words.clear();
                    }
                    case CLOSE -> {
                        if (!words.isEmpty()) {
                            into.problems.add(ConfigProblem.malformed(where, wordsLine, "directive \"" + words.get(0)
                                    + "\" has no \";\"; ignored"));
                        }
                        if (current == block) {
                            into.problems.add(ConfigProblem.malformed(where, t.line(), "unexpected \"}\""));
                        } else {
                            current = current.parent;
                        }
                        words.clear();
                    }
                }
            }
            if (!words.isEmpty()) {
                into.problems.add(ConfigProblem.malformed(where, wordsLine, "directive \"" + words.get(0) + "\" has no \";\""));
            }
            if (current != block) {
                into.problems.add(ConfigProblem.malformed(where, current.start.line(), "block \"" + current.name
                        + "\" is not closed before the end of the file"));
            }
            files.close(opened.get());
        }

        private void include(List<String> args, Directive at, Block block, int depth, IncludedFiles files) {
            if (depth + 1 > MAX_DEPTH) {
                into.problems.add(new ConfigProblem(at.file(), at.line(), "include nested deeper than " + MAX_DEPTH));
                return;
            }
            for (String pattern : args) {
                String path = pattern.startsWith("/") ? pattern : PREFIX + "/" + pattern;
                int slash = path.lastIndexOf('/');
                String dir = slash == 0 ? "/" : path.substring(0, slash);
                String name = path.substring(slash + 1);
                if (!SystemRoot.isGlob(name)) {
                    file(path, block, depth + 1, files, at);
                    continue;
                }
                try {
                    for (String child : root.glob(dir, name).orElse(List.of())) { // a glob may match nothing
                        file(child, block, depth + 1, files, at);
                    }
                } catch (IOException e) {
                    into.problems.add(ConfigProblem.unreadable(at.file(), at.line(), "include " + pattern + ": "
                            + (e instanceof SystemRoot.InvalidGlob ? "" : "cannot list " + dir + ": ") + IncludedFiles.reason(e)));
                }
            }
        }
    }

    /**
     * The value in every {@code server} and {@code location} (own or inherited), one entry per line
     * that set it; with no server, the main and {@code http} contexts.
     */
    @Override
    public List<Scoped> lookup(String directive) {
        List<Block> scopes = new ArrayList<>();
        collect(main, "server", scopes);
        List<Block> locations = new ArrayList<>();
        for (Block s : scopes) {
            collect(s, "location", locations);
        }
        scopes.addAll(locations);
        if (scopes.isEmpty()) {
            scopes.add(main);
            collect(main, "http", scopes);
        }
        java.util.Map<String, Scoped> byOrigin = new java.util.LinkedHashMap<>();
        for (Block b : scopes) {
            EffectiveSetting s = b.effective(directive).orElse(new EffectiveSetting(directive, null, null, List.of()));
            String label = b.start == null ? null : b.name + (b.args.isEmpty() ? "" : " " + b.args) + " (" + b.start.origin() + ")";
            byOrigin.putIfAbsent(s.origin(), new Scoped(label, s));
        }
        return List.copyOf(byOrigin.values());
    }

}
