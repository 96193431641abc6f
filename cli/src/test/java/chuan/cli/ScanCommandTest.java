package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan command, in-process: exit codes, formats, and one-line errors for bad input. */
class ScanCommandTest {

    static final Path FIXTURES = Path.of("../checks/src/test/resources/fixtures");
    static final String PROFILE = FIXTURES.resolve("people.yaml").toString();

    @Test
    void failingDataExitsOneAndSaysWhy() {
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString(), "--as-of", "2025-06-30");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("DATA-UNIQUE").contains("Gate: FAILED (--fail-on low), exit code 1");
        assertThat(r.out()).doesNotContain("\u001b[");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void cleanDataExitsZero() {
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-clean.csv").toString(), "--as-of", "2025-06-30");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Gate: PASSED");
    }

    @Test
    void failOnRaisesTheBar() {
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString(),
                "--as-of", "2025-06-30", "--fail-on", "critical");
        assertThat(r.exit()).isZero();
        assertThat(CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString(),
                "--fail-on", "never").exit()).isZero();
    }

    @Test
    void jsonGoesToStdoutOrAFileAndTheConsoleStaysOnItsOwn(@TempDir Path dir) throws Exception {
        CliRunner stdout = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString(), "-f", "json");
        assertThat(Reports.parse(stdout.out()).summary().exitCode()).isEqualTo(1);
        Path file = dir.resolve("out/report.json");
        CliRunner both = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString(),
                "-f", "console", "-f", "json=" + file);
        assertThat(both.out()).contains("Summary");
        assertThat(Reports.read(file).results()).isNotEmpty();
    }

    @Test
    void maxExamplesCapsExamplesNotCounts() {
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString(), "-f", "json",
                "--max-examples", "1");
        AuditReport report = Reports.parse(r.out());
        assertThat(report.results()).isNotEmpty().allSatisfy(res -> assertThat(res.examples()).hasSizeLessThanOrEqualTo(1));
        assertThat(Reports.result(report, "DATA-UNIQUE").violations()).isEqualTo(2);
    }

    @Test
    void personalDataIsMaskedUnlessRevealed() {
        String masked = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString(), "-f", "json",
                "--max-examples", "0").out();
        assertThat(masked).doesNotContain("079203012345").contains("0792******45");
        String revealed = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString(), "-f", "json",
                "--reveal-personal-data").out();
        assertThat(revealed).contains("079203012345");
    }

    @Test
    void asOfMovesToday() {
        String path = FIXTURES.resolve("people-defects.csv").toString();
        String in2025 = CliRunner.run("scan", "-p", PROFILE, path, "-f", "json", "--as-of", "2025-06-30").out();
        String in2032 = CliRunner.run("scan", "-p", PROFILE, path, "-f", "json", "--as-of", "2032-01-01").out();
        assertThat(rangeViolations(in2025)).isEqualTo(1);
        assertThat(rangeViolations(in2032)).isZero();
    }

    private static long rangeViolations(String json) {
        return Reports.results(Reports.parse(json), "DATA-RANGE").stream().filter(r -> "born".equals(r.field())).findFirst()
                .orElseThrow(() -> new AssertionError("no DATA-RANGE result for born")).violations();
    }

    @Test
    void badFlagsAreUsageErrors() {
        CliRunner unknown = CliRunner.run("scan", "--frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--frobnicate'").doesNotContain("Exception");
        assertThat(CliRunner.run("scan", "--fail-on", "severe", ".").exit()).isEqualTo(2);
        assertThat(CliRunner.run("scan", "--as-of", "30/06/2025", ".").err()).contains("--as-of: '30/06/2025' is not a date");
        assertThat(CliRunner.run("scan", "-f", "pdf", ".").err()).contains("unknown report format 'pdf'");
        assertThat(CliRunner.run("scan", "-f", "json", "-f", "console", ".").err()).contains("at most one");
        assertThat(CliRunner.run("scan", "--max-examples", "-1", ".").exit()).isEqualTo(2);
    }

    @Test
    void aMissingPathIsAOneLineConfigurationError() {
        CliRunner r = CliRunner.run("scan", "does/not/exist");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("chuan: configuration error: does/not/exist: no such file or directory");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aDirectoryWithNothingToAuditIsAConfigurationError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRunner r = CliRunner.run("scan", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to audit");
    }

    @Test
    void anInvalidProfileNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("bad.yaml");
        Files.writeString(p, "profile: x\nversion: '1'\ntitle: X\nkind: dataset\ndataset:\n  columns:\n    - name: a\n      pattern: '(a'\n");
        CliRunner r = CliRunner.run("scan", "-p", p.toString(), FIXTURES.resolve("people-clean.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("chuan: configuration error: " + p + ":8:16: pattern does not compile");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void unreadableInputsExitThreeWithALocatedMessage() {
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-invalid-utf8.csv").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().strip()).matches("chuan: error: .*people-invalid-utf8\\.csv:3:16: invalid UTF-8: byte 0xE1 .*\\(record 2\\)");
        CliRunner empty = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-empty.csv").toString());
        assertThat(empty.exit()).isEqualTo(3);
        assertThat(empty.err()).contains("people-empty.csv").contains("empty");
    }

    @Test
    void aBinaryFileIsNamedAndExitsThree(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("people.csv");
        Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0, 20, 0});
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, f.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(f + ": binary file");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aHeaderOnlyFileFailsTheGateInsteadOfPassingQuietly() {
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, FIXTURES.resolve("people-header-only.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("DATA-NO-RECORDS");
    }

    @Test
    void quietPrintsNothingButTheExitCodeSpeaks() {
        CliRunner r = CliRunner.run("scan", "-q", "-p", PROFILE, FIXTURES.resolve("people-defects.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }
}
