package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chuan infer on a file of 20,001 columns, in a JVM held to a 64 MB heap: the memory it uses is
 * bounded by its budgets, not by the number of columns times the records, so it drafts a profile
 * (one that loads) instead of running out of memory.
 */
class WideFileInferTest {

    @Test
    void aDraftOfTwentyThousandColumnsFitsInASmallHeap(@TempDir Path dir) throws Exception {
        int columns = 20_001;
        Path wide = dir.resolve("wide.csv");
        Random r = new Random(3);
        try (BufferedWriter w = Files.newBufferedWriter(wide)) {
            for (int c = 0; c < columns; c++) {
                w.write((c == 0 ? "" : ",") + "c" + c);
            }
            w.newLine();
            for (int row = 0; row < 40; row++) {
                for (int c = 0; c < columns; c++) {
                    w.write((c == 0 ? "" : ",") + (c % 3 == 0 ? "v" + r.nextInt(1000) : String.valueOf(r.nextInt(1_000_000))));
                }
                w.newLine();
            }
        }
        Path draft = dir.resolve("wide.yaml");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), "chuan.cli.Main",
                "infer", wide.toString(), "-o", draft.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("OutOfMemoryError");
        List<String> lines = Files.readAllLines(draft);
        assertThat(lines.stream().filter(l -> l.startsWith("    - name: ")).count()).isEqualTo(columns);
        CliRunner check = CliRunner.run("profiles", "check", draft.toString());
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("20001 columns");
    }
}
