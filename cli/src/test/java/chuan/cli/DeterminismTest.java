package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs give the same reports, apart from timestamps and durations, whatever the thread count. */
class DeterminismTest {

    private static String scan(Path dir, String name, String threads, String format) throws Exception {
        Path out = dir.resolve(name);
        CliRunner.run("scan", "../samples", "--as-of", "2026-11-27", "-q", "--threads", threads, "--max-examples", "0",
                "--waivers", "../samples/.chuan/waivers.yaml", "-f", format + "=" + out);
        return Files.readString(out)
                .replaceAll("\"startedAt\" : \"[^\"]*\"", "")
                .replaceAll("\"durationMs\" : [0-9]+", "")
                .replaceAll("timestamp=\"[^\"]*\"", "")
                .replaceAll("time=\"[0-9.]*\"", "");
    }

    @Test
    void reportsRepeatExactly(@TempDir Path dir) throws Exception {
        for (String format : new String[] {"json", "sarif", "junit", "csv", "markdown", "html", "console"}) {
            String one = scan(dir, format + "-1", "1", format);
            String four = scan(dir, format + "-4", "4", format);
            String again = scan(dir, format + "-4b", "4", format);
            assertThat(four).as(format + " with 4 threads vs 1").isEqualTo(one);
            assertThat(again).as(format + " twice").isEqualTo(four);
        }
    }
}
