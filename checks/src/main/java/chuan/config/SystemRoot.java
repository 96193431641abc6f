package chuan.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory audited as if it were {@code /} (a checked-out repository, an extracted image, a
 * mounted disk): paths inside configs, absolute or relative, and symbolic links found on the way
 * resolve inside it, the way they would after a {@code chroot}. {@code ..} stops at the root and an
 * absolute link target starts again from the root, so nothing outside the root is ever read.
 */
public final class SystemRoot {

    private static final int MAX_LINKS = 40; // as the kernel's ELOOP limit

    private final Path root;

    public SystemRoot(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    public Path root() {
        return root;
    }

    /**
     * Where a path written in a config ({@code /etc/ssh/sshd_config.d/a.conf}, or relative to
     * {@code base}, itself a system path like {@code /etc/ssh}) is on disk, links followed within
     * the root; empty when a link loop is too deep or the path cannot name a file (a NUL byte from
     * a damaged config). The result may not exist.
     */
    public Optional<Path> resolve(String systemPath, String base) {
        if (systemPath.indexOf('\0') >= 0 || base.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String full = systemPath.startsWith("/") ? systemPath : base + "/" + systemPath;
        Deque<String> pending = new ArrayDeque<>();
        for (String part : full.split("/")) {
            if (!part.isEmpty()) {
                pending.addLast(part);
            }
        }
        Path current = root;
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next;
            try {
                next = current.resolve(part);
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.empty(); // not a name the file system can hold: nothing there to read
            }
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(next).toString();
                } catch (IOException e) {
                    return Optional.empty();
                }
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    if (!parts[i].isEmpty()) {
                        pending.addFirst(parts[i]);
                    }
                }
                if (target.startsWith("/")) {
                    current = root;
                }
                continue;
            }
            current = next;
        }
        return Optional.of(current);
    }

    /**
     * The files of a directory whose names match a glob ({@code *.conf}), as system paths in the
     * lexical order daemons expand globs in; hidden names only when the glob starts with a dot.
     * Empty when the directory is not there.
     */
    public Optional<List<String>> glob(String directory, String glob) throws IOException {
        Optional<Path> dir = resolve(directory, "/");
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return Optional.empty();
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            return Optional.of(List.of()); // a pattern glob(3) would reject matches nothing
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir.get())) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") || glob.startsWith("."))
                    .filter(n -> matcher.matches(Path.of(n))).sorted().toList();
        }
        List<String> files = new ArrayList<>();
        for (String n : names) {
            String child = (directory.equals("/") ? "" : directory) + "/" + n;
            Optional<Path> f = resolve(child, "/");
            if (f.isPresent() && !Files.isDirectory(f.get())) {
                files.add(child);
            }
        }
        return Optional.of(files);
    }

    /** Whether a file name holds glob characters. */
    public static boolean isGlob(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    /** The system path ({@code /etc/ssh/sshd_config}) of a file under the root, for reports. */
    public String systemPath(Path file) {
        Path rel = root.relativize(file.toAbsolutePath().normalize());
        return "/" + rel.toString().replace('\\', '/');
    }

    /** Whether the resolved file is a regular file (links were already followed by {@link #resolve}). */
    public static boolean isFile(Path resolved) {
        return Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS);
    }
}
