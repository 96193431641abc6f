package chuan.config.apache;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apache httpd's configuration as the server builds it ({@link ApacheReader}): includes spliced in
 * place, conditional sections decided as they are read, and the server, {@code <VirtualHost>} and
 * {@code <Directory>}-like scopes kept apart. Within a scope the last occurrence of a directive wins;
 * a virtual host without its own value inherits the server's. Directive names are case-insensitive.
 * What httpd would refuse to start on (a missing {@code Include}, a directive no loaded module
 * provides or written where it is not allowed, an unclosed section, no MPM) is a malformed problem
 * whose message starts "Apache would not start".
 */
public final class ApacheConfig extends ReadConfig {

    /**
     * A distribution's httpd: where its main file is, the ServerRoot it compiles in, and the modules
     * compiled into its binary (present without LoadModule; LoadModule of one of them is refused).
     */
    record Layout(String mainFile, String serverRoot, Set<String> builtIn) {
    }

    /** Debian's apache2 (apache2 -l) and Red Hat's httpd (httpd -l), in the order they are looked for. */
    public static final List<Layout> LAYOUTS = List.of(
            new Layout("/etc/apache2/apache2.conf", "/etc/apache2",
                    Set.of("core", "so", "watchdog", "http_core", "log_config", "logio", "version", "unixd")),
            new Layout("/etc/httpd/conf/httpd.conf", "/etc/httpd", Set.of("core", "so", "http_core")));

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

    /** The computed key: the modules LoadModule loaded, by identifier, in load order. */
    public static final String MODULES = "modules";

    /** Sections that scope what is inside them; conditionals ({@code IfModule}, ...) are not scopes. */
    static final Set<String> SCOPES = Set.of("virtualhost", "directory", "directorymatch", "location", "locationmatch",
            "files", "filesmatch", "proxy", "proxymatch", "limit", "limitexcept", "if", "elseif", "else");

    /** A scope: the server itself, a virtual host, or a directory-like section. */
    public static final class Scope {
        final String name;
        final String args;
        final Directive start;
        final Scope parent;
        final List<Directive> directives = new ArrayList<>();
        final List<Scope> children = new ArrayList<>();

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

    final Scope server = new Scope("server", "", null, null);
    final Layout layout;
    /** Loaded modules by short name ({@code ssl}): the built-in ones, then LoadModule's. */
    final Set<String> modules = new LinkedHashSet<>();
    /** LoadModule's module identifiers in load order, and the line that loaded the last. */
    final List<String> loadedIds = new ArrayList<>();
    Directive lastLoad;
    /** Define's names, with their values (null for a name defined without one). */
    final Map<String, String> defines = new HashMap<>();
    String serverRoot;
    /** The system-wide crypto policy (Red Hat's /etc/crypto-policies/config), which mod_ssl follows when SSLProtocol is unset. */
    private String cryptoPolicy;

    private ApacheConfig(Layout layout) {
        super(layout.mainFile());
        this.layout = layout;
        this.serverRoot = layout.serverRoot();
        modules.addAll(layout.builtIn());
    }

    /** The first layout whose main file is present in the root, if any. */
    public static Optional<Layout> layout(SystemRoot root) {
        for (Layout l : LAYOUTS) {
            Optional<Path> p = root.resolve(l.mainFile(), "/");
            if (p.isPresent() && SystemRoot.exists(p.get()) && !java.nio.file.Files.isDirectory(p.get())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Reads the configuration of the first layout found (Debian's when none is). */
    public static ApacheConfig read(SystemRoot root) {
        ApacheConfig c = new ApacheConfig(layout(root).orElse(LAYOUTS.get(0)));
        IncludedFiles files = new IncludedFiles(root, "Include", c.problems, c.filesRead);
        new ApacheReader(root, c, files).read();
        c.cryptoPolicy = cryptoPolicy(root);
        return c;
    }

    /** Whether a loaded module provides this directive (sections as {@code <Directory>}). */
    boolean provides(String directive) {
        ApacheDirectives.Known k = ApacheDirectives.get().known(directive);
        return k != null && k.modules().stream().anyMatch(modules::contains);
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
        if (key.equalsIgnoreCase(MODULES)) {
            // computed: the modules LoadModule loaded, in load order (the built-in ones need none)
            return List.of(new Scoped(null, new EffectiveSetting(MODULES, String.join(" ", loadedIds), lastLoad, List.of())));
        }
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
            boolean policy = global.isEmpty() && cryptoPolicy != null && key.equalsIgnoreCase("SSLProtocol") && serverValue.value() != null;
            out.put(serverValue.origin(), new Scoped(null, serverValue, policy
                    ? "mod_ssl follows the system crypto policy " + cryptoPolicy + " (/etc/crypto-policies/config)" : null));
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

    /** Every scope below the server, depth first in reading order; iterative, as sections may nest deep. */
    private static void collect(Scope top, List<Scope> hosts, List<Scope> sections) {
        java.util.Deque<java.util.Iterator<Scope>> stack = new java.util.ArrayDeque<>();
        stack.push(top.children.iterator());
        while (!stack.isEmpty()) {
            java.util.Iterator<Scope> it = stack.peek();
            if (!it.hasNext()) {
                stack.pop();
                continue;
            }
            Scope c = it.next();
            (c.name.equalsIgnoreCase("virtualhost") ? hosts : sections).add(c);
            stack.push(c.children.iterator());
        }
    }

    private String defaultOf(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        String d = DEFAULTS.get(k);
        if (d == null && modules.contains("ssl")) {
            d = k.equals("sslprotocol") && cryptoPolicy != null ? policyProtocols() : SSL_DEFAULTS.get(k);
        }
        return d;
    }

    /**
     * Red Hat's mod_ssl takes the protocols from the system crypto policy when SSLProtocol is unset
     * (its ssl.conf says so): LEGACY still allows TLS 1.0 and 1.1, the other policies start at TLS 1.2.
     */
    private String policyProtocols() {
        return cryptoPolicy.startsWith("LEGACY") ? "all -SSLv3" : "-all +TLSv1.2 +TLSv1.3";
    }

    /** The policy named in /etc/crypto-policies/config ({@code DEFAULT}, {@code FUTURE:NO-SHA1}, ...), if the system has one. */
    private static String cryptoPolicy(SystemRoot root) {
        Optional<Path> f = root.resolve("/etc/crypto-policies/config", "/");
        if (f.isEmpty() || !SystemRoot.exists(f.get())) {
            return null;
        }
        try {
            return new String(root.read(f.get()), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(x -> !x.isEmpty() && !x.startsWith("#")).findFirst().orElse("DEFAULT");
        } catch (java.io.IOException e) {
            return null;
        }
    }




    void problem(ConfigProblem p) {
        problems.add(p);
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
}
