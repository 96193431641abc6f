package chuan.config;

import chuan.util.Glob;
import chuan.util.SmallFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory audited as if it were {@code /} (a checked-out repository, an extracted image, a
 * mounted disk): paths inside configs, absolute or relative, and symbolic links found on the way
 * resolve inside it, the way they would after a {@code chroot}. {@code ..} stops at the root and an
 * absolute link target starts again from the root, so nothing outside the root is ever read.
 * Files are then read by {@link #read}, which opens every folder on the way and the file itself
 * without following links, so a link swapped in between the check and the read fails the read
 * instead of leaving the root; only regular files are opened (never a FIFO, device or socket), and
 * only up to a size limit.
 */
public final class SystemRoot {

    private static final int MAX_LINKS = 40; // as the kernel's ELOOP limit
    /** The largest configuration file read unless the user says otherwise: far above any real one. */
    public static final long DEFAULT_MAX_FILE_SIZE = 64L << 20;

    private final Path root;
    private final long maxFileSize;

    public SystemRoot(Path root) throws IOException {
        this(root, DEFAULT_MAX_FILE_SIZE);
    }

    public SystemRoot(Path root, long maxFileSize) throws IOException {
        this.root = root.toRealPath();
        this.maxFileSize = maxFileSize;
    }

    /** Why a file inside the root was not read although it is there: not a regular file, too large, or swapped for a link. */
    public static final class NotRead extends IOException {
        private static final long serialVersionUID = 1L;

        NotRead(String message) {
            super(message);
        }
    }

    /**
     * The bytes of a file that {@link #resolve} found (a path with no link left in it), opened folder
     * by folder from the root with no link followed. Throws {@link NotRead} for a FIFO, device,
     * socket or directory (never opened: a FIFO would block the audit), a file over the size limit,
     * or a path that became a link since it was resolved; {@link java.nio.file.NoSuchFileException}
     * when it is not there.
     */
    public byte[] read(Path resolved) throws IOException {
        Path abs = resolved.toAbsolutePath().normalize();
        if (!abs.startsWith(root) || abs.equals(root)) {
            throw new NotRead("outside the audited root");
        }
        Path rel = root.relativize(abs);
        try (DirectoryStream<Path> top = Files.newDirectoryStream(root)) {
            if (!(top instanceof SecureDirectoryStream<Path> dir)) {
                return readChecked(abs); // no openat() here: check the real path, then read
            }
            return readUnder(dir, rel, 0);
        }
    }

    private byte[] readUnder(SecureDirectoryStream<Path> dir, Path rel, int i) throws IOException {
        Path name = rel.getName(i);
        if (i < rel.getNameCount() - 1) {
            try (SecureDirectoryStream<Path> sub = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                return readUnder(sub, rel, i + 1);
            } catch (java.nio.file.FileSystemException e) {
                if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
                    throw e;
                }
                throw new NotRead("a folder on its path changed while it was read (" + e.getReason() + ")");
            }
        }
        BasicFileAttributes a = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        check(a, rel);
        try (SeekableByteChannel ch = dir.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
             InputStream in = Channels.newInputStream(ch)) {
            return limited(in);
        } catch (java.nio.file.FileSystemException e) {
            if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
                throw e;
            }
            throw new NotRead("changed while it was read (" + e.getReason() + ")");
        }
    }

    private byte[] readChecked(Path abs) throws IOException {
        if (!abs.toRealPath().startsWith(root)) {
            throw new NotRead("its path leads outside the audited root");
        }
        check(Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), abs);
        try (InputStream in = Files.newInputStream(abs, LinkOption.NOFOLLOW_LINKS)) {
            return limited(in);
        }
    }

    private void check(BasicFileAttributes a, Path where) throws NotRead {
        if (a.isSymbolicLink()) {
            throw new NotRead("became a symbolic link while it was read");
        }
        if (a.isDirectory()) {
            throw new NotRead("is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new NotRead("is " + special(root.resolve(where)) + ", not a regular file; not opened");
        }
        if (a.size() > maxFileSize) {
            throw new NotRead("is " + SmallFiles.human(a.size()) + ", over the " + SmallFiles.human(maxFileSize)
                    + " limit for a configuration file (--max-file-size)");
        }
    }

    private byte[] limited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxFileSize + 1));
        if (bytes.length > maxFileSize) {
            throw new NotRead("grew over the " + SmallFiles.human(maxFileSize) + " limit while it was read (--max-file-size)");
        }
        return bytes;
    }

    /** A FIFO, a device or a socket, as an auditor would name it. */
    private static String special(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /** Whether something (of any kind) is at a resolved path. */
    public static boolean exists(Path resolved) {
        return Files.exists(resolved, LinkOption.NOFOLLOW_LINKS);
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
        Glob matcher;
        try {
            matcher = Glob.compile(glob, Glob.Syntax.POSIX); // linear: the glob comes from a file inside the tree
        } catch (Glob.Invalid e) {
            throw new InvalidGlob(e.getMessage());
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir.get())) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") || glob.startsWith("."))
                    .filter(matcher::matches).sorted().toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
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

    /** A glob written in a configuration that glob(3) would not read as one (an unclosed {@code [}). */
    public static final class InvalidGlob extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidGlob(String message) {
            super(message);
        }
    }

    /** Whether a file name holds glob characters. */
    public static boolean isGlob(String name) {
        return Glob.hasWildcards(name);
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
