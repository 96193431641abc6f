package chuan.config.sshd;

import chuan.config.ConfigProblem;
import chuan.config.Directive;
import chuan.config.EffectiveSetting;
import chuan.config.SystemRoot;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The configuration sshd really runs with, read from a system root the way OpenSSH reads it:
 * {@code Include} expands its globs in lexical order at the point where it stands (relative
 * paths from {@code /etc/ssh}), the first value read for a keyword wins and later ones are
 * ignored (except keywords that accumulate, such as {@code AllowUsers}), {@code Match} blocks are
 * conditional scopes that run to the next {@code Match} or the end of the file they are in, and a
 * keyword never set takes its compiled-in default. So a drop-in's {@code PasswordAuthentication yes}
 * read before the main file's {@code no} is what sshd uses.
 */
public final class SshdConfig {

    public static final String MAIN = "/etc/ssh/sshd_config";
    private static final int MAX_DEPTH = 16; // OpenSSH's SERVCONF_MAX_DEPTH

    /** Keywords whose every occurrence adds to the value instead of the first one winning. */
    private static final Set<String> ACCUMULATE = Set.of("acceptenv", "allowgroups", "allowusers", "denygroups", "denyusers",
            "hostkey", "hostcertificate", "listenaddress", "port", "setenv", "subsystem");

    /** A {@code Match} block: its criteria, where it starts, and the directives inside it. */
    public record MatchBlock(String criteria, Directive start, List<Directive> directives) {
    }

    private final List<Directive> global = new ArrayList<>();
    private final List<MatchBlock> matches = new ArrayList<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> filesRead = new ArrayList<>();
    private final Map<String, EffectiveSetting> effective = new LinkedHashMap<>();

    private SshdConfig() {
    }

    /** Reads {@code /etc/ssh/sshd_config} and what it includes, inside the root. */
    public static SshdConfig read(SystemRoot root) {
        SshdConfig c = new SshdConfig();
        new Reader(root, c).file(MAIN, null, 0, new HashSet<>(), null);
        c.settle();
        return c;
    }

    private void settle() {
        Map<String, List<Directive>> byKey = new LinkedHashMap<>();
        for (Directive d : global) {
            byKey.computeIfAbsent(d.keyword().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
        }
        for (var e : byKey.entrySet()) {
            List<Directive> all = e.getValue();
            if (ACCUMULATE.contains(e.getKey())) {
                StringBuilder value = new StringBuilder();
                for (Directive d : all) {
                    value.append(value.length() == 0 ? "" : " ").append(d.value());
                }
                effective.put(e.getKey(), new EffectiveSetting(e.getKey(), value.toString(), all.get(0), List.of()));
            } else {
                effective.put(e.getKey(), new EffectiveSetting(e.getKey(), all.get(0).value(), all.get(0),
                        all.subList(1, all.size())));
            }
        }
    }

    /** The value sshd uses outside any Match block, with its origin; the compiled-in default when unset. */
    public Optional<EffectiveSetting> effective(String keyword) {
        String key = keyword.toLowerCase(Locale.ROOT);
        EffectiveSetting set = effective.get(key);
        if (set != null) {
            return Optional.of(set);
        }
        String def = SshdDefaults.of(key);
        return def == null ? Optional.empty() : Optional.of(new EffectiveSetting(key, def, null, List.of()));
    }

    public List<MatchBlock> matchBlocks() {
        return List.copyOf(matches);
    }

    /** Missing includes, unreadable files, loops: each named with its file and line; never fatal. */
    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /** The system paths of the files read, in reading order. */
    public List<String> filesRead() {
        return List.copyOf(filesRead);
    }

    /** Reads files, following includes. */
    private record Reader(SystemRoot root, SshdConfig into) {

        void file(String systemPath, MatchBlock scope, int depth, Set<Path> open, Directive includedBy) {
            Optional<Path> disk = root.resolve(systemPath, "/");
            if (disk.isEmpty() || !SystemRoot.isFile(disk.get())) {
                into.problems.add(includedBy == null ? new ConfigProblem(systemPath, 0, "not found")
                        : new ConfigProblem(includedBy.file(), includedBy.line(), "Include " + systemPath + ": no such file"));
                return;
            }
            if (!open.add(disk.get())) {
                into.problems.add(new ConfigProblem(includedBy.file(), includedBy.line(), "Include " + systemPath
                        + " includes itself (loop); not read again"));
                return;
            }
            List<String> lines;
            try {
                lines = lines(disk.get());
            } catch (IOException e) {
                into.problems.add(new ConfigProblem(systemPath, 0, "cannot read: " + e.getMessage()));
                open.remove(disk.get());
                return;
            }
            String where = root.systemPath(disk.get()); // the file that holds the lines, links followed
            into.filesRead.add(where);
            MatchBlock current = scope;
            for (int i = 0; i < lines.size(); i++) {
                List<String> words = SshdTokens.split(lines.get(i));
                if (words.isEmpty()) {
                    continue;
                }
                String keyword = words.get(0);
                String value = String.join(" ", words.subList(1, words.size()));
                Directive d = new Directive(keyword, value, where, i + 1);
                switch (keyword.toLowerCase(Locale.ROOT)) {
                    case "include" -> {
                        if (depth + 1 > MAX_DEPTH) {
                            into.problems.add(new ConfigProblem(where, i + 1, "Include nested deeper than " + MAX_DEPTH));
                            continue;
                        }
                        for (String pattern : words.subList(1, words.size())) {
                            include(pattern, d, current, depth, open);
                        }
                    }
                    case "match" -> {
                        current = new MatchBlock(value, d, new ArrayList<>());
                        into.matches.add(current);
                    }
                    default -> (current == null ? into.global : current.directives()).add(d);
                }
            }
            open.remove(disk.get());
        }

        /** One Include argument: a file or a glob in its last path component, expanded in lexical order. */
        private void include(String pattern, Directive at, MatchBlock scope, int depth, Set<Path> open) {
            String path = pattern.startsWith("/") ? pattern : "/etc/ssh/" + pattern;
            int slash = path.lastIndexOf('/');
            String dir = slash == 0 ? "/" : path.substring(0, slash);
            String name = path.substring(slash + 1);
            if (!hasGlob(name)) {
                if (hasGlob(dir)) {
                    into.problems.add(new ConfigProblem(at.file(), at.line(), "Include " + pattern
                            + ": wildcards in directory names are not followed"));
                    return;
                }
                file(path, scope, depth + 1, open, at);
                return;
            }
            Optional<Path> disk = root.resolve(dir, "/");
            if (disk.isEmpty() || !Files.isDirectory(disk.get())) {
                into.problems.add(new ConfigProblem(at.file(), at.line(), "Include " + pattern + ": no such directory " + dir));
                return;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
            List<String> names;
            try (Stream<Path> s = Files.list(disk.get())) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") || name.startsWith("."))
                        .filter(n -> matcher.matches(Path.of(n))).sorted().toList();
            } catch (IOException e) {
                into.problems.add(new ConfigProblem(at.file(), at.line(), "Include " + pattern + ": cannot list " + dir));
                return;
            }
            for (String n : names) { // sshd does not complain when a glob matches nothing
                String child = (dir.equals("/") ? "" : dir) + "/" + n;
                Optional<Path> f = root.resolve(child, "/");
                if (f.isPresent() && !Files.isDirectory(f.get())) {
                    file(child, scope, depth + 1, open, at);
                }
            }
        }

        private static boolean hasGlob(String s) {
            return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
        }

        private static List<String> lines(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file); // config files are small; sshd itself reads them whole
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().lines().toList();
            } catch (CharacterCodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1).lines().toList();
            }
        }
    }
}
