package chuan.config.apache;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.ReadConfig;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apache httpd's configuration as the server builds it: {@code Include}/{@code IncludeOptional}
 * spliced in place (relative to {@code ServerRoot}, wildcards in lexical order, a directory meaning
 * every file in it), {@code <IfModule>} decided by the modules loaded so far ({@code LoadModule}
 * lines and the modules Debian and Red Hat compile in), {@code <IfDefine>} by {@code Define},
 * and the server, {@code <VirtualHost>} and {@code <Directory>}-like scopes kept apart. Within a
 * scope the last occurrence of a directive wins; a virtual host without its own value inherits the
 * server's. Directive names are case-insensitive.
 */
public final class ApacheConfig extends ReadConfig {

    /** Where the main file is, with the ServerRoot each distribution compiles in. */
    public static final List<String[]> LAYOUTS = List.of(
            new String[] {"/etc/apache2/apache2.conf", "/etc/apache2"},
            new String[] {"/etc/httpd/conf/httpd.conf", "/etc/httpd"});

    private static final int MAX_DEPTH = 32;

    /** Modules compiled into Debian's and Red Hat's httpd, present without LoadModule. */
    private static final Set<String> BUILT_IN = Set.of("core", "so", "http_core", "watchdog", "log_config", "logio",
            "version", "unixd", "mpm_common");

    /** httpd's defaults for directives the baselines look at (httpd 2.4 manual). */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("servertokens", "Full"),
            Map.entry("serversignature", "Off"),
            Map.entry("traceenable", "On"),
            Map.entry("fileetag", "MTime Size"),
            Map.entry("options", "FollowSymlinks"),
            Map.entry("timeout", "60"),
            Map.entry("keepalive", "On"),
            Map.entry("hostnamelookups", "Off"),
            Map.entry("limitrequestbody", "1073741824"));

    /** mod_ssl's defaults, in force only when mod_ssl is loaded. */
    private static final Map<String, String> SSL_DEFAULTS = Map.of(
            "sslprotocol", "all -SSLv3",
            "sslhonorcipherorder", "off",
            "sslcompression", "off",
            "sslinsecurerenegotiation", "off",
            "sslsessiontickets", "on");

    /** Sections that scope what is inside them; conditionals ({@code IfModule}, ...) are not scopes. */
    private static final Set<String> SCOPES = Set.of("virtualhost", "directory", "directorymatch", "location", "locationmatch",
            "files", "filesmatch", "proxy", "proxymatch", "limit", "limitexcept", "if", "elseif", "else");

    /** A scope: the server itself, a virtual host, or a directory-like section. */
    public static final class Scope {
        private final String name;
        private final String args;
        private final Directive start;
        private final Scope parent;
        private final List<Directive> directives = new ArrayList<>();
        private final List<Scope> children = new ArrayList<>();

        Scope(String name, String args, Directive start, Scope parent) {
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

        public List<Scope> children() {
            return List.copyOf(children);
        }

        /** The last occurrence here wins; the earlier ones are listed as overridden. */
        Optional<EffectiveSetting> own(String key) {
            List<Directive> all = directives.stream().filter(d -> d.keyword().equalsIgnoreCase(key)).toList();
            if (all.isEmpty()) {
                return Optional.empty();
            }
            Directive last = all.get(all.size() - 1);
            return Optional.of(new EffectiveSetting(key, last.value(), last, all.subList(0, all.size() - 1)));
        }

        String label() {
            return "<" + name + (args.isEmpty() ? "" : " " + args) + "> (" + start.origin() + ")";
        }
    }

    private final Scope server = new Scope("server", "", null, null);
    private final Set<String> modules = new HashSet<>(BUILT_IN);
    private final Set<String> defines = new HashSet<>();
    private String serverRoot;

    private ApacheConfig(String mainFile, String serverRoot) {
        super(mainFile);
        this.serverRoot = serverRoot;
    }

    /** The main file of the first layout present in the root, if any. */
    public static Optional<String[]> layout(SystemRoot root) {
        for (String[] l : LAYOUTS) {
            Optional<Path> p = root.resolve(l[0], "/");
            if (p.isPresent() && SystemRoot.isFile(p.get())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Reads the configuration of the first layout found (Debian's when none is). */
    public static ApacheConfig read(SystemRoot root) {
        String[] l = layout(root).orElse(LAYOUTS.get(0));
        ApacheConfig c = new ApacheConfig(l[0], l[1]);
        IncludedFiles files = new IncludedFiles(root, "Include", c.problems, c.filesRead);
        new Reader(root, c, files).file(l[0], c.server, 0, null);
        return c;
    }

    public Scope server() {
        return server;
    }

    /** Whether a module is loaded, by its identifier ({@code ssl_module}) or source file ({@code mod_ssl.c}). */
    public boolean loaded(String module) {
        return modules.contains(moduleName(module));
    }

    /**
     * The server's value, then each virtual host's (own or inherited) and each directory-like
     * section's own, one entry per line that set it; unset everywhere, httpd's default.
     */
    @Override
    public List<Scoped> lookup(String key) {
        Map<String, Scoped> byOrigin = new LinkedHashMap<>();
        Optional<EffectiveSetting> global = server.own(key);
        EffectiveSetting serverValue = global.orElseGet(() -> new EffectiveSetting(key, defaultOf(key), null, List.of()));
        List<Scope> hosts = new ArrayList<>();
        List<Scope> sections = new ArrayList<>();
        collect(server, hosts, sections);
        boolean inherited = hosts.isEmpty();
        for (Scope h : hosts) {
            Optional<EffectiveSetting> own = h.own(key);
            if (own.isPresent()) {
                byOrigin.putIfAbsent(own.get().origin(), new Scoped(h.label(), own.get()));
            } else {
                inherited = true;
            }
        }
        Map<String, Scoped> out = new LinkedHashMap<>();
        if (inherited || global.isPresent()) {
            out.put(serverValue.origin(), new Scoped(null, serverValue));
        }
        out.putAll(byOrigin);
        for (Scope s : sections) {
            Optional<EffectiveSetting> v = s.own(key);
            if (v.isPresent()) {
                // a section inside a virtual host is named with it
                String label = s.parent != null && s.parent != server ? s.parent.label() + " " + s.label() : s.label();
                out.putIfAbsent(v.get().origin(), new Scoped(label, v.get()));
            }
        }
        return List.copyOf(out.values());
    }

    private static void collect(Scope s, List<Scope> hosts, List<Scope> sections) {
        for (Scope c : s.children) {
            (c.name.equalsIgnoreCase("virtualhost") ? hosts : sections).add(c);
            collect(c, hosts, sections);
        }
    }

    private String defaultOf(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        String d = DEFAULTS.get(k);
        if (d == null && modules.contains("ssl")) {
            d = SSL_DEFAULTS.get(k);
        }
        return d;
    }




    /** {@code ssl_module}, {@code mod_ssl.c} and {@code mod_ssl.so} all name module "ssl". */
    static String moduleName(String id) {
        String n = id.strip();
        int slash = n.lastIndexOf('/');
        n = n.substring(slash + 1);
        if (n.endsWith(".c") || n.endsWith(".so")) {
            n = n.substring(0, n.lastIndexOf('.'));
            return n.startsWith("mod_") ? n.substring(4) : n;
        }
        return n.endsWith("_module") ? n.substring(0, n.length() - "_module".length()) : n;
    }

    /** Reads files in order, splicing includes and deciding conditionals as it goes. */
    private record Reader(SystemRoot root, ApacheConfig into, IncludedFiles files) {

        /** An open section: the scope it adds (null for a conditional) and whether its content counts. */
        private record Open(String name, Directive at, Scope scope, boolean active) {
        }

        void file(String systemPath, Scope scope, int depth, Directive includedBy) {
            Optional<IncludedFiles.Opened> opened = files.open(systemPath, includedBy);
            if (opened.isEmpty()) {
                return;
            }
            String where = opened.get().where();
            List<String> lines = opened.get().text().lines().toList();
            Deque<Open> open = new ArrayDeque<>();
            Scope current = scope;
            for (int i = 0; i < lines.size(); i++) {
                int first = i;
                StringBuilder logical = new StringBuilder(lines.get(i).strip());
                while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && i + 1 < lines.size()) {
                    logical.setLength(logical.length() - 1);
                    logical.append(' ').append(lines.get(++i).strip());
                }
                String text = logical.toString().strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                boolean active = open.isEmpty() || open.peek().active();
                if (text.startsWith("</")) {
                    String name = text.substring(2, text.endsWith(">") ? text.length() - 1 : text.length()).strip();
                    if (open.isEmpty() || !open.peek().name().equalsIgnoreCase(name)) {
                        into.problems.add(ConfigProblem.malformed(where, first + 1, "</" + name + "> without a matching <"
                                + name + ">"));
                        continue;
                    }
                    Open closed = open.pop();
                    if (closed.scope() != null) {
                        current = closed.scope().parent;
                    }
                    continue;
                }
                if (text.startsWith("<")) {
                    if (!text.endsWith(">")) {
                        into.problems.add(ConfigProblem.malformed(where, first + 1, "section " + text + " has no closing \">\""));
                        continue;
                    }
                    String inner = text.substring(1, text.length() - 1).strip();
                    int sp = indexOfSpace(inner);
                    String name = sp < 0 ? inner : inner.substring(0, sp);
                    String args = sp < 0 ? "" : unquote(inner.substring(sp + 1).strip());
                    Directive at = new Directive("<" + name + ">", args, where, first + 1);
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (SCOPES.contains(lower)) {
                        Scope s = new Scope(name, args, at, current);
                        if (active) {
                            current.children.add(s);
                        }
                        open.push(new Open(name, at, s, active));
                        current = s;
                    } else {
                        open.push(new Open(name, at, null, active && condition(lower, args)));
                    }
                    continue;
                }
                if (!active) {
                    continue;
                }
                int sp = indexOfSpace(text);
                String keyword = sp < 0 ? text : text.substring(0, sp);
                String value = sp < 0 ? "" : text.substring(sp + 1).strip();
                Directive d = new Directive(keyword, value, where, first + 1);
                switch (keyword.toLowerCase(Locale.ROOT)) {
                    case "include", "includeoptional" -> include(d, current, depth, keyword.equalsIgnoreCase("includeoptional"));
                    case "loadmodule" -> {
                        String[] w = value.split("\\s+");
                        into.modules.add(moduleName(w[0]));
                        current.directives.add(d);
                    }
                    case "define" -> {
                        into.defines.add(value.split("\\s+")[0]);
                        current.directives.add(d);
                    }
                    case "serverroot" -> {
                        into.serverRoot = unquote(value);
                        current.directives.add(d);
                    }
                    default -> current.directives.add(d);
                }
            }
            for (Open o : open) {
                into.problems.add(ConfigProblem.malformed(where, o.at().line(), "<" + o.name() + "> is not closed before the end of the file"));
            }
            files.close(opened.get());
        }

        private boolean condition(String section, String args) {
            boolean negate = args.startsWith("!");
            String name = negate ? args.substring(1).strip() : args;
            boolean holds = switch (section) {
                case "ifmodule" -> into.modules.contains(moduleName(name));
                case "ifdefine" -> into.defines.contains(name);
                case "iffile" -> root.resolve(name.startsWith("/") ? name : into.serverRoot + "/" + name, "/")
                        .map(Files::exists).orElse(false);
                default -> true; // IfVersion and others: assume the installed httpd satisfies them
            };
            return negate != holds;
        }

        private void include(Directive at, Scope scope, int depth, boolean optional) {
            if (depth + 1 > MAX_DEPTH) {
                into.problems.add(new ConfigProblem(at.file(), at.line(), at.keyword() + " nested deeper than " + MAX_DEPTH));
                return;
            }
            String pattern = unquote(at.value());
            String path = pattern.startsWith("/") ? pattern : into.serverRoot + "/" + pattern;
            int slash = path.lastIndexOf('/');
            String dir = slash == 0 ? "/" : path.substring(0, slash);
            String name = path.substring(slash + 1);
            try {
                if (SystemRoot.isGlob(name)) {
                    List<String> matches = root.glob(dir, name).orElse(List.of());
                    if (matches.isEmpty() && !optional) {
                        into.problems.add(new ConfigProblem(at.file(), at.line(), at.keyword() + " " + pattern
                                + ": no file matches"));
                    }
                    for (String child : matches) {
                        file(child, scope, depth + 1, at);
                    }
                    return;
                }
                Optional<Path> disk = root.resolve(path, "/");
                if (disk.isPresent() && Files.isDirectory(disk.get())) {
                    for (String child : root.glob(path, "*").orElse(List.of())) {
                        file(child, scope, depth + 1, at);
                    }
                } else if (disk.isPresent() && Files.exists(disk.get())) {
                    file(path, scope, depth + 1, at);
                } else if (!optional) {
                    into.problems.add(new ConfigProblem(at.file(), at.line(), at.keyword() + " " + pattern + ": no such file"));
                }
            } catch (IOException e) {
                into.problems.add(new ConfigProblem(at.file(), at.line(), at.keyword() + " " + pattern + ": cannot list " + dir));
            }
        }

        private static int indexOfSpace(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isWhitespace(s.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }

        private static String unquote(String s) {
            return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
    }
}
