package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.IncludedFiles;
import chuan.config.ReadConfig;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Time synchronisation as the installed client sees it: chrony (its file, {@code include} globs,
 * {@code confdir} and {@code sourcedir} directories), else ntpd or ntpsec, else systemd-timesyncd
 * ({@code NTP=}, falling back to {@code FallbackNTP=}). One key is computed: {@code servers}, the
 * time sources configured, set by the first line that names one; a client's own keys are also there
 * ({@code makestep}, {@code NTP}, ...).
 */
public final class NtpConfig extends ReadConfig {

    private static final List<String> CHRONY = List.of("/etc/chrony/chrony.conf", "/etc/chrony.conf");
    private static final List<String> NTPD = List.of("/etc/ntpsec/ntp.conf", "/etc/ntp.conf");

    private final List<Directive> directives = new ArrayList<>();
    private SystemdConf timesyncd;

    private NtpConfig(String mainFile) {
        super(mainFile);
    }

    public static NtpConfig read(SystemRoot root) {
        for (String f : CHRONY) {
            if (exists(root, f)) {
                NtpConfig c = new NtpConfig(f);
                c.chrony(root, new IncludedFiles(root, "include", c.problems, c.filesRead), f, null, 0);
                return c;
            }
        }
        for (String f : NTPD) {
            if (exists(root, f)) {
                NtpConfig c = new NtpConfig(f);
                c.chrony(root, new IncludedFiles(root, "includefile", c.problems, c.filesRead), f, null, 0);
                return c;
            }
        }
        NtpConfig c = new NtpConfig("/etc/systemd/timesyncd.conf");
        c.timesyncd = SystemdConf.read(root, "timesyncd", SystemdConf.TIMESYNCD);
        return c;
    }

    private static boolean exists(SystemRoot root, String f) {
        Optional<Path> p = root.resolve(f, "/");
        return p.isPresent() && SystemRoot.exists(p.get()) && !java.nio.file.Files.isDirectory(p.get());
    }

    /** chrony's and ntpd's line format: a keyword and its arguments, {@code #} or {@code !} comments. */
    private void chrony(SystemRoot root, IncludedFiles files, String systemPath, Directive by, int depth) {
        Optional<IncludedFiles.Opened> opened = files.open(systemPath, by);
        if (opened.isEmpty() || depth > 8) {
            return;
        }
        List<String> lines = opened.get().text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!") || line.startsWith(";")) {
                continue;
            }
            String[] w = line.split("\\s+", 2);
            Directive d = new Directive(w[0].toLowerCase(Locale.ROOT), w.length > 1 ? w[1] : "", opened.get().where(), i + 1);
            switch (d.keyword()) {
                case "include", "includefile" -> glob(root, files, d.value(), "*", d, depth);
                case "confdir" -> {
                    for (String dir : d.value().split("\\s+")) {
                        glob(root, files, dir, "*.conf", d, depth);
                    }
                }
                case "sourcedir" -> {
                    for (String dir : d.value().split("\\s+")) {
                        glob(root, files, dir, "*.sources", d, depth);
                    }
                }
                default -> directives.add(d);
            }
        }
        files.close(opened.get());
    }

    private void glob(SystemRoot root, IncludedFiles files, String path, String defaultGlob, Directive by, int depth) {
        int slash = path.lastIndexOf('/');
        boolean isGlob = SystemRoot.isGlob(path.substring(slash + 1));
        String dir = isGlob ? path.substring(0, Math.max(slash, 1)) : path;
        String name = isGlob ? path.substring(slash + 1) : defaultGlob;
        try {
            Optional<List<String>> found = root.glob(dir, name);
            if (found.isEmpty() && !isGlob && !defaultGlob.equals("*")) {
                return; // chrony ignores a missing confdir or sourcedir (/run/chrony-dhcp exists only at run time)
            }
            if (found.isEmpty() && !isGlob) {
                chrony(root, files, path, by, depth + 1);
                return;
            }
            for (String f : found.orElse(List.of())) {
                chrony(root, files, f, by, depth + 1);
            }
        } catch (IOException e) {
            problems.add(ConfigProblem.unreadable(by.file(), by.line(), by.keyword() + " " + path + ": "
                    + (e instanceof SystemRoot.InvalidGlob ? "" : "cannot list: ") + IncludedFiles.reason(e)));
        }
    }

    @Override
    public List<Scoped> lookup(String key) {
        if (timesyncd != null) {
            if (!key.equals("servers")) {
                return timesyncd.lookup(key);
            }
            EffectiveSetting ntp = timesyncd.lookup("NTP").get(0).setting();
            if (ntp.value() != null && !ntp.value().isBlank()) {
                return List.of(new Scoped(null, new EffectiveSetting(key, ntp.value(), ntp.from(), List.of())));
            }
            EffectiveSetting fallback = timesyncd.lookup("FallbackNTP").get(0).setting();
            String v = fallback.value() == null || fallback.value().isBlank() ? null : fallback.value();
            return List.of(new Scoped(null, new EffectiveSetting(key, v, fallback.from(), List.of()),
                    "systemd-timesyncd: no NTP=, so FallbackNTP= is used"));
        }
        if (key.equals("servers")) {
            List<Directive> sources = directives.stream()
                    .filter(d -> d.keyword().equals("server") || d.keyword().equals("pool") || d.keyword().equals("peer"))
                    .toList();
            if (sources.isEmpty()) {
                return List.of(new Scoped(null, new EffectiveSetting(key, null, null, List.of()), "no server, pool or peer line"));
            }
            String names = String.join(" ", sources.stream().map(d -> d.value().split("\\s+")[0]).toList());
            return List.of(new Scoped(null, new EffectiveSetting(key, names, sources.get(0), List.of())));
        }
        List<Directive> own = directives.stream().filter(d -> d.keyword().equalsIgnoreCase(key)).toList();
        return own.isEmpty() ? List.of(new Scoped(null, new EffectiveSetting(key, null, null, List.of())))
                : List.of(new Scoped(null, new EffectiveSetting(key, own.get(0).value(), own.get(0), own.subList(1, own.size()))));
    }

    @Override
    public List<String> filesRead() {
        return timesyncd != null ? timesyncd.filesRead() : super.filesRead();
    }

    @Override
    public List<ConfigProblem> problems() {
        return timesyncd != null ? timesyncd.problems() : super.problems();
    }
}
