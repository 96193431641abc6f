package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONArray;
import org.json.JSONObject;
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

    private static JSONObject result(String json, String rule) {
        JSONArray results = new JSONObject(json).getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            if (results.getJSONObject(i).getString("rule").equals(rule)) {
                return results.getJSONObject(i);
            }
        }
        return null;
    }

    @Test
    void rulesOverridesOfAConfigProfileAreAppliedOrRefused(@TempDir Path dir) throws Exception {
        Path root = root(dir);
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, "profile: agency\nversion: '1'\ntitle: Agency\nrules:\n  AGENCY-SSH-BANNER: {severity: critical}\n"
                + "  SSH-X11-FORWARDING: {enabled: false}\n" + CONTROLS);
        CliRunner r = CliRunner.run("scan", root.toString(), "-p", p.toString(), "-f", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(result(r.out(), "AGENCY-SSH-BANNER").getString("severity")).isEqualTo("critical");
        assertThat(result(r.out(), "SSH-X11-FORWARDING")).isNull();

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
        assertThat(result(r.out(), "AGENCY-SSH-BANNER").getString("status")).isEqualTo("waived");
        assertThat(result(r.out(), "CHUAN-WAIVER-UNKNOWN-RULE").getString("status")).isEqualTo("pass");

        CliRunner shell = ShellTest.shell("scan " + root + " -p " + p + " -q --no-progress\nshow agency-ssh-banner\n");
        assertThat(shell.err()).doesNotContain("no rule");
        assertThat(shell.out()).contains("AGENCY-SSH-BANNER SSH shows the agency's banner");
    }
}
