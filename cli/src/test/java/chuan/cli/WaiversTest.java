package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waivers: a waived result keeps its evidence and no longer fails; expired, unused and unknown ones are reported. */
class WaiversTest {

    static final String PROFILE = "../checks/src/test/resources/fixtures/people.yaml";
    static final String DATA = "../checks/src/test/resources/fixtures/people-defects.csv";

    /** The first result of the rule (on the field, when one is given). */
    private static Result find(AuditReport report, String rule, String field) {
        return report.results().stream().filter(r -> r.rule().equals(rule) && (field == null || field.equals(r.field())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + rule));
    }

    private static Path waivers(Path dir, String body) throws Exception {
        Path f = dir.resolve("waivers.yaml");
        Files.writeString(f, body);
        return f;
    }

    /** Every failing rule of the fixture, waived until a date, so the gate passes. */
    private static String all(String expires) {
        StringBuilder sb = new StringBuilder("waivers:\n");
        for (String rule : new String[] {"DATA-PATTERN", "DATA-REQUIRED", "DATA-ENUM", "DATA-TYPE", "DATA-RANGE", "DATA-UNIQUE",
            "DATA-NFC", "DATA-LENGTH", "DATA-DUPLICATE-ROWS"}) {
            sb.append("  - rule: ").append(rule).append("\n    paths: [\"**/people-*.csv\"]\n    reason: accepted for the test\n")
                    .append("    owner: qa\n    expires: ").append(expires).append('\n');
        }
        return sb.toString();
    }

    @Test
    void waivedResultsKeepTheirEvidenceAndDoNotFailTheGate(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, DATA, "--as-of", "2025-06-30", "-f", "json",
                "--waivers", waivers(dir, all("2025-12-31")).toString());
        assertThat(r.exit()).isZero();
        AuditReport report = Reports.parse(r.out());
        Result unique = find(report, "DATA-UNIQUE", "id");
        assertThat(unique.status()).isEqualTo(Status.WAIVED);
        assertThat(unique.violations()).isEqualTo(2);
        assertThat(unique.examples()).hasSize(2);
        assertThat(unique.waiver().reason()).isEqualTo("accepted for the test");
        assertThat(unique.waiver().source()).contains("waivers.yaml:");
        assertThat(Reports.count(report, Status.FAIL)).isZero();
    }

    @Test
    void anExpiredWaiverNoLongerWaivesAndIsReported(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, DATA, "--as-of", "2026-01-15", "-f", "json",
                "--waivers", waivers(dir, all("2025-12-31")).toString());
        assertThat(r.exit()).isEqualTo(1);
        AuditReport report = Reports.parse(r.out());
        assertThat(find(report, "DATA-UNIQUE", "id").status()).isEqualTo(Status.FAIL);
        Result expired = find(report, "CHUAN-WAIVER-EXPIRED", null);
        assertThat(expired.status()).isEqualTo(Status.WARN);
        assertThat(expired.violations()).isEqualTo(9);
    }

    @Test
    void unusedAndUnknownWaiversAreWarningsOrStrictErrors(@TempDir Path dir) throws Exception {
        Path f = waivers(dir, "waivers:\n  - rule: DATA-ENUM\n    paths: [\"nowhere/*.csv\"]\n    reason: stale\n"
                + "  - rule: DATA-NOPE\n    paths: [\"**\"]\n    reason: typo\n");
        CliRunner warn = CliRunner.run("scan", "-p", PROFILE, DATA, "-f", "json", "--waivers", f.toString(), "--fail-on", "never");
        assertThat(warn.exit()).isZero();
        AuditReport report = Reports.parse(warn.out());
        assertThat(find(report, "CHUAN-WAIVER-UNUSED", null).status()).isEqualTo(Status.WARN);
        assertThat(Reports.firstExample(find(report, "CHUAN-WAIVER-UNKNOWN-RULE", null)).line()).isEqualTo(5);
        CliRunner strict = CliRunner.run("scan", "-p", PROFILE, DATA, "--waivers", f.toString(), "--fail-on", "never",
                "--strict-waivers");
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.err()).contains("waivers.yaml:2: matches no finding").contains("waivers.yaml:5: no rule DATA-NOPE");
    }

    @Test
    void badWaiverFilesAreLocatedConfigurationErrors(@TempDir Path dir) throws Exception {
        Path f = waivers(dir, "waivers:\n  - rule: DATA-ENUM\n    paths: [\"**\"]\n    reson: typo\n");
        CliRunner r = CliRunner.run("scan", "-p", PROFILE, DATA, "--waivers", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("waivers.yaml:4:5: unknown key 'reson'").contains("reason");
    }

    @Test
    void waiversShowInSarifAndJunit(@TempDir Path dir) throws Exception {
        Path sarif = dir.resolve("r.sarif");
        Path junit = dir.resolve("r.xml");
        CliRunner.run("scan", "-p", PROFILE, DATA, "--as-of", "2025-06-30", "-q", "-f", "sarif=" + sarif, "-f", "junit=" + junit,
                "--waivers", waivers(dir, all("2025-12-31")).toString());
        JSONObject res = new JSONObject(Files.readString(sarif)).getJSONArray("runs").getJSONObject(0).getJSONArray("results")
                .getJSONObject(0);
        assertThat(res.getJSONArray("suppressions").getJSONObject(0).getString("justification")).contains("accepted for the test");
        assertThat(Files.readString(junit)).contains("<skipped message=\"waived: accepted for the test (owner qa), until 2025-12-31\"");
    }
}
