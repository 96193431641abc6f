package chuan.config.apache;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.nio.file.Path;
import java.util.ArrayList;
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

    static final int MAX_DEPTH = 32;

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
    final Set<String> modules = new HashSet<>(BUILT_IN);
    final Set<String> defines = new HashSet<>();
    String serverRoot;
    /** The system-wide crypto policy (Red Hat's /etc/crypto-policies/config), which mod_ssl follows when SSLProtocol is unset. */
    private String cryptoPolicy;

    private ApacheConfig(String mainFile, String serverRoot) {
        super(mainFile);
        this.serverRoot = serverRoot;
    }

    /** The main file of the first layout present in the root, if any. */
    public static Optional<String[]> layout(SystemRoot root) {
        for (String[] l : LAYOUTS) {
            Optional<Path> p = root.resolve(l[0], "/");
            if (p.isPresent() && SystemRoot.exists(p.get()) && !java.nio.file.Files.isDirectory(p.get())) {
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
        new ApacheReader(root, c, files).file(l[0], c.server, 0, null);
        c.cryptoPolicy = cryptoPolicy(root);
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
