package chuan.config;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The versions of the programs installed in a system root, read from its package database, so that a
 * reader applies that version's compiled-in defaults (nginx enabled TLS 1.0 and 1.1 by default before
 * 1.23.4). Where a version comes from is kept, for the finding to say which version was assumed and why.
 * In order: {@code --assume-version} ({@code nginx=1.22}), dpkg's {@code /var/lib/dpkg/status}, apk's
 * {@code /lib/apk/db/installed}, then {@code /usr/share/doc}: a versioned folder ({@code nginx-1.20.1}),
 * a Debian changelog's first entry, or nginx's own CHANGES. RPM's database ({@code rpmdb.sqlite},
 * Berkeley DB before it) is not read: on RPM systems the version comes from {@code /usr/share/doc} or
 * from {@code --assume-version}.
 */
public final class InstalledVersions {

    /** A program's version and where it was learnt ({@code /var/lib/dpkg/status}, {@code --assume-version}). */
    public record Installed(String program, String version, String source) {

        /** The upstream part: {@code 1:9.2p1-2+deb12u3} is {@code 9.2p1}, {@code 1.24.0-r15} is {@code 1.24.0}. */
        public String upstream() {
            String v = version;
            int colon = v.indexOf(':');
            if (colon >= 0 && v.substring(0, colon).chars().allMatch(Character::isDigit)) {
                v = v.substring(colon + 1);
            }
            int dash = v.indexOf('-');
            return dash > 0 ? v.substring(0, dash) : v;
        }

        /** Whether the upstream version is {@code other} or later, comparing numbers ({@code 1.23.4 > 1.9}). */
        public boolean atLeast(String other) {
            return compare(upstream(), other) >= 0;
        }

        /** {@code nginx 1.22.1 from /var/lib/dpkg/status}. */
        public String describe() {
            return program + " " + version + " from " + source;
        }
    }

    /** The packages that install each program, in the names distributions give them. */
    private static final Map<String, List<String>> PACKAGES = Map.of(
            "nginx", List.of("nginx", "nginx-core", "nginx-full", "nginx-light", "nginx-extras", "nginx-common"),
            "sshd", List.of("openssh-server", "openssh"),
            "apache", List.of("apache2", "httpd", "apache2-bin"));

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*[\\w.+~:-]*");
    private static final Pattern DEBIAN_CHANGELOG = Pattern.compile("^\\S+ \\(([^)\\s]+)\\)");
    private static final Pattern NGINX_CHANGES = Pattern.compile("Changes with nginx (\\d[\\w.]*)");

    private final Map<String, Installed> found;

    private InstalledVersions(Map<String, Installed> found) {
        this.found = found;
    }

    /** Nothing known: every program's version is unknown. */
    public static InstalledVersions none() {
        return new InstalledVersions(Map.of());
    }

    /**
     * The versions in the root's package database; {@code assumed} ({@code program -> version}, from
     * {@code --assume-version}) wins over it.
     */
    public static InstalledVersions read(SystemRoot root, Map<String, String> assumed) {
        Map<String, Installed> found = new LinkedHashMap<>();
        assumed.forEach((program, version) -> found.put(program, new Installed(program, version, "--assume-version")));
        for (Map.Entry<String, List<String>> p : PACKAGES.entrySet()) {
            if (!found.containsKey(p.getKey())) {
                fromPackages(root, p.getKey(), p.getValue()).ifPresent(i -> found.put(p.getKey(), i));
            }
        }
        return new InstalledVersions(found);
    }

    /** What is wrong with {@code --assume-version} values, if anything: a program chuan does not know, a version that is no version. */
    public static Optional<String> checkAssumed(Map<String, String> assumed) {
        for (Map.Entry<String, String> e : assumed.entrySet()) {
            if (!PACKAGES.containsKey(e.getKey())) {
                return Optional.of("'" + e.getKey() + "' is not one of " + String.join(", ", PACKAGES.keySet().stream().sorted().toList()));
            }
            if (!VERSION.matcher(e.getValue()).matches()) {
                return Optional.of("'" + e.getValue() + "' is not a version (such as 1.22 or 9.2p1)");
            }
        }
        return Optional.empty();
    }

    /** The program's version, if the root or the user says it. */
    public Optional<Installed> get(String program) {
        return Optional.ofNullable(found.get(program));
    }

    private static Optional<Installed> fromPackages(SystemRoot root, String program, List<String> packages) {
        String dpkg = text(root, "/var/lib/dpkg/status");
        if (dpkg != null) {
            Optional<Installed> i = dpkg(dpkg, program, packages);
            if (i.isPresent()) {
                return i;
            }
        }
        String apk = text(root, "/lib/apk/db/installed");
        if (apk != null) {
            Optional<Installed> i = apk(apk, program, packages);
            if (i.isPresent()) {
                return i;
            }
        }
        return docs(root, program, packages);
    }

    /** dpkg's status file: stanzas of {@code Field: value}; only packages whose status ends "installed". */
    static Optional<Installed> dpkg(String status, String program, List<String> packages) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String stanza : status.split("\n\\s*\n")) {
            String name = field(stanza, "Package");
            String state = field(stanza, "Status");
            String version = field(stanza, "Version");
            if (name != null && version != null && state != null && state.endsWith(" installed")) {
                versions.put(name, version);
            }
        }
        for (String p : packages) {
            if (versions.containsKey(p)) {
                return Optional.of(new Installed(program, versions.get(p), "/var/lib/dpkg/status (package " + p + ")"));
            }
        }
        return Optional.empty();
    }

    /** apk's installed database: {@code P:name} and {@code V:version} lines per package, blank lines between. */
    static Optional<Installed> apk(String db, String program, List<String> packages) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String stanza : db.split("\n\\s*\n")) {
            String name = null;
            String version = null;
            for (String line : stanza.split("\n")) {
                if (line.startsWith("P:")) {
                    name = line.substring(2).trim();
                } else if (line.startsWith("V:")) {
                    version = line.substring(2).trim();
                }
            }
            if (name != null && version != null) {
                versions.put(name, version);
            }
        }
        for (String p : packages) {
            if (versions.containsKey(p)) {
                return Optional.of(new Installed(program, versions.get(p), "/lib/apk/db/installed (package " + p + ")"));
            }
        }
        return Optional.empty();
    }

    /** {@code /usr/share/doc}: a folder named with its version, else a changelog's newest entry. */
    private static Optional<Installed> docs(SystemRoot root, String program, List<String> packages) {
        Optional<Path> doc = root.resolve("/usr/share/doc", "/");
        if (doc.isEmpty() || !Files.isDirectory(doc.get())) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(doc.get())) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
        names.sort(null);
        for (String p : packages) {
            for (String n : names) {
                if (n.startsWith(p + "-") && n.length() > p.length() + 1 && Character.isDigit(n.charAt(p.length() + 1))) {
                    return Optional.of(new Installed(program, n.substring(p.length() + 1), "/usr/share/doc/" + n));
                }
            }
            if (!names.contains(p)) {
                continue;
            }
            for (String file : List.of("changelog.Debian.gz", "changelog.Debian", "CHANGES", "CHANGES.gz")) {
                String path = "/usr/share/doc/" + p + "/" + file;
                String text = text(root, path);
                if (text == null) {
                    continue;
                }
                Matcher m = (file.startsWith("changelog") ? DEBIAN_CHANGELOG : NGINX_CHANGES).matcher(text.strip());
                if (file.startsWith("changelog") ? m.lookingAt() : m.find()) {
                    return Optional.of(new Installed(program, m.group(1), path));
                }
            }
        }
        return Optional.empty();
    }

    private static String field(String stanza, String name) {
        for (String line : stanza.split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    /** A text file of the root, gunzipped when its name ends in .gz; null when it is not there or unreadable. */
    private static String text(SystemRoot root, String systemPath) {
        Optional<Path> p = root.resolve(systemPath, "/");
        if (p.isEmpty() || !SystemRoot.isFile(p.get())) {
            return null;
        }
        // read as every file of the root is (no link followed, a regular file, bounded), then gunzipped
        try (InputStream in = systemPath.endsWith(".gz") ? new GZIPInputStream(new java.io.ByteArrayInputStream(root.read(p.get())))
                : new java.io.ByteArrayInputStream(root.read(p.get()))) {
            return new String(in.readNBytes(64 << 20), StandardCharsets.UTF_8); // package databases are megabytes, not more
        } catch (IOException e) {
            return null;
        }
    }

    /** Compares dotted versions number by number; a part's leading digits decide ({@code 9.2p1} is 9, 2). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? leadingNumber(x[i]) : 0;
            long q = i < y.length ? leadingNumber(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long leadingNumber(String s) {
        int end = 0;
        while (end < s.length() && end < 18 && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(s.substring(0, end));
    }
}
