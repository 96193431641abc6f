package chuan.config.nginx;

import chuan.config.InstalledVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every directive of nginx's own modules, as ngx_conf_handler() checks it: which module type and contexts
 * accept it, how many arguments it takes, whether it opens a block, what a repeat in one block does, and
 * which words an on/off, enum or bitmask directive takes. Read from {@code directives.tsv}, which
 * scripts/nginx/directives.py writes from nginx's sources (1.14 to the newest release), each row with the
 * versions that have it.
 */
final class NginxDirectives {

    // ngx_conf_file.h
    static final int NOARGS = 0x1;
    static final int ARGS_NUMBER = 0xff;
    static final int BLOCK = 0x100;
    static final int FLAG = 0x200;
    static final int ANY = 0x400;
    static final int ONE_MORE = 0x800;
    static final int TWO_MORE = 0x1000;
    static final int MAX_ARGS = 8;

    /** What a second occurrence in the same block does. */
    enum Repeat {
        /** refused: "directive is duplicate" */
        DUPLICATE,
        /** the values are ORed (ngx_conf_set_bitmask_slot: ssl_protocols) */
        OR,
        /** each occurrence adds (listen, add_header) */
        MANY,
        /** refused or not depending on the arguments (the same zone twice); not judged */
        CONDITIONAL
    }

    /** One row: a directive of one module, for versions {@code since} to {@code until} (empty: the newest). */
    record Spec(String name, String module, String type, int flags, Repeat repeat, List<String> values,
                boolean customContent, String since, String until) {

        boolean in(InstalledVersions.Installed version) {
            if (version == null) {
                return true; // version unknown: any version's directive may be there
            }
            return version.atLeast(since) && (until.isEmpty() || !version.atLeast(nextMinor(until)));
        }

        boolean isFlag() {
            return (flags & FLAG) != 0 && values.equals(List.of("on", "off"));
        }

        /** ngx_conf_handler's argument count check; {@code args} excludes the name. */
        boolean takes(int args) {
            if ((flags & ANY) != 0) {
                return true;
            }
            if ((flags & FLAG) != 0) {
                return args == 1;
            }
            if ((flags & ONE_MORE) != 0) {
                return args >= 1;
            }
            if ((flags & TWO_MORE) != 0) {
                return args >= 2;
            }
            if (args + 1 > MAX_ARGS) {
                return false;
            }
            return (flags & (1 << args)) != 0;
        }

        private static String nextMinor(String version) {
            String[] p = version.split("\\.");
            return p[0] + "." + (Integer.parseInt(p[1]) + 1);
        }
    }

    private static final NginxDirectives TABLE = load();

    private final Map<String, List<Spec>> byName;
    private final Set<String> modules;

    private NginxDirectives(Map<String, List<Spec>> byName, Set<String> modules) {
        this.byName = byName;
        this.modules = modules;
    }

    static NginxDirectives table() {
        return TABLE;
    }

    /** The rows for a name in the given version (every version when it is unknown). */
    List<Spec> find(String name, InstalledVersions.Installed version) {
        List<Spec> out = new ArrayList<>();
        for (Spec s : byName.getOrDefault(name, List.of())) {
            if (s.in(version)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether a module ({@code ngx_http_geoip_module}) is one of nginx's own, whose directives this table knows. */
    boolean knowsModule(String module) {
        return modules.contains(module);
    }

    private static NginxDirectives load() {
        Map<String, List<Spec>> byName = new HashMap<>();
        Set<String> modules = new HashSet<>();
        try (InputStream in = NginxDirectives.class.getResourceAsStream("directives.tsv")) {
            if (in == null) {
                throw new IllegalStateException("directives.tsv is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Spec s = new Spec(f[0], f[1], f[2], (int) Long.parseLong(f[3].substring(2), 16),
                        Repeat.valueOf(f[4].toUpperCase(java.util.Locale.ROOT)),
                        f[5].isEmpty() ? List.of() : List.of(f[5].split(",")), f[6].equals("custom"), f[8], f[9]);
                byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
                modules.add(s.module());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NginxDirectives(byName, modules);
    }
}
