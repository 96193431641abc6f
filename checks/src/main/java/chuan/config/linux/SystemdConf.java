package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A systemd daemon's configuration ({@code journald.conf}, {@code timesyncd.conf}) as
 * systemd.conf(5) reads it: the main file, then the drop-ins of every {@code NAME.conf.d/}
 * directory in lexical order of their file names (a name in {@code /etc} hides the same name in
 * {@code /run} and {@code /usr/lib}); a later assignment wins. Keys are {@code Section.Key} or just
 * {@code Key}; the daemon's compiled-in defaults apply to keys never assigned.
 */
public final class SystemdConf extends ReadConfig {

    private static final List<String> DROP_IN_BASES = List.of("/etc/systemd", "/run/systemd", "/usr/local/lib/systemd",
            "/usr/lib/systemd");

    private final SystemRoot root;
    private final Map<String, String> defaults;
    private final Map<String, List<Directive>> assignments = new LinkedHashMap<>();

    private SystemdConf(SystemRoot root, String mainFile, Map<String, String> defaults) {
        super(mainFile);
        this.root = root;
        this.defaults = defaults;
    }

    /** journald's defaults (journald.conf(5), systemd 252). */
    public static final Map<String, String> JOURNALD = Map.of("Journal.Storage", "auto", "Journal.Compress", "yes",
            "Journal.MaxRetentionSec", "0", "Journal.MaxFileSec", "1month", "Journal.ForwardToSyslog", "no",
            "Journal.Seal", "yes");

    /** timesyncd's defaults; Debian compiles in its pool as the fallback servers. */
    public static final Map<String, String> TIMESYNCD = Map.of("Time.NTP", "",
            "Time.FallbackNTP", "0.debian.pool.ntp.org 1.debian.pool.ntp.org 2.debian.pool.ntp.org 3.debian.pool.ntp.org");

    /** Reads {@code /etc/systemd/NAME.conf} and its drop-ins. */
    public static SystemdConf read(SystemRoot root, String name, Map<String, String> defaults) {
        SystemdConf c = new SystemdConf(root, "/etc/systemd/" + name + ".conf", defaults);
        IncludedFiles files = new IncludedFiles(root, "drop-in", c.problems, c.filesRead);
        Optional<java.nio.file.Path> main = root.resolve(c.mainFile(), "/");
        if (main.isPresent() && SystemRoot.exists(main.get())) {
            c.file(files, c.mainFile());
        }
        TreeMap<String, String> dropIns = new TreeMap<>();
        for (String base : DROP_IN_BASES) {
            try {
                for (String f : root.glob(base + "/" + name + ".conf.d", "*.conf").orElse(List.of())) {
                    dropIns.putIfAbsent(f.substring(f.lastIndexOf('/') + 1), f);
                }
            } catch (IOException e) {
                c.problems.add(ConfigProblem.unreadable(base + "/" + name + ".conf.d", 0, "cannot list: " + IncludedFiles.reason(e)));
            }
        }
        dropIns.values().forEach(f -> c.file(files, f));
        return c;
    }

    private void file(IncludedFiles files, String systemPath) {
        Optional<IncludedFiles.Opened> opened = files.open(systemPath, null);
        if (opened.isEmpty()) {
            return;
        }
        List<String> lines = opened.get().text().lines().toList();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    problems.add(ConfigProblem.malformed(opened.get().where(), i + 1, "section header without \"]\""));
                    continue;
                }
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(ConfigProblem.malformed(opened.get().where(), i + 1, "no '=' in \"" + line + "\""));
                continue;
            }
            String key = section + "." + line.substring(0, eq).strip();
            assignments.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Directive(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), opened.get().where(), i + 1));
        }
        files.close(opened.get());
    }

    /**
     * Besides the keys as written, journald's two computed ones: {@code retention}, MaxRetentionSec
     * with its 0 read as "no time limit" ({@code infinity}), and {@code storage-effective}, where
     * journals really go: Storage=auto means persistent only when /var/log/journal exists.
     */
    @Override
    public List<Scoped> lookup(String key) {
        if (key.equals("retention")) {
            Scoped s = lookup("MaxRetentionSec").get(0);
            String v = s.setting().value();
            boolean unlimited = v == null || v.strip().equals("0");
            return List.of(new Scoped(null, new EffectiveSetting(key, unlimited ? "infinity" : v, s.setting().from(),
                    s.setting().ignored()), unlimited ? "MaxRetentionSec " + (v == null ? "unset" : "0") + ": no time limit" : null));
        }
        if (key.equals("storage-effective")) {
            Scoped s = lookup("Storage").get(0);
            String v = s.setting().value() == null ? "auto" : s.setting().value().strip().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("auto")) {
                boolean dir = root.resolve("/var/log/journal", "/").map(java.nio.file.Files::isDirectory).orElse(false);
                return List.of(new Scoped(null, new EffectiveSetting(key, dir ? "persistent" : "volatile", s.setting().from(),
                        List.of()), "Storage=auto and " + (dir ? "/var/log/journal exists" : "no /var/log/journal: kept in memory only")));
            }
            return List.of(new Scoped(null, new EffectiveSetting(key, v, s.setting().from(), List.of())));
        }
        String full = key.contains(".") ? key : assignments.keySet().stream().filter(k -> k.endsWith("." + key)).findFirst()
                .orElse(defaults.keySet().stream().filter(k -> k.endsWith("." + key)).findFirst().orElse("." + key));
        List<Directive> all = assignments.get(full);
        if (all == null) {
            return List.of(new Scoped(null, new EffectiveSetting(key, defaults.get(full), null, List.of())));
        }
        Directive last = all.get(all.size() - 1);
        return List.of(new Scoped(null, new EffectiveSetting(key, last.value(), last, all.subList(0, all.size() - 1))));
    }



}
