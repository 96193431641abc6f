package chuan.audit;

import chuan.config.ConfigFormat;
import chuan.config.SystemRoot;
import chuan.config.check.ConfigControl;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a control's files inside a system root. Plain paths resolve like the system would (links
 * followed, never out of the root); globs are matched against one walk of the root that follows no
 * link, skips the kernel's virtual file systems and version-control folders, and keeps each file
 * that resolves inside the root.
 */
final class ConfigFiles {

    private static final Set<String> SKIP_TOP = Set.of("proc", "sys", "dev", "run");
    private static final Set<String> SKIP_ANY = Set.of(".git", ".hg", ".svn", "node_modules");

    private final SystemRoot root;
    private final java.util.Map<String, List<String>> matched = new java.util.HashMap<>();
    private final java.util.Map<List<String>, List<String>> located = new java.util.HashMap<>();
    /** Per glob, the folders its walk could not list or files whose kind it could not read: what they hold was not audited. */
    private final java.util.Map<String, List<String>> unreadable = new java.util.HashMap<>();

    ConfigFiles(SystemRoot root) {
        this.root = root;
    }

    /** The system paths ({@code /etc/...}) the control reads; for a daemon, its main file when installed. */
    List<String> locate(ConfigControl c) throws IOException {
        if (!c.format().readsNamedFiles() && c.paths().isEmpty()) {
            return firstMarker(root, c.format()).map(m -> List.of("/" + m)).orElse(List.of());
        }
        List<String> known = located.get(c.searchPaths());
        if (known != null) {
            return known; // controls of one profile share their paths: the tree is matched once
        }
        List<String> out = new ArrayList<>();
        List<String> excluded = c.searchPaths().stream().filter(x -> x.startsWith("!")).map(x -> x.substring(1)).toList();
        for (String pattern : c.searchPaths()) {
            if (pattern.startsWith("!")) {
                continue;
            }
            if (!SystemRoot.isGlob(pattern)) {
                Optional<Path> p = root.resolve(pattern, "/");
                if (p.isPresent() && SystemRoot.isFile(p.get()) && !out.contains("/" + pattern)) {
                    out.add("/" + pattern);
                }
                continue;
            }
            for (String rel : matches(pattern)) {
                if (!out.contains("/" + rel)) {
                    Optional<Path> p = root.resolve(rel, "/");
                    if (p.isPresent() && SystemRoot.isFile(p.get())) {
                        out.add("/" + rel);
                    }
                }
            }
        }
        if (!excluded.isEmpty()) {
            out.removeIf(f -> Globs.anyMatches(excluded, f.substring(1)));
        }
        located.put(c.searchPaths(), out);
        return out;
    }

    /**
     * The folders and files under a control's globs that could not be read (a non-root auditor meets
     * {@code /root} and {@code /etc/ssl/private}), as system paths: a secret or a configuration there
     * would have gone unseen, so the control is not a pass. Only after {@link #locate}.
     */
    List<String> unreadable(ConfigControl c) {
        List<String> out = new ArrayList<>();
        for (String g : c.searchPaths()) {
            for (String u : unreadable.getOrDefault(g, List.of())) {
                if (!out.contains(u)) {
                    out.add(u);
                }
            }
        }
        return out;
    }

    /** The folders of a glob before its first wildcard: {@code etc} for {@code etc/**}, "" for {@code **}{@code /x}. */
    static String literalPrefix(String glob) {
        String[] parts = glob.split("/");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length - 1 && !SystemRoot.isGlob(parts[i]) && !parts[i].contains("{"); i++) {
            b.append(b.length() == 0 ? "" : "/").append(parts[i]);
        }
        return b.toString();
    }

    /**
     * Matches every glob of these controls against the tree in as few walks as possible: one per
     * top-most folder before a wildcard ({@code etc} for {@code etc/**}, the whole root for
     * {@code **}{@code /application.properties}), keeping only the files that match.
     */
    void prepare(List<ConfigControl> controls) throws IOException {
        java.util.TreeSet<String> globs = new java.util.TreeSet<>();
        for (ConfigControl c : controls) {
            if (c.format().readsNamedFiles() || !c.paths().isEmpty()) {
                c.searchPaths().stream().filter(x -> !x.startsWith("!") && SystemRoot.isGlob(x) && !matched.containsKey(x))
                        .forEach(globs::add);
            }
        }
        java.util.Map<String, List<String>> byTop = new java.util.TreeMap<>();
        for (String g : globs) {
            byTop.computeIfAbsent(literalPrefix(g), k -> new ArrayList<>()).add(g);
        }
        // a folder below another one's walk is matched in that walk
        List<String> tops = new ArrayList<>();
        for (String prefix : byTop.keySet()) {
            if (tops.stream().noneMatch(t -> t.isEmpty() || prefix.equals(t) || prefix.startsWith(t + "/"))) {
                tops.add(prefix);
            }
        }
        for (String top : tops) {
            List<String> group = new ArrayList<>();
            byTop.forEach((prefix, gs) -> {
                if (top.isEmpty() || prefix.equals(top) || prefix.startsWith(top + "/")) {
                    group.addAll(gs);
                }
            });
            walk(top, group);
        }
    }

    /** The files under the root a glob matches, relative to the root, sorted. */
    private List<String> matches(String glob) throws IOException {
        if (!matched.containsKey(glob)) {
            walk(literalPrefix(glob), List.of(glob));
        }
        return matched.get(glob);
    }

    /** Walks a folder of the root (not following links, the folder itself included) and records each glob's matches. */
    private void walk(String prefix, List<String> globs) throws IOException {
        List<chuan.util.Glob> names = new ArrayList<>();
        for (String g : globs) {
            String last = g.substring(g.lastIndexOf('/') + 1);
            names.add(last.contains("**") ? null : chuan.util.Glob.compile(last, chuan.util.Glob.Syntax.PATH));
            matched.put(g, new ArrayList<>());
            unreadable.put(g, new ArrayList<>());
        }
        Path top = root.root();
        Path start = prefix.isEmpty() ? top : top.resolve(prefix);
        if (Files.isDirectory(start, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    if (!dir.equals(top) && name != null && (SKIP_ANY.contains(name.toString())
                            || dir.getParent().equals(top) && SKIP_TOP.contains(name.toString()))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path fileName = file.getFileName();
                    String rel = null;
                    for (int i = 0; i < globs.size(); i++) {
                        // the file name first: cheap, and it rules out nearly every file of an image
                        if (names.get(i) != null && !names.get(i).matches(fileName.toString())) {
                            continue;
                        }
                        rel = rel != null ? rel : top.relativize(file).toString().replace('\\', '/');
                        if (Globs.anyMatches(List.of(globs.get(i)), rel)) {
                            matched.get(globs.get(i)).add(rel);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // a folder this auditor cannot list may hold what the globs look for: say so, never pass over it
                    String rel = top.relativize(file).toString().replace('\\', '/');
                    for (String g : globs) {
                        if (mayHold(g, rel)) {
                            unreadable.get(g).add("/" + rel);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        globs.forEach(g -> matched.get(g).sort(null));
    }

    /** Whether a glob could match something at or below a relative path: it reaches that deep, or crosses folders. */
    private static boolean mayHold(String glob, String rel) {
        if (glob.contains("**")) {
            return true;
        }
        int depth = rel.split("/").length;
        return glob.split("/").length >= depth;
    }

    /** Whether a format's program is installed here: one of its marker paths exists. */
    static boolean installed(SystemRoot root, ConfigFormat format) {
        return firstMarker(root, format).isPresent();
    }

    /** The first of a format's marker paths (relative to the root) that exists inside the root. */
    private static Optional<String> firstMarker(SystemRoot root, ConfigFormat format) {
        for (String marker : format.markers()) {
            Optional<Path> p = root.resolve(marker, "/");
            if (p.isPresent() && Files.exists(p.get())) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }
}
