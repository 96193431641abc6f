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
    private List<String> index;

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
            for (String rel : index()) {
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
        return out;
    }

    /** Every file and link under the root, relative to it, in walk order; built on first use. */
    private List<String> index() throws IOException {
        if (index != null) {
            return index;
        }
        List<String> all = new ArrayList<>();
        Path top = root.root();
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
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
        all.sort(null);
        index = all;
        return index;
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
