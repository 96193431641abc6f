package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --max-examples 0 the CSV lists every violation, streamed during the scan, as the examples would. */
class StreamingCsvTest {

    static final String DATA = "../checks/src/test/resources/bench/citizens-2000.csv";

    @Test
    void everyViolationIsStreamedInTheOrderOfTheResults(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("all.csv");
        Path json = dir.resolve("all.json");
        CliRunner r = CliRunner.run("scan", "-p", "vn.citizen-register", DATA, "--as-of", "2025-06-30", "-q",
                "--max-examples", "0", "-f", "csv=" + csv, "-f", "json=" + json);
        assertThat(r.exit()).isEqualTo(1);
        long violations = Reports.read(json).results().stream().filter(res -> res.status() != chuan.model.Status.PASS)
                .mapToLong(res -> res.examples().size()).sum();
        assertThat(Files.readAllLines(csv)).hasSize((int) violations + 1);
        assertThat(violations).isEqualTo(100);
        Path rendered = dir.resolve("rendered.csv");
        assertThat(CliRunner.run("render", json.toString(), "-f", "csv=" + rendered).exit()).isZero();
        assertThat(Files.readAllBytes(rendered)).as("the streamed CSV equals the one rendered from all examples")
                .isEqualTo(Files.readAllBytes(csv));
    }

    @Test
    void theCsvStillListsEverythingWhenNoOtherReportNeedsAllExamples(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("only.csv");
        CliRunner.run("scan", "-p", "vn.citizen-register", DATA, "--as-of", "2025-06-30", "-q", "--max-examples", "0",
                "-f", "csv=" + csv, "-f", "markdown=" + dir.resolve("s.md"));
        assertThat(Files.readAllLines(csv)).hasSize(101);
        assertThat(Files.readString(csv)).doesNotContain("chuan-csv");
    }
}
