package chuan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs chuan in a process of its own (for what an in-process run cannot show: the JVM's own exit on
 * out-of-memory, or a user without root's power to read every file), with the test's class path.
 */
record ChuanProcess(int exit, String out, String err) {

    /** As the user running the tests would, with these JVM options. */
    static ChuanProcess run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return run(List.of(), jvmOptions, args);
    }

    /**
     * As an auditor without root's power to read any file: run as root (as CI does), the process drops
     * the capabilities that let root ignore file permissions; run as another user, it is that user.
     */
    static ChuanProcess runWithoutRootPowers(String... args) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> prefix = root ? List.of("setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--")
                : List.of();
        return run(prefix, List.of(), args);
    }

    private static ChuanProcess run(List<String> prefix, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("chuan.cli.Main");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("chuan-out", ".txt");
        Path err = Files.createTempFile("chuan-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chuan did not finish in 120 s: " + String.join(" ", args));
            }
            return new ChuanProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
