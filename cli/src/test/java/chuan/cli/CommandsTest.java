package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.gate.ExitCode;
import chuan.model.Rule;
import chuan.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** help, version, profiles and explain. */
class CommandsTest {

    @Test
    void helpListsEveryExitCode() {
        CliRunner top = CliRunner.run("--help");
        CliRunner scan = CliRunner.run("scan", "--help");
        assertThat(top.exit()).isZero();
        for (ExitCode c : ExitCode.values()) {
            assertThat(top.out()).containsPattern("(?m)^  " + c.code() + " +" + java.util.regex.Pattern.quote(c.meaning().substring(0, 20)));
            assertThat(scan.out()).containsPattern("(?m)^  " + c.code() + " +\\S");
        }
        assertThat(scan.out()).contains("--fail-on").contains("--max-examples").contains("--as-of");
    }

    @Test
    void versionIsPrinted() {
        CliRunner r = CliRunner.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("chuan ").doesNotContain("unknown");
    }

    @Test
    void profilesCheckAcceptsTheIssueExample() {
        CliRunner r = CliRunner.run("profiles", "check", "../checks/src/test/resources/profiles/example-citizens.yaml");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("ok (example.citizens 1.0.0, 6 columns, 2 dataset checks)");
    }

    @Test
    void profilesCheckPrintsEveryProblemAsFileLineColumn(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, "profile: x\nversion: '1'\ntitle: X\nkind: dataset\ncolour: red\ndataset:\n  columns:\n    - naem: a\n");
        CliRunner r = CliRunner.run("profiles", "check", p.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).contains(p + ":5:1: unknown key 'colour'")
                .anySatisfy(l -> assertThat(l).startsWith(p + ":8:").contains("naem"));
    }

    @Test
    void profilesShowDescribesAProfileFile() {
        CliRunner r = CliRunner.run("profiles", "show", "../checks/src/test/resources/profiles/example-citizens.yaml");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("example.citizens 1.0.0 (dataset)")
                .contains("id (aliases: Số định danh, cccd): string, required, unique, pattern ^[0-9]{12}$")
                .contains("completeness of email, warn < 0.95, fail < 0.8");
        assertThat(CliRunner.run("profiles", "show", "no.such").exit()).isEqualTo(2);
    }

    @Test
    void profilesListsWhatIsAvailable() {
        CliRunner r = CliRunner.run("profiles");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isNotBlank();
    }

    @Test
    void explainShowsRationaleRemediationAndReferences() {
        CliRunner r = CliRunner.run("explain", "DATA-ENCODING");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("DATA-ENCODING: File is valid UTF-8").contains("default severity: high")
                .contains("Why: ").contains("Fix: ").contains("Circular 39/2017/TT-BTTTT Annex, item 2.7");
        assertThat(CliRunner.run("explain", "data-unique").exit()).isZero();
        CliRunner unknown = CliRunner.run("explain", "NOPE-1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown rule 'NOPE-1'");
    }

    @Test
    void explainWithoutARuleListsTheCatalogue() {
        String out = CliRunner.run("explain").out();
        assertThat(RuleCatalog.builtIn().all()).hasSizeGreaterThan(50);
        for (Rule rule : RuleCatalog.builtIn().all()) {
            assertThat(out).contains(rule.id());
        }
    }

    @Test
    void profilesShowListsTheKeysAndRecordRules() {
        CliRunner keys = CliRunner.run("profiles", "show", "../samples/.chuan/profiles/household-members.yaml");
        assertThat(keys.exit()).isZero();
        assertThat(keys.out()).contains("  primary key: province_code, household_id, member_no")
                .contains("  foreign key: citizen_id -> ").contains("citizen-register-2025-06.csv (id)");
        CliRunner rules = CliRunner.run("profiles", "show", "../samples/.chuan/profiles/households.yaml");
        assertThat(rules.out()).contains("record rules (CEL):")
                .contains("household-number-matches-province [medium] when household_id.startsWith('HK-0')");
    }
}
