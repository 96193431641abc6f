package chuan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.gate.FailOn;
import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Target;
import chuan.report.AuditListener;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning (which profile applies to which file) and the gate, through the library facade. */
class AuditTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private static AuditReport run(List<Path> inputs, List<String> profiles, FailOn failOn) throws IOException {
        return new Audit(RuleCatalog.builtIn(), "test").run(new AuditRequest(inputs, profiles, LocalDate.of(2025, 6, 30),
                failOn, 20, false, 2), new AuditListener() { });
    }

    private static Path project(Path dir) throws IOException {
        Path profiles = Files.createDirectories(dir.resolve(".chuan/profiles"));
        Files.copy(FIXTURES.resolve("people.yaml"), profiles.resolve("people.yaml"));
        return dir;
    }

    @Test
    void projectProfilesApplyByTheirGlobsAndHiddenFilesAreSkipped(@TempDir Path dir) throws IOException {
        project(dir);
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(FIXTURES.resolve("people-clean.csv"), dir.resolve("sub/people-a.csv"));
        Files.copy(FIXTURES.resolve("people-clean.csv"), dir.resolve("people-b.csv"));
        Files.copy(FIXTURES.resolve("people-clean.csv"), dir.resolve("other.csv"));
        Files.createDirectories(dir.resolve(".hidden"));
        Files.copy(FIXTURES.resolve("people-defects.csv"), dir.resolve(".hidden/people-c.csv"));
        Files.copy(FIXTURES.resolve("people-defects.csv"), dir.resolve(".people-d.csv"));
        AuditReport r = run(List.of(dir), List.of(), FailOn.parse("low").orElseThrow());
        assertThat(r.targets()).extracting(Target::path)
                .containsExactly(dir + "/people-b.csv", dir + "/sub/people-a.csv");
        assertThat(r.summary().exitCode()).isZero();
        assertThat(r.summary().gate()).isEqualTo(chuan.model.GateDecision.PASSED);
    }

    @Test
    void symbolicLinksOutOfTheScannedDirectoryAreNotFollowed(@TempDir Path dir) throws IOException {
        Path root = project(Files.createDirectories(dir.resolve("root")));
        Path outside = Files.copy(FIXTURES.resolve("people-defects.csv"), dir.resolve("people-outside.csv"));
        Files.createSymbolicLink(root.resolve("people-link.csv"), outside);
        Files.copy(FIXTURES.resolve("people-clean.csv"), root.resolve("people-in.csv"));
        AuditReport r = run(List.of(root), List.of(), FailOn.parse("low").orElseThrow());
        assertThat(r.targets()).extracting(Target::path).containsExactly(root + "/people-in.csv");
    }

    @Test
    void theGateFollowsFailOn() throws IOException {
        Path f = FIXTURES.resolve("people-defects.csv");
        String p = FIXTURES.resolve("people.yaml").toString();
        assertThat(run(List.of(f), List.of(p), FailOn.parse("low").orElseThrow()).summary().exitCode()).isEqualTo(1);
        assertThat(run(List.of(f), List.of(p), FailOn.parse("critical").orElseThrow()).summary().exitCode()).isZero();
        AuditReport never = run(List.of(f), List.of(p), FailOn.NEVER);
        assertThat(never.summary().exitCode()).isZero();
        assertThat(never.summary().failOn()).isEqualTo("never");
        assertThat(never.summary().bySeverity().get("high")).isEqualTo(2L);
    }

    @Test
    void aWarningNeverFailsTheGate() throws IOException {
        AuditReport r = run(List.of(FIXTURES.resolve("people-defects.csv")), List.of(FIXTURES.resolve("people.yaml").toString()),
                new FailOn(Severity.INFO));
        assertThat(r.results()).anySatisfy(x -> assertThat(x.status()).isEqualTo(Status.WARN));
        assertThat(r.summary().byStatus().get("warn")).isEqualTo(1L);
    }

    @Test
    void anUnreadableInputOutranksTheGate() throws IOException {
        AuditReport r = run(List.of(FIXTURES.resolve("people-invalid-utf8.csv")), List.of(FIXTURES.resolve("people.yaml").toString()),
                FailOn.NEVER);
        assertThat(r.summary().exitCode()).isEqualTo(3);
        assertThat(r.summary().gate()).isEqualTo(chuan.model.GateDecision.FAILED);
        assertThat(r.targets().get(0).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void missingPathsUnknownProfilesAndNothingToAuditAreConfigurationErrors(@TempDir Path dir) throws IOException {
        AuditReport missing = run(List.of(dir.resolve("nope")), List.of(), FailOn.NEVER);
        assertThat(missing.summary().exitCode()).isEqualTo(2);
        assertThat(missing.errors()).singleElement().extracting(AuditError::message).isEqualTo("no such file or directory");
        AuditReport unknown = run(List.of(dir), List.of("no.such.profile"), FailOn.NEVER);
        assertThat(unknown.errors().get(0).message()).contains("no such profile");
        AuditReport nothing = run(List.of(dir), List.of(), FailOn.NEVER);
        assertThat(nothing.errors().get(0).message()).startsWith("nothing to audit");
        assertThat(nothing.summary().exitCode()).isEqualTo(2);
    }

    @Test
    void anInvalidProjectProfileStopsTheAuditWithItsPosition(@TempDir Path dir) throws IOException {
        Path profiles = Files.createDirectories(dir.resolve(".chuan/profiles"));
        Files.writeString(profiles.resolve("bad.yaml"), "profile: x\nversion: '1'\ntitle: X\nkind: dataset\nbogus: 1\n");
        Files.copy(FIXTURES.resolve("people-clean.csv"), dir.resolve("people.csv"));
        AuditReport r = run(List.of(dir), List.of(), FailOn.NEVER);
        assertThat(r.summary().exitCode()).isEqualTo(2);
        assertThat(r.targets()).isEmpty();
        assertThat(r.errors().get(0).oneLine()).endsWith("bad.yaml:5:1: unknown key 'bogus'");
    }

    @Test
    void listenersHearEveryTargetAndTheEnd() throws IOException {
        List<String> events = new ArrayList<>();
        new Audit(RuleCatalog.builtIn(), "t").run(new AuditRequest(List.of(FIXTURES.resolve("people-clean.csv"),
                FIXTURES.resolve("people-defects.csv")), List.of(FIXTURES.resolve("people.yaml").toString()),
                LocalDate.of(2025, 6, 30), FailOn.NEVER, 20, false, 1), new AuditListener() {
                    @Override
                    public void targetFinished(Target t, List<chuan.model.Result> results, List<AuditError> errors) {
                        events.add("target " + Path.of(t.path()).getFileName());
                    }

                    @Override
                    public void auditFinished(AuditReport report) {
                        events.add("finished " + report.targets().size());
                    }
                });
        assertThat(events).containsExactly("target people-clean.csv", "target people-defects.csv", "finished 2");
    }

    @Test
    void aTargetsStatusIsItsWorstResultWhateverTheirOrder() {
        chuan.model.Result fail = chuan.model.Result.of("R-1", "t", chuan.model.Severity.LOW).on("x", null)
                .status(chuan.model.Status.FAIL).counted(1, 1).build();
        chuan.model.Result error = fail.withStatus(chuan.model.Status.ERROR, "not read");
        chuan.model.Result warn = fail.withStatus(chuan.model.Status.WARN, null);
        assertThat(Audit.targetStatus(java.util.List.of(fail, error), java.util.List.of())).isEqualTo(chuan.model.Status.ERROR);
        assertThat(Audit.targetStatus(java.util.List.of(error, fail), java.util.List.of())).isEqualTo(chuan.model.Status.ERROR);
        assertThat(Audit.targetStatus(java.util.List.of(warn, fail), java.util.List.of())).isEqualTo(chuan.model.Status.FAIL);
        assertThat(Audit.targetStatus(java.util.List.of(warn), java.util.List.of())).isEqualTo(chuan.model.Status.WARN);
    }
}
