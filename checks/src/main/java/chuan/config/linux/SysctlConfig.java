package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.IncludedFiles;
import chuan.config.Directive;
import chuan.config.EffectiveConfig;
import chuan.config.EffectiveSetting;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The kernel parameters set at boot, read as {@code systemd-sysctl} and {@code sysctl --system}
 * read them: every {@code *.conf} of the sysctl.d directories, a file name in an earlier directory
 * masking the same name in later ones, all files applied in the lexical order of their names,
 * then {@code /etc/sysctl.conf} last; a later assignment of a key wins. Keys are compared with
 * {@code /} and {@code .} as the same separator; a leading {@code -} (ignore errors) is dropped.
 * Keys never set have no value here: the kernel's own default applies, which depends on the kernel.
 */
public final class SysctlConfig extends ReadConfig {

    /** In precedence order: a name in an earlier directory masks it in the later ones. */
    static final List<String> DIRECTORIES = List.of("/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d",
            "/usr/lib/sysctl.d", "/lib/sysctl.d");
    static final String LEGACY = "/etc/sysctl.conf";

    private final Map<String, List<Directive>> assignments = new LinkedHashMap<>();
    /** Assignments to a glob ({@code net.ipv4.conf.*.rp_filter}), in order. */
    private final List<Directive> globs = new ArrayList<>();
    /** Names excluded from globs by a {@code -name} line with no value (systemd 252+). */
    private final Map<String, Directive> excluded = new LinkedHashMap<>();

    private SysctlConfig() {
        super(LEGACY);
    }

    public static SysctlConfig read(SystemRoot root) {
        SysctlConfig c = new SysctlConfig();
        TreeMap<String, Path> byName = new TreeMap<>();      // file name -> the file that wins it
        TreeMap<String, String> systemPaths = new TreeMap<>();
        for (String dir : DIRECTORIES) {
            Optional<Path> d = root.resolve(dir, "/");
            if (d.isEmpty() || !Files.isDirectory(d.get())) {
                continue;
            }
            try (Stream<Path> s = Files.list(d.get())) {
                for (Path p : s.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".conf") && !byName.containsKey(name)) {
                        Optional<Path> f = root.resolve(dir + "/" + name, "/");
                        byName.put(name, f.orElse(p));
                        systemPaths.put(name, dir + "/" + name);
                    }
                }
            } catch (IOException e) {
                c.problems.add(ConfigProblem.unreadable(dir, 0, "cannot list: " + IncludedFiles.reason(e)));
            }
        }
        List<String[]> order = new ArrayList<>();
        for (var e : byName.entrySet()) {
            order.add(new String[] {systemPaths.get(e.getKey()), e.getValue().toString()});
        }
        root.resolve(LEGACY, "/").ifPresent(p -> order.add(new String[] {LEGACY, p.toString()}));
        for (String[] f : order) {
            Path disk = Path.of(f[1]);
            boolean special = SystemRoot.exists(disk) && !Files.isDirectory(disk) && !root.systemPath(disk).equals("/dev/null");
            if (!SystemRoot.isFile(disk) && !special) {
                if (!f[0].equals(LEGACY)) {
                    c.problems.add(new ConfigProblem(f[0], 0, "not a readable file (dangling link?)"));
                }
                continue;
            }
            c.file(root, f[0], disk);
        }
        return c;
    }

    private void file(SystemRoot root, String systemPath, Path disk) {
        List<String> lines;
        try {
            lines = new String(root.read(disk), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            // a FIFO, a file over the size limit, an unreadable file: never audited as if empty
            problems.add(ConfigProblem.unreadable(systemPath, (e instanceof SystemRoot.NotRead ? "" : "cannot read: ")
                    + IncludedFiles.reason(e)));
            return;
        }
        filesRead.add(systemPath);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 && line.startsWith("-") && line.indexOf(' ') < 0) {
                // "-net.ipv4.conf.all.rp_filter": keep this name out of every glob (systemd's own 50-default.conf does)
                excluded.put(normalize(line.substring(1)), new Directive(line, "", systemPath, i + 1));
                continue;
            }
            if (eq < 0) {
                problems.add(ConfigProblem.malformed(systemPath, i + 1, "no '=' in \"" + line + "\"; line ignored"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (key.startsWith("-")) {
                key = key.substring(1);
            }
            String value = line.substring(eq + 1).strip();
            Directive d = new Directive(key, value, systemPath, i + 1);
            if (key.indexOf('*') >= 0 || key.indexOf('?') >= 0) {
                globs.add(d);
            } else {
                assignments.computeIfAbsent(normalize(key), k -> new ArrayList<>()).add(d);
            }
        }
    }

    /**
     * A glob over the dotted name: {@code *} and {@code ?} stay within one component. Linear in the
     * name (the glob is written in a file of the audited tree); a glob glob(3) would not read matches nothing.
     */
    static boolean globMatches(String glob, String name) {
        try {
            return chuan.util.Glob.compile(glob, chuan.util.Glob.Syntax.SYSCTL).matches(name);
        } catch (chuan.util.Glob.Invalid e) {
            return false;
        }
    }

    /** {@code net/ipv4/ip_forward} and {@code net.ipv4.ip_forward} name the same parameter. */
    static String normalize(String key) {
        return key.replace('/', '.');
    }

    /** Every parameter a file sets, sorted by name. */
    public List<EffectiveSetting> all() {
        return assignments.keySet().stream().sorted().map(k -> effective(k).orElseThrow()).toList();
    }

    /**
     * The value applied at boot, with the assignments it overrode; empty when no file sets the key.
     * As systemd-sysctl applies them: a name assigned explicitly is never touched by a glob; a glob
     * ({@code net.ipv4.conf.*.rp_filter}) sets every other name it matches, unless a {@code -name}
     * line excluded that name.
     */
    public Optional<EffectiveSetting> effective(String key) {
        List<Directive> all = assignments.get(normalize(key));
        if (all == null && !excluded.containsKey(normalize(key))) {
            all = globs.stream().filter(g -> globMatches(normalize(g.keyword()), normalize(key))).toList();
            all = all.isEmpty() ? null : all;
        }
        if (all == null) {
            return Optional.empty();
        }
        Directive last = all.get(all.size() - 1);
        return Optional.of(new EffectiveSetting(normalize(key), last.value(), last, all.subList(0, all.size() - 1)));
    }



    @Override
    public List<Scoped> lookup(String key) {
        Directive out = assignments.containsKey(normalize(key)) ? null : excluded.get(normalize(key));
        if (out != null) {
            return List.of(new Scoped(null, new EffectiveSetting(key, null, null, List.of()),
                    "kept out of every glob by " + out.keyword() + " at " + out.origin()));
        }
        return EffectiveConfig.global(key, effective(key));
    }

}
