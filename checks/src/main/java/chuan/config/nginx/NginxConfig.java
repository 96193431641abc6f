package chuan.config.nginx;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.InstalledVersions;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * nginx's configuration as the daemon builds it: {@code include} (globs in lexical order, relative
 * paths from {@code /etc/nginx}) spliced in where it stands, blocks nested as written, and the
 * value of a directive in a {@code server} or {@code location} inherited from the nearest enclosing
 * block that sets it ({@code http} into every {@code server}), else the compiled-in default of the nginx
 * version installed in the root. What nginx refuses to start with (an unknown directive, one in the wrong
 * context, a repeated one nginx calls a duplicate, a missing include, no {@code events} block, ...) is a
 * malformed problem at the file and line nginx names ({@link NginxReader}, {@link NginxAcceptance}).
 */
public final class NginxConfig extends ReadConfig {

    public static final String MAIN = "/etc/nginx/nginx.conf";

    /** A block ({@code http}, {@code server}, {@code location /}) with its directives and children. */
    public static final class Block {
        private final String name;
        private final String args;
        private final Directive start;
        private final Block parent;
        private final NginxContext context;
        private final NginxConfig owner;
        private final List<Directive> directives = new ArrayList<>();
        private final List<Block> children = new ArrayList<>();

        Block(String name, String args, Directive start, Block parent, NginxContext context, NginxConfig owner) {
            this.name = name;
            this.args = args;
            this.start = start;
            this.parent = parent;
            this.context = context;
            this.owner = owner;
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

        Block parent() {
            return parent;
        }

        NginxContext context() {
            return context;
        }

        void add(Directive d) {
            directives.add(d);
        }

        void add(Block b) {
            children.add(b);
        }

        /** The module whose directives this block holds: http, stream, mail, or core/event outside them. */
        public String module() {
            for (Block b = this; b != null; b = b.parent) {
                if (b.context.isModuleMain() || b.context == NginxContext.EVENTS || b.context == NginxContext.MAIN) {
                    return b.context.module();
                }
            }
            return "core";
        }

        /**
         * The value in force here: this block's own directive, else the nearest enclosing block's, else
         * the default of the nginx version in the root; empty for a directive this block's module does not
         * have. A directive nginx ORs (ssl_protocols) enables what every occurrence in the block names;
         * repeats of other directives are kept in {@code ignored}.
         */
        public Optional<EffectiveSetting> effective(String directive) {
            return resolve(directive).map(Resolved::setting);
        }

        /** Why the value is what it is, when that needs saying: the version whose default applies, an ORed repeat. */
        public Optional<String> note(String directive) {
            return resolve(directive).map(Resolved::note);
        }

        Optional<Resolved> resolve(String directive) {
            String module = module();
            List<NginxDirectives.Spec> specs = NginxDirectives.table().find(directive, owner.version).stream()
                    .filter(s -> s.type().equals(module)).toList();
            for (Block b = this; b != null; b = b.context.isModuleMain() ? null : b.parent) { // http's value, not main's
                List<Directive> own = b.directives.stream().filter(d -> d.keyword().equals(directive)).toList();
                if (own.isEmpty()) {
                    continue;
                }
                if (!specs.isEmpty() && specs.get(0).repeat() == NginxDirectives.Repeat.OR && own.size() > 1) {
                    return Optional.of(ored(directive, own, specs.get(0)));
                }
                return Optional.of(new Resolved(new EffectiveSetting(directive, own.get(0).value(), own.get(0),
                        own.subList(1, own.size())), null));
            }
            if (specs.isEmpty()) {
                return Optional.empty();
            }
            return NginxDefaults.of(directive, owner.version)
                    .map(v -> new Resolved(new EffectiveSetting(directive, v.value(), null, List.of()), v.note()));
        }

        /** ngx_conf_set_bitmask_slot: every occurrence's values enabled, in nginx's own order and spelling. */
        private static Resolved ored(String directive, List<Directive> own, NginxDirectives.Spec spec) {
            Set<String> named = new LinkedHashSet<>();
            for (Directive d : own) {
                for (String w : d.value().split("\\s+")) {
                    named.add(w.toLowerCase(java.util.Locale.ROOT));
                }
            }
            List<String> enabled = spec.values().stream().filter(v -> named.contains(v.toLowerCase(java.util.Locale.ROOT))).toList();
            StringBuilder where = new StringBuilder();
            for (Directive d : own) {
                where.append(where.length() == 0 ? "" : ", ").append(d.origin());
            }
            return new Resolved(new EffectiveSetting(directive, String.join(" ", enabled), own.get(0), List.of()),
                    directive + " is written " + own.size() + " times in this block (" + where
                            + "): nginx enables every protocol they name");
        }

        /** {@code server} or {@code stream server} with its names and addresses, for a reader. */
        String label() {
            String prefix = module().equals("http") || !name.equals("server") ? "" : module() + " ";
            return prefix + name + (args.isEmpty() ? "" : " " + args) + " (" + start.origin() + ")";
        }
    }

    /** A setting and why it is what it is when that needs saying (a version's default, an ORed repeat). */
    record Resolved(EffectiveSetting setting, String note) {
    }

    final InstalledVersions.Installed version;
    private final Block main;
    private final Set<String> named = new LinkedHashSet<>();

    private NginxConfig(InstalledVersions.Installed version) {
        super(MAIN);
        this.version = version;
        this.main = new Block("main", "", null, null, NginxContext.MAIN, this);
    }

    /** Reads the root's configuration with the defaults of the nginx version its package database names. */
    public static NginxConfig read(SystemRoot root) {
        return read(root, InstalledVersions.read(root, Map.of()));
    }

    public static NginxConfig read(SystemRoot root, InstalledVersions versions) {
        NginxConfig c = new NginxConfig(versions.get("nginx").orElse(null));
        new NginxReader(root, c).run();
        NginxAcceptance.check(root, c);
        return c;
    }

    public Block main() {
        return main;
    }

    /** The nginx version whose defaults apply, and where it was learnt; empty when unknown. */
    public Optional<InstalledVersions.Installed> version() {
        return Optional.ofNullable(version);
    }

    /** The files read in nginx's own naming and order, each once: the list "nginx -T" prints. */
    public List<String> filesNamed() {
        return List.copyOf(named);
    }

    void read(String name) {
        named.add(name);
    }

    List<ConfigProblem> problemList() {
        return problems;
    }

    List<String> filesList() {
        return filesRead;
    }

    /** Every {@code server} block of http, stream and mail, in reading order. */
    public List<Block> servers() {
        return collect(main, b -> b.name.equals("server") && b.parent != null && b.parent.context.isModuleMain());
    }

    /** The blocks below {@code from} that {@code test} accepts, in reading order, without recursion (nesting can be deep). */
    static List<Block> collect(Block from, java.util.function.Predicate<Block> test) {
        List<Block> out = new ArrayList<>();
        Deque<Block> todo = new ArrayDeque<>();
        for (int i = from.children.size() - 1; i >= 0; i--) {
            todo.push(from.children.get(i));
        }
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            if (test.test(b)) {
                out.add(b);
            }
            for (int i = b.children.size() - 1; i >= 0; i--) {
                todo.push(b.children.get(i));
            }
        }
        return out;
    }

    /**
     * The value in every {@code server} and {@code location} (own or inherited), one entry per line
     * that set it; with no server, the http, stream and mail blocks, else the main context.
     */
    @Override
    public List<Scoped> lookup(String directive) {
        List<Block> scopes = new ArrayList<>(collect(main, b -> b.name.equals("server") && b.parent != null
                && b.parent.context.isModuleMain() || b.context == NginxContext.HTTP_LOCATION));
        if (scopes.isEmpty()) {
            scopes = collect(main, b -> b.context.isModuleMain());
        }
        Map<String, Scoped> byOrigin = new LinkedHashMap<>();
        for (Block b : scopes) {
            b.resolve(directive).ifPresent(r -> byOrigin.putIfAbsent(r.setting().origin(), new Scoped(b.label(), r.setting(), r.note())));
        }
        if (byOrigin.isEmpty()) {
            Optional<Resolved> r = main.resolve(directive);
            return List.of(r.map(x -> new Scoped(null, x.setting(), x.note()))
                    .orElse(new Scoped(null, new EffectiveSetting(directive, null, null, List.of()))));
        }
        return List.copyOf(byOrigin.values());
    }
}
