package chuan.config.nginx;

import chuan.config.ConfigProblem;
import chuan.config.InstalledVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * nginx's check that every variable a configuration uses exists ({@code unknown "x" variable}): the
 * variables nginx's own modules define ({@code variables.tsv}, from nginx's sources), the families
 * they define by prefix ({@code $http_NAME}, {@code $arg_NAME}, ...), those the configuration defines
 * ({@code set}, {@code map}, {@code geo}, {@code split_clients}, {@code perl_set}, {@code auth_request_set},
 * named captures of its regular expressions) and regex captures {@code $1}. Only the arguments nginx
 * compiles as scripts are read, in the directives listed here; a regular expression's {@code $} is
 * never a variable. Like nginx, order does not matter: a variable may be used before it is set.
 */
final class NginxVariables {

    /** Where a directive's arguments are scripts: the argument positions (0-based), -1 for all, -2 for the last. */
    private static final Map<String, int[]> SCRIPTS = Map.ofEntries(
            Map.entry("set", new int[] {1}), Map.entry("return", new int[] {-1}), Map.entry("rewrite", new int[] {1}),
            Map.entry("root", new int[] {0}), Map.entry("alias", new int[] {0}), Map.entry("add_header", new int[] {1}),
            Map.entry("add_trailer", new int[] {1}), Map.entry("proxy_set_header", new int[] {1}),
            Map.entry("grpc_set_header", new int[] {1}), Map.entry("fastcgi_param", new int[] {1}),
            Map.entry("uwsgi_param", new int[] {1}), Map.entry("scgi_param", new int[] {1}),
            Map.entry("proxy_pass", new int[] {0}), Map.entry("fastcgi_pass", new int[] {0}), Map.entry("uwsgi_pass", new int[] {0}),
            Map.entry("scgi_pass", new int[] {0}), Map.entry("grpc_pass", new int[] {0}), Map.entry("try_files", new int[] {-1}),
            Map.entry("error_page", new int[] {-2}), Map.entry("index", new int[] {-1}), Map.entry("proxy_cache_key", new int[] {0}),
            Map.entry("fastcgi_cache_key", new int[] {0}), Map.entry("limit_req_zone", new int[] {0}),
            Map.entry("limit_conn_zone", new int[] {0}), Map.entry("map", new int[] {0}), Map.entry("split_clients", new int[] {0}),
            Map.entry("auth_request_set", new int[] {1}), Map.entry("access_log", new int[] {0}));

    /** One variable of nginx's own: for versions {@code since} to {@code until} (empty: the newest). */
    private record Known(String name, String module, boolean prefix, boolean changeable, String since, String until) {

        boolean in(InstalledVersions.Installed version) {
            return version == null || version.atLeast(since) && (until.isEmpty() || !version.atLeast(nextMinor(until)));
        }
    }

    private static final List<Known> KNOWN = load();

    /** A use of a variable: its name as written, the module it is read in, where. */
    private record Use(String name, String module, String file, int line) {
    }

    private final List<Use> uses = new ArrayList<>();
    /** Variables the configuration defines, with where: one of nginx's own that set may not assign is "duplicate". */
    private final List<Use> definitions = new ArrayList<>();
    private final Set<String> defined = new HashSet<>(); // "module name", lower case

    /** Named captures of any regular expression define variables wherever they stand: {@code (?<name>...)}. */
    void words(List<String> words, String module) {
        for (String w : words) {
            for (int i = w.indexOf("(?"); i >= 0; i = w.indexOf("(?", i + 2)) {
                int from = w.startsWith("(?P<", i) ? i + 4 : w.startsWith("(?<", i) || w.startsWith("(?'", i) ? i + 3 : -1;
                if (from < 0) {
                    continue;
                }
                int end = from;
                while (end < w.length() && isNameChar(w.charAt(end))) {
                    end++;
                }
                if (end > from) {
                    defined.add(module + " " + lower(w.substring(from, end)));
                }
            }
        }
    }

    /** A directive (or block) read in {@code module}: the variables it defines and those it uses. */
    void directive(String module, String name, List<String> args, String file, int line) {
        if (args.isEmpty()) {
            return;
        }
        String defines = switch (name) {
            case "set", "perl_set", "js_set", "auth_request_set" -> args.get(0);
            case "map", "split_clients" -> args.size() > 1 ? args.get(1) : null;
            case "geo" -> args.get(args.size() - 1);
            default -> null;
        };
        if (defines != null && defines.startsWith("$")) {
            defined.add(module + " " + lower(defines.substring(1)));
            definitions.add(new Use(defines.substring(1), module, file, line));
        }
        if (name.equals("if")) {
            condition(module, args, file, line);
            return;
        }
        int[] where = SCRIPTS.get(name);
        if (where == null) {
            return;
        }
        for (int w : where) {
            if (w == -1) {
                args.forEach(a -> use(module, a, file, line));
            } else if (w == -2) {
                use(module, args.get(args.size() - 1), file, line);
            } else if (w < args.size()) {
                use(module, args.get(w), file, line);
            }
        }
    }

    /** if ($a), if ($a = $b), if (-f $a), if ($a ~ regex): everything but the regular expression. */
    private void condition(String module, List<String> args, String file, int line) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("~") || a.equals("~*") || a.equals("!~") || a.equals("!~*")) {
                i++; // the regex
                continue;
            }
            use(module, a, file, line);
        }
    }

    /** ngx_http_script_compile's reading of {@code $name} and {@code ${name}}. */
    private void use(String module, String text, String file, int line) {
        for (int i = text.indexOf('$'); i >= 0 && i + 1 < text.length(); i = text.indexOf('$', i + 1)) {
            int from = i + 1;
            boolean braced = text.charAt(from) == '{';
            if (braced) {
                from++;
            }
            int end = from;
            while (end < text.length() && isNameChar(text.charAt(end))) {
                end++;
            }
            if (end == from || braced && (end >= text.length() || text.charAt(end) != '}')) {
                continue; // a lone $, or "${" not closed: not a variable (nginx refuses the latter itself)
            }
            String name = text.substring(from, end);
            if (!Character.isDigit(name.charAt(0))) {
                uses.add(new Use(name, module, file, line));
            }
        }
    }

    /** Every use of a variable nothing defines is refused, as ngx_http_variables_init_vars does. */
    void check(List<ConfigProblem> problems, InstalledVersions.Installed version) {
        for (Use d : definitions) { // ngx_http_add_variable: only a changeable variable may be defined again
            String name = lower(d.name());
            List<Known> own = KNOWN.stream().filter(k -> !k.prefix() && k.name().equals(name) && k.module().equals(d.module())
                    && k.in(version)).toList();
            if (!own.isEmpty() && own.stream().noneMatch(Known::changeable)) {
                problems.add(ConfigProblem.malformed(d.file(), d.line(), "the duplicate \"" + name + "\" variable (nginx would not start)"));
            }
        }
        Set<String> reported = new HashSet<>();
        for (Use u : uses) {
            String name = lower(u.name());
            if (defined.contains(u.module() + " " + name) || isKnown(name, u.module(), version)
                    || !reported.add(u.module() + " " + name)) {
                continue;
            }
            problems.add(ConfigProblem.malformed(u.file(), u.line(), "unknown \"" + name + "\" variable (nginx would not start)"));
        }
    }

    private static boolean isKnown(String name, String module, InstalledVersions.Installed version) {
        for (Known k : KNOWN) {
            if (k.module().equals(module) && (k.prefix() ? name.startsWith(k.name()) : name.equals(k.name())) && k.in(version)) {
                return true;
            }
        }
        return false;
    }

    private static String nextMinor(String version) {
        String[] p = version.split("\\.");
        return p[0] + "." + (Integer.parseInt(p[1]) + 1);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static List<Known> load() {
        List<Known> out = new ArrayList<>();
        try (InputStream in = NginxVariables.class.getResourceAsStream("variables.tsv")) {
            if (in == null) {
                throw new IllegalStateException("variables.tsv is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> flags = List.of(f[2].split(","));
                out.add(new Known(f[0], f[1], flags.contains("prefix"), flags.contains("changeable"), f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
