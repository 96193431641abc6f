package chuan.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where fuzz targets write their inputs: one temporary folder per JVM, a fresh sub-folder per
 * execution (removed afterwards), and beside them a file that no audit may ever read: its text holds
 * a token drawn at random for this JVM, so finding the token in any output means a read escaped.
 */
final class Scratch {

    /** Drawn per JVM: a fuzzer cannot write it into an input by chance. */
    static final String CANARY = "chuancanary" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    private static final Path BASE = create();
    private static final AtomicLong RUNS = new AtomicLong();

    private Scratch() {
    }

    private static Path create() {
        try {
            Path base = Files.createTempDirectory("chuan-fuzz");
            Path outside = Files.createDirectories(base.resolve("outside"));
            // lines every reader would take for a setting of its own, were the file ever read
            String text = String.join("\n", CANARY + " " + CANARY, CANARY + "=" + CANARY, CANARY + ": " + CANARY,
                    "PermitRootLogin " + CANARY, "[" + CANARY + "]", "<" + CANARY + ">" + CANARY + "</" + CANARY + ">", "");
            Files.writeString(outside.resolve("host.conf"), text);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(base)));
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file outside every scratch folder that must never be read. */
    static Path outsideFile() {
        return BASE.resolve("outside/host.conf");
    }

    /** A new empty folder for one execution. */
    static Path fresh() throws IOException {
        return Files.createDirectories(BASE.resolve("run-" + RUNS.incrementAndGet()));
    }

    /** Removes a folder and everything in it; links are removed, never followed. */
    static void delete(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes at a system path ({@code /etc/ssh/sshd_config}) under a root. */
    static Path write(Path root, String systemPath, byte[] bytes) throws IOException {
        Path f = root.resolve(systemPath.substring(1));
        Files.createDirectories(f.getParent());
        return Files.write(f, bytes);
    }

    /** Links a system path under the root to {@code target} (written as is: relative or absolute). */
    static void link(Path root, String systemPath, String target) throws IOException {
        Path l = root.resolve(systemPath.substring(1));
        Files.createDirectories(l.getParent());
        Files.createSymbolicLink(l, Path.of(target));
    }

    /** Whether the bytes hold the canary (then a check for it would prove nothing). */
    static boolean mentionsCanary(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(CANARY);
    }
}
