package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import chuan.model.Status;
import chuan.model.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline flow: scan, baseline, rescan passes; one new violation fails naming only it; lines may move. */
class BaselineTest {

    static final String PROFILE = "../checks/src/test/resources/fixtures/people.yaml";

    @Test
    void onlyNewViolationsFailTheGate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("people.csv");
        String original = Files.readString(Path.of("../checks/src/test/resources/fixtures/people-defects.csv"));
        Files.writeString(data, original);
        Path report = dir.resolve("report.json");
        assertThat(CliRunner.run("scan", "-p", PROFILE, data.toString(), "--as-of", "2025-06-30", "-q", "--max-examples", "0",
                "-f", "json=" + report).exit()).isEqualTo(1);
        Path baseline = dir.resolve(".chuan-baseline.json");
        CliRunner b = CliRunner.run("baseline", report.toString(), "-o", baseline.toString());
        assertThat(b.exit()).isZero();
        assertThat(b.out()).contains("13 violations recorded");

        CliRunner same = CliRunner.run("scan", "-p", PROFILE, data.toString(), "--as-of", "2025-06-30", "-f", "json",
                "--baseline", baseline.toString());
        assertThat(same.exit()).isZero();
        Summary.BaselineCounts counts = Reports.parse(same.out()).summary().baseline();
        assertThat(counts.newViolations()).isZero();
        assertThat(counts.unchanged()).isEqualTo(13);

        // a new record with a bad gender, and a blank line above everything: lines move, old findings stay known
        String[] lines = original.split("\n", 2);
        Files.writeString(data, lines[0] + "\n" + "079144001234,Lý Văn Nam,Nam nữ,1944-02-02,3,nam@gmail.com\n" + lines[1]);
        CliRunner worse = CliRunner.run("scan", "-p", PROFILE, data.toString(), "--as-of", "2025-06-30", "-f", "json",
                "--baseline", baseline.toString());
        assertThat(worse.exit()).isEqualTo(1);
        AuditReport report2 = Reports.parse(worse.out());
        assertThat(report2.summary().baseline().newViolations()).isEqualTo(1);
        assertThat(report2.results()).filteredOn(r -> r.status() == Status.FAIL && r.newViolations() != null && r.newViolations() > 0)
                .singleElement().satisfies(r -> {
                    assertThat(r.rule()).isEqualTo("DATA-ENUM");
                    assertThat(Reports.firstExample(r).baselineState()).isEqualTo(chuan.model.BaselineState.NEW);
                    assertThat(Reports.firstExample(r).row()).isEqualTo(1);
                });
    }

    @Test
    void fixedFindingsAreCountedAndSarifCarriesTheState(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("people.csv");
        Files.writeString(data, "id,name,gender,born,size,email\n079203012345,Lan,Nu,2003-03-12,4,lan@gmail.com\n"
                + "079088004521,Minh,Nam,1988-11-05,0,minh@yahoo.com\n");
        Path report = dir.resolve("r.json");
        CliRunner.run("scan", "-p", PROFILE, data.toString(), "-q", "--max-examples", "0", "-f", "json=" + report);
        Path baseline = dir.resolve("b.json");
        CliRunner.run("baseline", report.toString(), "-o", baseline.toString());
        Files.writeString(data, "id,name,gender,born,size,email\n079203012345,Lan,Nữ,2003-03-12,4,lan@gmail.com\n"
                + "079088004521,Minh,Nam,1988-11-05,0,minh@yahoo.com\n");
        Path sarif = dir.resolve("r.sarif");
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, data.toString(), "--baseline", baseline.toString(), "-f", "json",
                "-f", "sarif=" + sarif);
        assertThat(r.exit()).isZero();
        assertThat(Reports.parse(r.out()).summary().baseline().fixed()).isEqualTo(1);
        assertThat(Files.readString(sarif)).contains("\"baselineState\" : \"unchanged\"");
    }

    @Test
    void aBaselineNeedsEveryViolation(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("r.json");
        CliRunner.run("scan", "-p", PROFILE, "../checks/src/test/resources/fixtures/people-defects.csv", "-q",
                "--max-examples", "1", "-f", "json=" + report);
        CliRunner b = CliRunner.run("baseline", report.toString(), "-o", dir.resolve("b.json").toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("--max-examples 0");
        Files.writeString(dir.resolve("bad.json"), "{\"findings\": [");
        CliRunner bad = CliRunner.run("scan", "-p", PROFILE, "../checks/src/test/resources/fixtures/people-clean.csv",
                "--baseline", dir.resolve("bad.json").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.json:1:").contains("not a chuan baseline");
    }
}
