package chuan.config.apache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What httpd 2.4 knows of each directive: the modules that provide it and the contexts it may be
 * written in, from httpd's own reference manual (resource {@code directives.tsv}, made by
 * {@code scripts/apache-directives.py}). Apache refuses to start on a directive no loaded module
 * provides ("Invalid command") and on one written where it is not allowed ("not allowed here").
 */
final class ApacheDirectives {

    /**
     * Where a directive is written: in a {@code <VirtualHost>} or not, and inside which
     * directory-like sections, outermost first, as letters: d {@code <Directory[Match]>},
     * l {@code <Location[Match]>}, f {@code <Files[Match]>}, i {@code <If>}/{@code <ElseIf>}/{@code <Else>},
     * p {@code <Proxy[Match]>}. {@code section} names the innermost of them, for messages.
     */
    record Context(boolean virtualHost, String sections, String section) {

        static final Context SERVER = new Context(false, "", null);

        Context inVirtualHost() {
            return new Context(true, sections, section);
        }

        Context inSection(char letter, String name) {
            return new Context(virtualHost, sections + letter, name);
        }
    }

    /**
     * One directive: its name as documented, the modules that provide it, and the contexts httpd
     * accepts it in (s server config, v virtual host, and the section letters of {@link Context}).
     */
    record Known(String name, List<String> modules, String contexts) {

        /** In sections, every enclosing section must allow it (httpd looks for each kind among the parents). */
        boolean allowedIn(Context c) {
            if (c.sections().isEmpty()) {
                return contexts.indexOf(c.virtualHost() ? 'v' : 's') >= 0;
            }
            return c.sections().chars().allMatch(ch -> contexts.indexOf(ch) >= 0);
        }
    }

    /**
     * Directives executed while the files are read (includes, conditionals, modules, defines):
     * httpd runs them before it looks at contexts, so they are allowed anywhere.
     */
    static final Set<String> EXECUTED_ON_READ = Set.of("include", "includeoptional", "define", "undefine", "loadmodule",
            "loadfile", "serverroot", "defaultruntimedir", "<ifmodule>", "<ifdefine>", "<iffile>", "<ifdirective>",
            "<ifsection>", "<ifversion>", "<macro>", "use", "undefmacro", "remoteipinternalproxylist",
            "remoteiptrustedproxylist");

    /** Modules that provide no directive, so loading one adds nothing that could explain an unknown name. */
    private static final Set<String> WITHOUT_DIRECTIVES = Set.of("systemd", "http_core", "so", "mpm_common");

    private static final ApacheDirectives BUILT_IN = load();

    private final Map<String, Known> byName;
    private final Set<String> modules;

    private ApacheDirectives(Map<String, Known> byName, Set<String> modules) {
        this.byName = byName;
        this.modules = modules;
    }

    static ApacheDirectives get() {
        return BUILT_IN;
    }

    /** The directive named so (case-insensitive; sections as {@code <Directory>}), or null when the manual has none. */
    Known known(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether every one of these modules (short names, {@code ssl}) is in httpd's manual, so none could define a name the table lacks. */
    boolean allDocumented(Set<String> loaded) {
        return loaded.stream().allMatch(m -> modules.contains(m) || WITHOUT_DIRECTIVES.contains(m));
    }

    private static ApacheDirectives load() {
        Map<String, Known> byName = new HashMap<>();
        Set<String> modules = new HashSet<>();
        try (InputStream in = ApacheDirectives.class.getResourceAsStream("directives.tsv")) {
            if (in == null) {
                throw new IllegalStateException("directives.tsv is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("@modules")) { // every documented module, with directives of its own or not
                    List.of(f[1].split(",")).forEach(m -> modules.add(ApacheConfig.moduleName(m)));
                    continue;
                }
                List<String> mods = List.of(f[1].split(",")).stream().map(ApacheConfig::moduleName).toList();
                modules.addAll(mods);
                byName.put(f[0].toLowerCase(Locale.ROOT), new Known(f[0], mods, f.length > 2 ? f[2] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApacheDirectives(Map.copyOf(byName), Set.copyOf(modules));
    }
}
