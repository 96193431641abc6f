package chuan.config.linux;

import chuan.config.ConfigProblem;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which files set kernel parameters at boot, in the order they are applied.
 *
 * <p>systemd-sysctl reads every {@code *.conf} of the sysctl.d directories (hidden names aside), a
 * name in an earlier directory hiding the same name in later ones (a link to {@code /dev/null} there
 * masks it), all in the byte order of their names. {@code /etc/sysctl.conf} is not among them: it is
 * read only where a sysctl.d entry links to it, at that entry's place (Debian's and Red Hat's
 * {@code /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf}), so a later drop-in beats it. On a system
 * that boots without systemd (procps' {@code sysctl --system}, from sysvinit's {@code /etc/init.d/procps}
 * or OpenRC's {@code /etc/init.d/sysctl}), {@code /etc/sysctl.conf} is read after every sysctl.d file.
 */
final class SysctlFiles {

    /** In precedence order: a name in an earlier directory hides it in the later ones. */
    static final List<String> DIRECTORIES = List.of("/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d",
            "/usr/lib/sysctl.d", "/lib/sysctl.d");
    static final String LEGACY = "/etc/sysctl.conf";

    /** What shows systemd-sysctl runs at boot; the init scripts that run procps' sysctl --system instead. */
    private static final List<String> SYSTEMD = List.of("/usr/lib/systemd/systemd-sysctl", "/lib/systemd/systemd-sysctl",
            "/usr/lib/systemd/system/systemd-sysctl.service", "/lib/systemd/system/systemd-sysctl.service");
    private static final List<String> PROCPS = List.of("/etc/init.d/procps", "/etc/init.d/sysctl");

    /** A file to read: its system path as the directory lists it, and where it is on disk. */
    record Entry(String systemPath, Path disk) {
    }

    private SysctlFiles() {
    }

    /** The files in the order systemd-sysctl (or procps) applies them; why others are skipped goes to {@code problems}. */
    static List<Entry> list(SystemRoot root, List<ConfigProblem> problems) {
        TreeMap<byte[], String> byName = new TreeMap<>(Arrays::compareUnsigned); // name -> the directory that wins it
        for (String dir : DIRECTORIES) {
            Optional<Path> d = root.resolve(dir, "/");
            if (d.isEmpty() || !Files.isDirectory(d.get())) {
                continue;
            }
            try (Stream<Path> s = Files.list(d.get())) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".conf") && !name.startsWith(".")) {
                        byName.putIfAbsent(name.getBytes(StandardCharsets.UTF_8), dir);
                    }
                }
            } catch (IOException e) {
                problems.add(ConfigProblem.unreadable(dir, 0, "cannot list: " + chuan.config.IncludedFiles.reason(e)));
            }
        }
        Optional<Path> devNull = root.resolve("/dev/null", "/");
        Optional<Path> legacy = root.resolve(LEGACY, "/");
        List<Entry> out = new ArrayList<>();
        boolean legacyRead = false;
        for (var e : byName.entrySet()) {
            String path = e.getValue() + "/" + new String(e.getKey(), StandardCharsets.UTF_8);
            Optional<Path> disk = root.resolve(path, "/");
            if (disk.isEmpty()) {
                problems.add(new ConfigProblem(path, 0, "a link that leads nowhere inside the root; not read"));
            } else if (disk.equals(devNull)) {
                continue; // masked: nothing of this name is read
            } else if (Files.isDirectory(disk.get())) {
                problems.add(new ConfigProblem(path, 0, "a folder, not a file; systemd-sysctl cannot read it and skips it"));
            } else if (!SystemRoot.exists(disk.get())) {
                problems.add(new ConfigProblem(path, 0, "not a readable file (dangling link?); not read"));
            } else {
                out.add(new Entry(path, disk.get()));
                legacyRead |= disk.equals(legacy);
            }
        }
        if (!legacyRead && legacy.isPresent() && SystemRoot.isFile(legacy.get())) {
            if (bootsWithProcps(root)) {
                out.add(new Entry(LEGACY, legacy.get()));
            } else {
                problems.add(new ConfigProblem(LEGACY, 0, "not applied at boot: systemd-sysctl reads only the sysctl.d "
                        + "directories and no file there links to it (Debian and Red Hat ship /etc/sysctl.d/99-sysctl.conf"
                        + " -> ../sysctl.conf)"));
            }
        }
        return out;
    }

    /** A root without systemd-sysctl whose init runs procps' sysctl --system (sysvinit, OpenRC). */
    private static boolean bootsWithProcps(SystemRoot root) {
        return SYSTEMD.stream().noneMatch(p -> exists(root, p)) && PROCPS.stream().anyMatch(p -> exists(root, p));
    }

    private static boolean exists(SystemRoot root, String path) {
        return root.resolve(path, "/").map(Files::exists).orElse(false);
    }
}
