package chuan.report;

import static chuan.config.RootFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import chuan.audit.Audit;
import chuan.audit.AuditRequest;
import chuan.gate.FailOn;
import chuan.rules.RuleCatalog;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF that code scanning can place: relative locations, encoded URIs, readable rule names, honest success. */
class SarifReportTest {

    @TempDir
    Path work;

    /** Audits a system root under the working directory with the ssh profile; returns the SARIF run. */
    private JSONObject sarif(Path scanned) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Audit(RuleCatalog.builtIn(), "0.0.0-test").run(new AuditRequest(List.of(scanned), List.of("ssh"),
                LocalDate.of(2026, 1, 1), FailOn.parse("low").orElseThrow(), 20, false, 1),
                new SarifReport(() -> out, RuleCatalog.builtIn(), work));
        JSONObject log = new JSONObject(out.toString(StandardCharsets.UTF_8));
        Schema schema;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/schemas/sarif-schema-2.1.0.json"))) {
            schema = SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).build().load().build();
        }
        schema.validate(log);
        return log.getJSONArray("runs").getJSONObject(0);
    }

    private static Set<String> uris(JSONObject run) {
        Set<String> out = new HashSet<>();
        JSONArray results = run.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            JSONObject a = results.getJSONObject(i).getJSONArray("locations").getJSONObject(0)
                    .getJSONObject("physicalLocation").getJSONObject("artifactLocation");
            assertThat(a.getString("uriBaseId")).isEqualTo("%SRCROOT%");
            out.add(a.getString("uri"));
        }
        return out;
    }

    @Test
    void anAbsoluteScanOfARootUnderTheWorkingDirectoryIsPlacedRelativeToIt() throws Exception {
        Path root = work.resolve("infra/web server#1/nút");
        write(root, "/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nX11Forwarding yes\n");
        write(root, "/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication yes\n");
        JSONObject run = sarif(root.toAbsolutePath());
        // relative to the working directory, each segment percent-encoded (space, '#', UTF-8 of 'ú')
        assertThat(uris(run)).contains("infra/web%20server%231/n%C3%BAt/etc/ssh/sshd_config.d/50-cloud-init.conf",
                "infra/web%20server%231/n%C3%BAt/etc/ssh/sshd_config");
        assertThat(uris(run)).allSatisfy(u -> assertThat(u).doesNotStartWith("/").doesNotContain(" ", "#", "ú"));
        JSONObject base = run.getJSONObject("originalUriBaseIds").getJSONObject("%SRCROOT%");
        assertThat(base.getString("uri")).startsWith("file:///").endsWith("/");
        assertThat(base.getString("uri")).isEqualTo("file://" + SarifReport.encode(work.toAbsolutePath().normalize().toString())
                + "/");
        assertThat(run.getJSONArray("invocations").getJSONObject(0).getBoolean("executionSuccessful")).isTrue();
    }

    @Test
    void rulesHaveAReadableNameUnlikeTheirIdAndTheToolSaysWhereItIsDocumented() throws Exception {
        Path root = work.resolve("srv");
        write(root, "/etc/ssh/sshd_config", "PasswordAuthentication yes\n");
        JSONObject run = sarif(root);
        JSONObject driver = run.getJSONObject("tool").getJSONObject("driver");
        assertThat(driver.getString("informationUri")).startsWith("https://");
        JSONArray rules = driver.getJSONArray("rules");
        assertThat(rules.length()).isPositive();
        for (int i = 0; i < rules.length(); i++) {
            JSONObject rule = rules.getJSONObject(i);
            assertThat(rule.getString("name")).isNotEqualTo(rule.getString("id")).matches("[A-Z][A-Za-z0-9]+");
        }
        assertThat(rules.toString()).contains("\"name\":\"SshDoesNotAcceptPasswords\"");
    }

    @Test
    void aTargetThatCouldNotBeAuditedMakesTheRunUnsuccessful() throws Exception {
        Path root = work.resolve("broken");
        write(root, "/etc/ssh/sshd_config", "PasswordAuthentication no\nX11Forwarding\n");
        JSONObject run = sarif(root);
        JSONObject invocation = run.getJSONArray("invocations").getJSONObject(0);
        assertThat(invocation.getBoolean("executionSuccessful")).isFalse();
        JSONObject note = invocation.getJSONArray("toolExecutionNotifications").getJSONObject(0);
        assertThat(note.getString("level")).isEqualTo("error");
        JSONObject where = note.getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation");
        assertThat(where.getJSONObject("artifactLocation").getString("uri")).isEqualTo("broken/etc/ssh/sshd_config");
        assertThat(where.getJSONObject("region").getInt("startLine")).isEqualTo(2);
    }

    @Test
    void aFileOutsideTheWorkingDirectoryGetsAnAbsoluteFileUri() {
        SarifReport report = new SarifReport(() -> null, RuleCatalog.builtIn(), Path.of("/home/auditor/repo"));
        assertThat(report.artifact("/etc/ssh/sshd_config")).isEqualTo(
                new SarifReport.ArtifactLocation("file:///etc/ssh/sshd_config", null));
        assertThat(report.artifact("/home/auditor/repo/etc/nginx/nginx.conf")).isEqualTo(
                new SarifReport.ArtifactLocation("etc/nginx/nginx.conf", "%SRCROOT%"));
        assertThat(report.artifact("./data/a b:c.csv")).isEqualTo(new SarifReport.ArtifactLocation("data/a%20b%3Ac.csv",
                "%SRCROOT%"));
        assertThat(report.artifact("../samples/x.csv").uri()).isEqualTo("../samples/x.csv");
    }
}
