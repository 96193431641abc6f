package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import chuan.model.Severity;
import chuan.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agency's own config controls are rules like the built-in ones: overridden, waived and shown. */
class OwnControlsTest {

    private static final String CONTROLS = "kind: config\nconfig:\n  controls:\n"
            + "    - {id: AGENCY-SSH-BANNER, title: SSH shows the agency's banner, severity: low, format: sshd, key: Banner,\n"
            + "       expect: {equals: /etc/issue.net}}\n"
            + "    - {id: SSH-X11-FORWARDING, format: sshd, key: X11Forwarding, expect: {equals: 'no'}}\n";

    private static Path root(Path dir) throws Exception {
        Path f = dir.resolve("root/etc/ssh/sshd_config");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "X11Forwarding yes\n");
        return dir.resolve("root");
    }

    @Test
    void rulesOverridesOfAConfigProfileAreAppliedOrRefused(@TempDir Path dir) throws Exception {
        Path root = root(dir);
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, "profile: agency\nversion: '1'\ntitle: Agency\nrules:\n  AGENCY-SSH-BANNER: {severity: critical}\n"
                + "  SSH-X11-FORWARDING: {enabled: false}\n" + CONTROLS);
        CliRunner r = CliRunner.run("scan", root.toString(), "-p", p.toString(), "-f", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        AuditReport report = Reports.parse(r.out());
        assertThat(Reports.result(report, "AGENCY-SSH-BANNER").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(Reports.results(report, "SSH-X11-FORWARDING")).isEmpty();

        Files.writeString(p, "profile: agency\nversion: '1'\ntitle: Agency\nrules:\n  SSH-ROOT-LOGIN: {severity: low}\n" + CONTROLS);
        CliRunner refused = CliRunner.run("scan", root.toString(), "-p", p.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("p.yaml:5:").contains("'SSH-ROOT-LOGIN' is not a control of this profile");
    }

    @Test
    void anOwnControlIsWaivedAndShownLikeABuiltInRule(@TempDir Path dir) throws Exception {
        Path root = root(dir);
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, "profile: agency\nversion: '1'\ntitle: Agency\n" + CONTROLS);
        Path waivers = dir.resolve("w.yaml");
        Files.writeString(waivers, "waivers:\n  - rule: AGENCY-SSH-BANNER\n    paths: ['**']\n    reason: banner ships next release\n");
        CliRunner r = CliRunner.run("scan", root.toString(), "-p", p.toString(), "-f", "json", "--waivers", waivers.toString(),
                "--strict-waivers");
        assertThat(r.err()).doesNotContain("unknown").doesNotContain("no rule");
        AuditReport report = Reports.parse(r.out());
        assertThat(Reports.result(report, "AGENCY-SSH-BANNER").status()).isEqualTo(Status.WAIVED);
        assertThat(Reports.result(report, "CHUAN-WAIVER-UNKNOWN-RULE").status()).isEqualTo(Status.PASS);

        CliRunner shell = ShellTest.shell("scan " + root + " -p " + p + " -q --no-progress\nshow agency-ssh-banner\n");
        assertThat(shell.err()).doesNotContain("no rule");
        assertThat(shell.out()).contains("AGENCY-SSH-BANNER SSH shows the agency's banner");
    }
}
