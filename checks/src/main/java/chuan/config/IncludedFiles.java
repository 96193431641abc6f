package chuan.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the files of a configuration that includes others, inside a system root: a missing file
 * or an include loop becomes a problem at the including line (in the daemon's own word,
 * {@code Include} or {@code include}), and the files read are listed in reading order.
 */
public final class IncludedFiles {

    /** A file being read: its system path (links followed) and its text. */
    public record Opened(String where, String text, Path disk) {
    }

    private final SystemRoot root;
    private final String includeWord;
    private final List<ConfigProblem> problems;
    private final List<String> filesRead;
    private final Set<Path> open = new HashSet<>();

    public IncludedFiles(SystemRoot root, String includeWord, List<ConfigProblem> problems, List<String> filesRead) {
        this.root = root;
        this.includeWord = includeWord;
        this.problems = problems;
        this.filesRead = filesRead;
    }

    /** Opens the file, or records why not; {@code includedBy} is null for the main file. Pair with {@link #close}. */
    public Optional<Opened> open(String systemPath, Directive includedBy) {
        Optional<Path> disk = root.resolve(systemPath, "/");
        if (disk.isEmpty() || !SystemRoot.exists(disk.get())) {
            problems.add(includedBy == null ? new ConfigProblem(systemPath, 0, "not found")
                    : new ConfigProblem(includedBy.file(), includedBy.line(), includeWord + " " + systemPath + ": no such file"));
            return Optional.empty();
        }
        if (!open.add(disk.get())) {
            problems.add(new ConfigProblem(includedBy.file(), includedBy.line(), includeWord + " " + systemPath
                    + " includes itself (loop); not read again"));
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = root.read(disk.get()); // config files are small; daemons read them whole too
        } catch (IOException e) {
            // there but not readable (permissions, a FIFO, too large, swapped for a link): never audited as if empty
            String why = (e instanceof SystemRoot.NotRead ? "" : "cannot read: ") + reason(e);
            problems.add(includedBy == null ? ConfigProblem.unreadable(systemPath, why)
                    : ConfigProblem.unreadable(includedBy.file(), includedBy.line(), includeWord + " " + systemPath + ": " + why));
            open.remove(disk.get());
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1); // daemons read bytes; keep every line
        }
        String where = root.systemPath(disk.get());
        filesRead.add(where);
        return Optional.of(new Opened(where, text, disk.get()));
    }

    /**
     * The files of a folder a glob names ({@code Include /etc/ssh/sshd_config.d/*.conf}), in the order
     * glob(3) gives them; empty when the folder is not there. A folder that is there but cannot be
     * listed, or a glob glob(3) would not read, is a problem at the including line that makes the
     * configuration not faithfully audited: what the folder holds could change any setting.
     */
    public List<String> glob(String directory, String name, Directive includedBy) {
        try {
            return root.glob(directory, name).orElse(List.of());
        } catch (IOException e) {
            problems.add(ConfigProblem.unreadable(includedBy.file(), includedBy.line(), includeWord + " " + directory + "/" + name
                    + ": " + (e instanceof SystemRoot.InvalidGlob ? "" : "cannot list " + directory + ": ") + reason(e)));
            return List.of();
        }
    }

    /** The reason of an I/O failure without the path again (the JDK repeats it in the message). */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file is done: including it again later is not a loop. */
    public void close(Opened file) {
        open.remove(file.disk());
    }

}
