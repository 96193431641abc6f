package chuan.config.nginx;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What nginx checks once the files are read, before it would start: an {@code events} block; a user and
 * group that exist (when the root has {@code /etc/passwd} and {@code /etc/group} to tell); per listening
 * address, at most one default server and, when it speaks TLS, a certificate for its default server
 * (1.15 and later); a certificate and key for every {@code ssl on} server. Each refusal is a malformed
 * problem with nginx's message.
 */
final class NginxAcceptance {

    /** One {@code listen}: its address as nginx groups them, and the flags that matter here. */
    private record Listen(String address, boolean ssl, boolean defaultServer, boolean socketOptions, Directive at) {
    }

    /** The listen parameters that set socket options (lsopt.set in ngx_http_core_listen): one listen per address may. */
    private static final List<String> SOCKET_OPTIONS = List.of("bind", "deferred", "reuseport", "setfib=", "fastopen=", "backlog=",
            "rcvbuf=", "sndbuf=", "accept_filter=", "ipv6only=", "so_keepalive=");

    private NginxAcceptance() {
    }

    static void check(SystemRoot root, NginxConfig c) {
        if (c.filesNamed().isEmpty()) {
            return; // no nginx.conf: nothing nginx would read
        }
        NginxConfig.Block main = c.main();
        if (main.children().stream().noneMatch(b -> b.name().equals("events"))) {
            refuse(c, NginxConfig.MAIN, 0, "no \"events\" section in configuration");
        }
        users(root, c);
        listens(c);
        sslOn(c);
        upstreamsAndZones(c);
    }

    /** The passes whose address has no default port: a name that is no upstream block needs one. */
    private static final List<String> NO_DEFAULT_PORT = List.of("fastcgi_pass", "scgi_pass", "uwsgi_pass", "memcached_pass");
    /** Directives naming a shared memory zone, and the directive and parameter that must define it with a size. */
    private static final Map<String, String[]> ZONES = Map.of(
            "limit_req", new String[] {"limit_req_zone", "zone="}, "limit_conn", new String[] {"limit_conn_zone", "zone="},
            "proxy_cache", new String[] {"proxy_cache_path", "keys_zone="},
            "fastcgi_cache", new String[] {"fastcgi_cache_path", "keys_zone="},
            "uwsgi_cache", new String[] {"uwsgi_cache_path", "keys_zone="}, "scgi_cache", new String[] {"scgi_cache_path", "keys_zone="});

    /**
     * ngx_http_upstream_init_round_robin: an implicit upstream without a port ("fastcgi_pass php;" with no
     * "upstream php"); ngx_init_zone_pool: a zone used but never given a size ("limit_req zone=x" with no
     * limit_req_zone defining x).
     */
    private static void upstreamsAndZones(NginxConfig c) {
        List<NginxConfig.Block> http = NginxConfig.collect(c.main(), b -> b.module().equals("http"));
        Set<String> upstreams = new HashSet<>();
        Map<String, Set<String>> zones = new LinkedHashMap<>();
        for (NginxConfig.Block b : http) {
            if (b.name().equals("upstream") && !b.args().isEmpty()) {
                upstreams.add(b.args().split(" ")[0].toLowerCase(java.util.Locale.ROOT));
            }
            for (Directive d : b.directives()) {
                for (String[] z : ZONES.values()) {
                    if (d.keyword().equals(z[0])) {
                        for (String w : d.value().split(" ")) {
                            if (w.startsWith(z[1]) && w.indexOf(':') > z[1].length()) {
                                zones.computeIfAbsent(z[0], k -> new HashSet<>()).add(w.substring(z[1].length(), w.indexOf(':')));
                            }
                        }
                    }
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (NginxConfig.Block b : http) {
            for (Directive d : b.directives()) {
                String[] words = d.value().split(" ");
                if (NO_DEFAULT_PORT.contains(d.keyword()) && !d.value().isEmpty() && !d.value().contains("$")
                        && !d.value().startsWith("unix:")) {
                    String host = words[0].replaceFirst("^s?uwsgi://", "");
                    boolean port = host.startsWith("[") ? host.contains("]:") : host.contains(":");
                    if (!port && !upstreams.contains(host.toLowerCase(java.util.Locale.ROOT))) {
                        refuse(c, d.file(), d.line(), "no port in upstream \"" + host + "\" in " + d.origin());
                    }
                }
                String[] zone = ZONES.get(d.keyword());
                if (zone != null && !d.value().isEmpty() && !d.value().contains("$")) {
                    String name = d.keyword().equals("limit_req") ? zoneParameter(words) : words[0];
                    if (name != null && !name.equals("off") && !zones.getOrDefault(zone[0], Set.of()).contains(name)
                            && reported.add(zone[0] + " " + name)) {
                        refuse(c, d.file(), d.line(), d.keyword().startsWith("limit_") ? "zero size shared memory zone \"" + name + "\""
                                : "\"" + d.keyword() + "\" zone \"" + name + "\" is unknown");
                    }
                }
            }
        }
    }

    private static String zoneParameter(String[] words) {
        for (String w : words) {
            if (w.startsWith("zone=")) {
                return w.substring(5);
            }
        }
        return null;
    }

    /** ngx_set_user: getpwnam(user), then getgrnam(group, else the user's own name). */
    private static void users(SystemRoot root, NginxConfig c) {
        Set<String> users = names(root, "/etc/passwd");
        Set<String> groups = names(root, "/etc/group");
        if (users == null || groups == null) {
            return; // the root does not say which accounts exist
        }
        for (Directive d : c.main().directives()) {
            if (!d.keyword().equals("user") || d.value().isEmpty()) {
                continue;
            }
            String[] words = d.value().split(" ");
            if (!users.contains(words[0])) {
                refuse(c, d.file(), d.line(), "getpwnam(\"" + words[0] + "\") failed");
            } else if (!groups.contains(words.length > 1 ? words[1] : words[0])) {
                refuse(c, d.file(), d.line(), "getgrnam(\"" + (words.length > 1 ? words[1] : words[0]) + "\") failed");
            }
        }
    }

    private static Set<String> names(SystemRoot root, String systemPath) {
        Optional<Path> p = root.resolve(systemPath, "/");
        if (p.isEmpty() || !SystemRoot.isFile(p.get())) {
            return null;
        }
        Set<String> out = new HashSet<>();
        try {
            for (String line : Files.readAllLines(p.get(), StandardCharsets.ISO_8859_1)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    out.add(line.substring(0, colon));
                }
            }
        } catch (IOException e) {
            return null;
        }
        return out;
    }

    /**
     * ngx_http_add_addresses and ngx_http_ssl_init: servers grouped by the exact address they listen on
     * (a server without {@code listen} is on *:80); the default server is the one marked so, else the first.
     */
    private static void listens(NginxConfig c) {
        Map<String, List<NginxConfig.Block>> servers = new LinkedHashMap<>();
        Map<String, NginxConfig.Block> defaults = new LinkedHashMap<>();
        Set<String> ssl = new HashSet<>();
        Set<String> optioned = new HashSet<>();
        for (NginxConfig.Block server : c.servers()) {
            if (!server.module().equals("http")) {
                continue;
            }
            List<Listen> listens = new ArrayList<>();
            for (Directive d : server.directives()) {
                if (d.keyword().equals("listen") && !d.value().isEmpty()) {
                    listens.add(parse(d));
                }
            }
            if (listens.isEmpty()) {
                listens.add(new Listen("0.0.0.0:80", false, false, false, server.start()));
            }
            for (Listen l : listens) {
                servers.computeIfAbsent(l.address(), k -> new ArrayList<>());
                if (!servers.get(l.address()).contains(server)) {
                    servers.get(l.address()).add(server);
                }
                if (l.ssl()) {
                    ssl.add(l.address());
                }
                if (l.socketOptions() && !optioned.add(l.address())) {
                    refuse(c, l.at().file(), l.at().line(), "duplicate listen options for " + l.address());
                }
                if (l.defaultServer()) {
                    if (defaults.containsKey(l.address()) && defaults.get(l.address()) != server) {
                        refuse(c, l.at().file(), l.at().line(), "a duplicate default server for " + l.address());
                    }
                    defaults.putIfAbsent(l.address(), server);
                }
            }
        }
        if (c.version != null && !c.version.atLeast("1.15")) {
            return; // before 1.15 a missing certificate failed only at the handshake
        }
        for (String address : ssl) {
            NginxConfig.Block first = defaults.getOrDefault(address, servers.get(address).get(0));
            List<NginxConfig.Block> check = rejects(first) ? servers.get(address) : List.of(first);
            for (NginxConfig.Block s : check) {
                if (!hasCertificate(s) && !rejects(s)) {
                    refuse(c, s.start().file(), s.start().line(), "no \"ssl_certificate\" is defined for the \"listen ... ssl\" directive in "
                            + s.start().origin());
                    break;
                }
            }
        }
    }

    /** {@code listen 443 ssl default_server}, {@code listen [::]:80}, {@code listen unix:/run/x.sock}. */
    private static Listen parse(Directive d) {
        String[] w = d.value().split(" ");
        String a = w[0];
        String address;
        if (a.startsWith("unix:")) {
            address = a;
        } else if (a.chars().allMatch(Character::isDigit)) {
            address = "0.0.0.0:" + a;
        } else if (a.startsWith("[")) {
            address = a.contains("]:") ? a : a + ":80";
        } else if (a.contains(":")) {
            address = a.startsWith("*:") ? "0.0.0.0" + a.substring(1) : a;
        } else {
            address = (a.equals("*") ? "0.0.0.0" : a) + ":80";
        }
        boolean ssl = false;
        boolean def = false;
        boolean options = false;
        for (int i = 1; i < w.length; i++) {
            String p = w[i];
            ssl |= p.equals("ssl");
            def |= p.equals("default_server") || p.equals("default");
            options |= SOCKET_OPTIONS.stream().anyMatch(o -> o.endsWith("=") ? p.startsWith(o) : p.equals(o));
        }
        return new Listen(address, ssl, def, options, d);
    }

    private static boolean hasCertificate(NginxConfig.Block server) {
        return server.effective("ssl_certificate").map(s -> !s.isDefault()).orElse(false);
    }

    private static boolean rejects(NginxConfig.Block server) {
        return server.effective("ssl_reject_handshake").map(s -> !s.isDefault() && s.value().equalsIgnoreCase("on")).orElse(false);
    }

    /** ngx_http_ssl_merge_srv_conf: "ssl on" (before 1.25.1) needs a certificate, and a key for each certificate. */
    private static void sslOn(NginxConfig c) {
        for (NginxConfig.Block server : c.servers()) {
            if (!server.module().equals("http")) {
                continue;
            }
            Optional<EffectiveSetting> on = server.effective("ssl");
            List<Directive> certificates = all(server, "ssl_certificate");
            List<Directive> keys = all(server, "ssl_certificate_key");
            if (on.isPresent() && !on.get().isDefault() && on.get().value().equalsIgnoreCase("on")) {
                Directive at = on.get().from();
                if (certificates.isEmpty() && !rejects(server)) {
                    refuse(c, server.start().file(), server.start().line(),
                            "no \"ssl_certificate\" is defined for the \"ssl\" directive in " + at.origin());
                    continue;
                }
            }
            if (!certificates.isEmpty() && keys.size() < certificates.size()) {
                refuse(c, server.start().file(), server.start().line(), "no \"ssl_certificate_key\" is defined for certificate \""
                        + certificates.get(certificates.size() - 1).value() + "\"");
            }
        }
    }

    /** Every occurrence of a directive that adds up (ssl_certificate) where the server takes it from: its own, else http's. */
    private static List<Directive> all(NginxConfig.Block server, String directive) {
        for (NginxConfig.Block b = server; b != null; b = b.context().isModuleMain() ? null : b.parent()) {
            List<Directive> own = b.directives().stream().filter(d -> d.keyword().equals(directive)).toList();
            if (!own.isEmpty()) {
                return own;
            }
        }
        return List.of();
    }

    private static void refuse(NginxConfig c, String file, int line, String message) {
        c.problemList().add(ConfigProblem.malformed(file, line, message + " (nginx would not start)"));
    }
}
