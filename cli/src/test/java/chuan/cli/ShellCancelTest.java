package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in {@code chuan shell} on a real terminal: {@code script} (util-linux) gives the shell a
 * pseudo-terminal, so Ctrl-C is the terminal's interrupt signal, handled as the shell handles it.
 * The running scan is cancelled (exit code 130, the shell's when it is left next), the shell stays,
 * and the streamed CSV report leaves no temporary folder behind.
 */
class ShellCancelTest {

    @Test
    @Timeout(180)
    void ctrlCCancelsARunningScanWithExitCode130AndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("people-big.csv");
        try (var w = Files.newBufferedWriter(big)) {
            w.write("id,name,gender,born,size,email\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("0792" + String.format("%08d", i) + ",Lan,Nữ,2003-03-12,4,lan" + i + "@gmail.com\n");
            }
        }
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        Path csv = dir.resolve("all.csv");
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = String.join(" ", quote(java), quote("-Djava.io.tmpdir=" + temporary), "-cp",
                quote(System.getProperty("java.class.path")), "chuan.cli.Main", "shell", "--history", quote(dir.resolve("h").toString()));
        ProcessBuilder pb = new ProcessBuilder("script", "--quiet", "--flush", "--return", "--command", command, "/dev/null")
                .redirectErrorStream(true);
        pb.environment().put("TERM", "xterm"); // a terminal JLine drives as on an auditor's machine, whatever CI sets
        Process p = pb.start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> copy(p.getInputStream(), screen), "pty-reader");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream keys = p.getOutputStream()) {
            await(screen, "'exit' leaves.", 60);
            type(keys, "scan " + big + " -p ../checks/src/test/resources/fixtures/people.yaml --max-examples 0 -f csv=" + csv
                    + " -q\n");
            // the progress line: the scan is running, its rows streaming to a temporary folder
            await(screen, " records ", 60);
            assertThat(streamed(temporary)).as("the streamed rows' temporary folder").isNotEmpty();
            type(keys, "\u0003");
            await(screen, "cancelled", 60);
            assertThat(screen.toString()).containsPattern("chuan: scan( of \\S+)? cancelled");
            // the scan's cleanup is done before the shell reads its next command
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!streamed(temporary).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(streamed(temporary)).as("no temporary folder is left by the cancelled scan").isEmpty();
            assertThat(p.isAlive()).as("the shell stays").isTrue();
            type(keys, "exit\n");
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the shell leaves on exit").isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(screen.toString()).isEqualTo(130);
        assertThat(csv).as("no report is written for a cancelled scan").doesNotExist();
        assertThat(screen.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void copy(InputStream in, StringBuffer screen) {
        byte[] b = new byte[8192];
        try {
            for (int n; (n = in.read(b)) > 0; ) {
                screen.append(new String(b, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the terminal closed
        }
    }

    private static void await(StringBuffer screen, String text, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (screen.indexOf(text) < 0) {
            assertThat(System.nanoTime()).as("the terminal shows '%s' within %d s; it shows:%n%s", text, seconds, screen)
                    .isLessThan(until);
            Thread.sleep(50);
        }
    }

    /** The streamed CSV's temporary folders in the shell's temporary directory. */
    private static List<Path> streamed(Path temporary) throws IOException {
        try (Stream<Path> s = Files.list(temporary)) {
            return s.filter(f -> f.getFileName().toString().startsWith("chuan-csv")).toList();
        }
    }
}
