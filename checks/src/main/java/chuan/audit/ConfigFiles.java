package chuan.audit;

import chuan.config.SystemRoot;
import chuan.config.check.ConfigControl;
import chuan.config.check.ConfigFormat;
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
    private final java.util.Map<String, List<String>> walked = new java.util.HashMap<>();
    private final java.util.Map<List<String>, List<String>> located = new java.util.HashMap<>();

    ConfigFiles(SystemRoot root) {
        this.root = root;
    }

    /** The system paths ({@code /etc/...}) the control reads; for a daemon, its main file when installed. */
    List<String> locate(ConfigControl c) throws IOException {
        if (!c.format().readsNamedFiles() && c.paths().isEmpty()) {
            for (String marker : c.format().markers()) {
                Optional<Path> p = root.resolve(marker, "/");
                if (p.isPresent() && Files.exists(p.get())) {
                    return List.of("/" + marker);
                }
            }
            return List.of();
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
            String last = pattern.substring(pattern.lastIndexOf('/') + 1);
            java.nio.file.PathMatcher name = last.contains("**") ? null
                    : java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + last);
            for (String rel : index(literalPrefix(pattern))) {
                // the file name first: cheap, and it rules out nearly every file of an image
                if (name != null && !name.matches(Path.of(rel.substring(rel.lastIndexOf('/') + 1)))) {
                    continue;
                }
                if (Globs.anyMatches(List.of(pattern), rel) && !out.contains("/" + rel)) {
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
     * Every file and link below a folder of the root, relative to the root, sorted; each folder walked
     * once. The walk starts at the folder as written: if it is a link, it is not followed.
     */
    private List<String> index(String prefix) throws IOException {
        List<String> cached = walked.get(prefix);
        if (cached != null) {
            return cached;
        }
        List<String> all = new ArrayList<>();
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
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        all.add(top.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // unreadable corners of an image are not configuration
                }
            });
        }
        all.sort(null);
        walked.put(prefix, all);
        return all;
    }

    /** Whether a format's program is installed here: one of its marker paths exists. */
    static boolean installed(SystemRoot root, ConfigFormat format) {
        for (String marker : format.markers()) {
            Optional<Path> p = root.resolve(marker, "/");
            if (p.isPresent() && Files.exists(p.get())) {
                return true;
            }
        }
        return false;
    }
}
