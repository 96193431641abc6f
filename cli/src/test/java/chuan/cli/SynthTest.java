package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chuan synth: data for a profile with a truth file; the scan of it fails exactly where the truth says. */
class SynthTest {

    @Test
    void synthThenScanFindsTheDefectsAndCleanDataPasses(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("citizens.ndjson");
        CliRunner r = CliRunner.run("synth", "-p", "vn.citizen-register", "--rows", "1500", "--error-rate", "0.05",
                "--seed", "2", "--as-of", "2025-06-30", "-o", data.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1,500 rows for vn.citizen-register").contains("citizens.ndjson.truth.csv");
        long defects = Files.readAllLines(dir.resolve("citizens.ndjson.truth.csv")).size() - 1;
        assertThat(defects).isBetween(40L, 110L);
        assertThat(r.out()).contains(String.format("%,d with a defect", defects));
        assertThat(Files.readAllLines(data)).hasSize(1500).allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));

        CliRunner scan = CliRunner.run("scan", "-p", "vn.citizen-register", "--as-of", "2025-06-30", "--no-color", data.toString());
        assertThat(scan.exit()).isEqualTo(1);
        assertThat(scan.out()).contains("Gate: FAILED");

        Path clean = dir.resolve("clean.csv");
        assertThat(CliRunner.run("synth", "-p", "vn.citizen-register", "--rows", "800", "--as-of", "2025-06-30",
                "-o", clean.toString()).exit()).isZero();
        assertThat(Files.readAllLines(dir.resolve("clean.csv.truth.csv"))).containsExactly("row,column,defect,rule");
        CliRunner cleanScan = CliRunner.run("scan", "-p", "vn.citizen-register", "--as-of", "2025-06-30", clean.toString());
        assertThat(cleanScan.exit()).as(cleanScan.out()).isZero();
    }

    @Test
    void badArgumentsAreOneLineUsageErrors(@TempDir Path dir) {
        CliRunner unknown = CliRunner.run("synth", "-p", "no.such", "--rows", "10", "-o", dir.resolve("x.csv").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip()).contains("no.such").doesNotContain("\n").doesNotContain("Exception");
        CliRunner rate = CliRunner.run("synth", "-p", "vn.citizen-register", "--rows", "10", "--error-rate", "1.5",
                "-o", dir.resolve("x.csv").toString());
        assertThat(rate.exit()).isEqualTo(2);
        assertThat(rate.err()).contains("--error-rate");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}
