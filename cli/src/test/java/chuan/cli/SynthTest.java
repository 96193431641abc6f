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
    /** Profiles that say how their files are written (title rows, a two-row header, UTF-16, CRLF, decimal commas) get such files. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gso-population", "business-households", "budget-execution"})
    void synthWritesFilesAsTheProfileSaysTheyAreWritten(String profile, @TempDir Path dir) throws Exception {
        Path p = Path.of("../samples/.chuan/profiles/" + profile + ".yaml");
        Path clean = dir.resolve("clean.csv");
        CliRunner r = CliRunner.run("synth", "-p", p.toString(), "--rows", "80", "--seed", "5", "--as-of", "2026-11-27",
                "-o", clean.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        CliRunner scan = CliRunner.run("scan", "-p", p.toString(), "--as-of", "2026-11-27", clean.toString());
        assertThat(scan.exit()).as(scan.out()).isZero();
        assertThat(scan.out()).contains("80 records");

        Path faulty = dir.resolve("faulty.csv");
        assertThat(CliRunner.run("synth", "-p", p.toString(), "--rows", "80", "--seed", "5", "--error-rate", "0.2",
                "--as-of", "2026-11-27", "-o", faulty.toString()).exit()).isZero();
        java.util.Set<String> truth = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(dir.resolve("faulty.csv.truth.csv")).subList(1, Files.readAllLines(
                dir.resolve("faulty.csv.truth.csv")).size())) {
            String[] f = line.split(",");
            truth.add(f[0] + " " + f[3]);
        }
        assertThat(truth).isNotEmpty();
        chuan.model.AuditReport report = Reports.parse(CliRunner.run("scan", "-p", p.toString(), "--as-of", "2026-11-27",
                "--max-examples", "0", "-f", "json", faulty.toString()).out());
        // "row rule" of every example of a result that counts (info findings are not defects)
        java.util.Set<String> found = report.results().stream().filter(res -> res.severity() != chuan.model.Severity.INFO)
                .flatMap(res -> res.examples().stream().filter(v -> v.row() != null).map(v -> v.row() + " " + res.rule()))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        assertThat(found).isEqualTo(truth);
    }
}
