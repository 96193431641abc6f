package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Target;
import chuan.model.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chuan scan} on system trees: Debian 12's stock configuration with a cloud-init drop-in
 * (samples/system) and a hardened copy of it, trees whose includes and links point outside the
 * root, a malformed file of each format, security levels, secrets, and the reports' locations.
 */
class ConfigAuditTest {

    static final Path DEBIAN = Path.of("../samples/system");

    /** The six findings the issue names: rule and key, and where each must be reported. */
    static final Map<String, String> STOCK_FINDINGS = Map.of(
            "SSH-PASSWORD-AUTH PasswordAuthentication", "etc/ssh/sshd_config.d/50-cloud-init.conf:1",
            "SSH-X11-FORWARDING X11Forwarding", "etc/ssh/sshd_config:90",
            "NGINX-TLS-PROTOCOLS ssl_protocols", "etc/nginx/nginx.conf:33",
            "APACHE-TLS-PROTOCOLS SSLProtocol", "etc/apache2/mods-available/ssl.conf:70",
            "APACHE-SERVER-TOKENS ServerTokens", "etc/apache2/conf-available/security.conf:25",
            "LINUX-PASS-MAX-DAYS PASS_MAX_DAYS", "etc/login.defs:160");

    @TempDir
    Path tmp;

    /** A scan's exit code, standard error and JSON report, read back as the report model. */
    private record Scan(int exit, String stderr, AuditReport report) {
    }

    private static Scan scan(String... args) {
        List<String> all = new ArrayList<>(List.of("scan", "-f", "json", "--max-examples", "0", "--no-progress"));
        all.addAll(List.of(args));
        CliRunner r = CliRunner.run(all.toArray(String[]::new));
        return new Scan(r.exit(), r.err(), Reports.parse(r.out()));
    }

    /** "RULE key", as results are named below. */
    private static String name(Result r) {
        return r.rule() + " " + (r.field() == null ? "" : r.field());
    }

    /** "RULE key" of every result with that status, to where its first example points (root-relative). */
    private static Map<String, String> results(Scan scan, Status status, String root) {
        return scan.report().results().stream().filter(r -> r.status() == status)
                .collect(Collectors.toMap(ConfigAuditTest::name, r -> where(r, root), (first, later) -> later, HashMap::new));
    }

    private static String where(Result r, String root) {
        if (r.examples().isEmpty()) {
            return "";
        }
        Violation v = r.examples().get(0);
        return v.fileOr(r.target()).replace(root + "/", "") + (v.line() != null ? ":" + v.line() : "");
    }

    /** Copies a tree, links kept as links (relative and absolute alike). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " holds " + from).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void debianStockReportsTheIssuesFindingsAtTheirFileAndLine() {
        Scan report = scan(DEBIAN.toString());
        assertThat(report.exit()).isEqualTo(1);
        assertThat(report.report().errors()).isEmpty();
        assertThat(results(report, Status.FAIL, DEBIAN.toString())).containsAllEntriesOf(STOCK_FINDINGS);
        // the resolution path: which files sshd read, in order
        Target sshd = report.report().targets().get(0);
        assertThat(sshd.path()).isEqualTo("../samples/system/etc/ssh/sshd_config");
        assertThat(sshd.sources()).containsExactly("../samples/system/etc/ssh/sshd_config",
                "../samples/system/etc/ssh/sshd_config.d/50-cloud-init.conf");
    }

    @Test
    void aHardenedCopyOfTheSameTreeReportsNoneOfThem() throws IOException {
        Path root = tmp.resolve("hardened");
        copyTree(DEBIAN, root);
        replace(root.resolve("etc/ssh/sshd_config.d/50-cloud-init.conf"), "PasswordAuthentication yes", "PasswordAuthentication no");
        replace(root.resolve("etc/ssh/sshd_config"), "X11Forwarding yes", "X11Forwarding no");
        replace(root.resolve("etc/nginx/nginx.conf"), "ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;", "ssl_protocols TLSv1.2 TLSv1.3;");
        replace(root.resolve("etc/apache2/mods-available/ssl.conf"), "SSLProtocol all -SSLv3", "SSLProtocol -all +TLSv1.2 +TLSv1.3");
        replace(root.resolve("etc/apache2/conf-available/security.conf"), "ServerTokens OS", "ServerTokens Prod");
        replace(root.resolve("etc/login.defs"), "PASS_MAX_DAYS\t99999", "PASS_MAX_DAYS\t60");
        Scan report = scan(root.toString());
        Map<String, String> failing = results(report, Status.FAIL, root.toString());
        assertThat(failing).doesNotContainKeys(STOCK_FINDINGS.keySet().toArray(String[]::new));
        assertThat(results(report, Status.PASS, root.toString())).containsKeys(STOCK_FINDINGS.keySet().toArray(String[]::new));
        assertThat(failing).containsKey("SSH-ROOT-LOGIN PermitRootLogin"); // the rest of the tree still audited
    }

    @Test
    void nothingOutsideTheRootIsReadWhateverTheConfigsSay() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("host/etc/ssh/sshd_config.d"));
        Files.writeString(outside.resolve("evil.conf"), "X11Forwarding yes\nPermitRootLogin yes\n");
        Files.writeString(tmp.resolve("host/etc/login.defs"), "PASS_MAX_DAYS 99999\n");
        Path root = Files.createDirectories(tmp.resolve("image/etc/ssh/sshd_config.d"));
        Files.writeString(root.resolve("../sshd_config"), String.join("\n",
                "Include /../../host/etc/ssh/sshd_config.d/*.conf",         // absolute, trying to climb out
                "Include ../../../host/etc/ssh/sshd_config.d/evil.conf",   // relative, trying to climb out
                "Include " + outside.resolve("evil.conf"),                  // the host's absolute path
                "Include /etc/ssh/sshd_config.d/*.conf",
                "PermitRootLogin no", "X11Forwarding no", ""));
        Files.createSymbolicLink(root.resolve("10-link.conf"), outside.resolve("evil.conf"));            // absolute link out
        Files.createSymbolicLink(tmp.resolve("image/etc/login.defs"), Path.of("../../host/etc/login.defs")); // relative link out
        Scan report = scan(tmp.resolve("image").toString(), "-p", "ssh", "-p", "linux-accounts");
        Map<String, String> failing = results(report, Status.FAIL, tmp.resolve("image").toString());
        Map<String, String> passing = results(report, Status.PASS, tmp.resolve("image").toString());
        assertThat(passing).containsKeys("SSH-X11-FORWARDING X11Forwarding", "SSH-ROOT-LOGIN PermitRootLogin");
        assertThat(failing).doesNotContainKeys("LINUX-PASS-MAX-DAYS PASS_MAX_DAYS");
        // the only file read is the image's own sshd_config; the includes name outside paths but resolve inside
        assertThat(report.report().targets().get(0).sources()).containsExactly(tmp.resolve("image/etc/ssh/sshd_config").toString());
        // the includes that pointed out are reported as missing, inside the root
        Map<String, String> warned = results(report, Status.WARN, tmp.resolve("image").toString());
        assertThat(warned).containsKey("CHUAN-CONFIG-INCOMPLETE ");
    }

    @Test
    void aConfigProfileNamedForATreeWithoutItsFilesIsNothingToAuditNotAPass() throws IOException {
        Files.createDirectories(tmp.resolve("repo/nginx"));
        Files.writeString(tmp.resolve("repo/nginx/nginx.conf"), "http { ssl_protocols TLSv1; }\n");
        CliRunner r = CliRunner.run("scan", tmp.resolve("repo").toString(), "-p", "nginx", "--no-progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to audit: none of the files nginx reads is here (looked for etc/nginx/nginx.conf)");
    }

    /** A valid nginx.conf with one TLS server that sets no ssl_protocols. */
    private Path nginxWithoutProtocols(String name) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name + "/etc/nginx"));
        Files.writeString(root.resolve("nginx.conf"), "events {}\nhttp {\n    server_tokens off;\n    server {\n"
                + "        listen 443 ssl;\n        ssl_certificate /etc/ssl/a.pem;\n        ssl_certificate_key /etc/ssl/a.key;\n"
                + "    }\n}\n");
        return tmp.resolve(name);
    }

    private static Result result(Scan scan, String rule) {
        return Reports.result(scan.report(), rule);
    }

    @Test
    void anUnsetKeyTakesTheDefaultOfTheInstalledVersionAndTheFindingSaysWhichAndWhy() throws IOException {
        Path root = nginxWithoutProtocols("n");
        Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), "Package: nginx\nStatus: install ok installed\n"
                + "Version: 1.22.1-9+deb12u9\n");
        Result r = result(scan(root.toString(), "-p", "nginx"), "NGINX-TLS-PROTOCOLS");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.message()).contains("ssl_protocols TLSv1 TLSv1.1 TLSv1.2 in server")
                .contains("the default of nginx 1.22.1-9+deb12u9 from /var/lib/dpkg/status (package nginx)")
                .contains("not set, so the program's default applies");
        // nginx 1.27.3 and later enable TLS 1.2 and 1.3 only
        Result newer = result(scan(root.toString(), "-p", "nginx", "--assume-version", "nginx=1.28.0"), "NGINX-TLS-PROTOCOLS");
        assertThat(newer.status()).isEqualTo(Status.PASS);
        assertThat(newer.message()).contains("ssl_protocols TLSv1.2 TLSv1.3").contains("nginx 1.28.0 from --assume-version");
        CliRunner bad = CliRunner.run("scan", root.toString(), "-p", "nginx", "--assume-version", "nginx=latest");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--assume-version: 'latest' is not a version");
    }

    @Test
    void theDefaultAControlStatesIsTheOneThatAppliesToAnUnsetKey() throws IOException {
        Path root = nginxWithoutProtocols("s");
        Path profile = tmp.resolve("agency.yaml");
        Files.writeString(profile, """
                profile: agency.web
                version: 1.0.0
                title: Agency web servers
                kind: config
                config:
                  controls:
                    - {id: NGINX-TLS-PROTOCOLS, format: nginx, key: ssl_protocols, default: TLSv1 TLSv1.1 TLSv1.2 TLSv1.3,
                       expect: {tls-min: TLSv1.2}}
                """);
        Result r = result(scan(root.toString(), "-p", profile.toString(), "--assume-version", "nginx=1.28.0"),
                "NGINX-TLS-PROTOCOLS");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.message()).contains("ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3")
                .contains("not set, so the default the control states applies");
    }

    @Test
    void aConfigurationNginxWouldRefuseIsAnErrorAtItsLineNeverAPass() throws IOException {
        Path root = nginxWithoutProtocols("r");
        Files.writeString(root.resolve("etc/nginx/nginx.conf"), "events {}\nhttp {\n    server_tokens off;\n"
                + "    ssl_protocols TLSv1.2;\n    ssl_protocol TLSv1;\n}\n");
        Scan report = scan(root.toString(), "-p", "nginx");
        assertThat(report.exit()).isEqualTo(3);
        AuditError error = report.report().errors().get(0);
        assertThat(error.path()).isEqualTo(root + "/etc/nginx/nginx.conf");
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.message()).isEqualTo("unknown directive \"ssl_protocol\" (nginx would not start)");
        Result tokens = result(report, "NGINX-SERVER-TOKENS");
        assertThat(tokens.status()).isEqualTo(Status.ERROR);
        assertThat(tokens.message()).contains("nginx would not start");
    }

    @Test
    void aDropInsYesBeatsTheMainFilesLaterNoAndTheReportSaysSo() throws IOException {
        Path root = tmp.resolve("cloud");
        copyTree(DEBIAN, root);
        replace(root.resolve("etc/ssh/sshd_config"), "#PasswordAuthentication yes", "PasswordAuthentication no");
        Violation v = Reports.firstExample(result(scan(root.toString(), "-p", "ssh"), "SSH-PASSWORD-AUTH"));
        assertThat(v.file()).endsWith("etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertThat(v.line()).isEqualTo(1);
        assertThat(v.message()).isEqualTo("PasswordAuthentication yes is not no; not in force: no at "
                + root + "/etc/ssh/sshd_config:57");
    }

    @Test
    void aMatchBlockIsCheckedAsTheConditionalScopeItIs() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("m/etc/ssh"));
        Files.writeString(root.resolve("sshd_config"), "PasswordAuthentication no\nX11Forwarding no\n\nMatch User deploy\n"
                + "    PasswordAuthentication yes\n");
        Result password = result(scan(tmp.resolve("m").toString(), "-p", "ssh"), "SSH-PASSWORD-AUTH");
        assertThat(password.status()).isEqualTo(Status.FAIL);
        assertThat(password.checked()).isEqualTo(2);
        Violation v = Reports.firstExample(password);
        assertThat(v.line()).isEqualTo(5);
        assertThat(v.message()).contains("in Match User deploy");
    }

    @Test
    void aMalformedFileOfEachFormatIsAnInputErrorAtItsLineAndTheRestIsStillAudited() throws IOException {
        Map<String, String[]> broken = new java.util.LinkedHashMap<>();
        broken.put("etc/ssh/sshd_config", new String[] {"PasswordAuthentication no\nX11Forwarding\n", ":2"});
        broken.put("etc/nginx/nginx.conf", new String[] {"events {}\nhttp {\n    server_tokens off\n}\n", ":4"});
        broken.put("etc/apache2/apache2.conf", new String[] {"ServerTokens Prod\n<VirtualHost *:80>\n", ":2"});
        broken.put("etc/sysctl.d/60-local.conf", new String[] {"net.ipv4.ip_forward 0\n", ":1"});
        broken.put("etc/pam.d/common-auth", new String[] {"auth required\n", ":1"});
        broken.put("etc/systemd/journald.conf", new String[] {"[Journal\nStorage=persistent\n", ":1"});
        broken.put("etc/logrotate.conf", new String[] {"weekly\n/var/log/auth.log {\n  rotate 4\n", ":2"});
        broken.put("etc/default/useradd", new String[] {"SHELL=/bin/sh\nINACTIVE\n", ":2"});
        broken.put("etc/tomcat10/server.xml", new String[] {"<Server port=\"-1\">\n<Service>\n</Server>\n", ":3"});
        broken.put("opt/app/application.yml", new String[] {"server:\n  ssl: [true\n", ":"});
        for (Map.Entry<String, String[]> e : broken.entrySet()) {
            Path root = tmp.resolve("broken-" + broken.keySet().stream().toList().indexOf(e.getKey()));
            Files.createDirectories(root.resolve("etc/ssh"));
            Files.writeString(root.resolve("etc/login.defs"), "PASS_MAX_DAYS 99999\n");
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue()[0]);
            Scan report = scan(root.toString());
            assertThat(report.exit()).as(e.getKey()).isEqualTo(3);
            assertThat(report.report().errors()).as(e.getKey()).hasSize(1);
            AuditError err = report.report().errors().get(0);
            assertThat(err.kind()).isEqualTo(AuditError.Kind.PROCESSING);
            assertThat(err.path() + ":" + (err.line() == null ? 0 : err.line())).as(e.getKey())
                    .startsWith(root + "/" + e.getKey() + e.getValue()[1]);
            // login.defs is still audited
            assertThat(results(report, Status.FAIL, root.toString())).as(e.getKey()).containsKey("LINUX-PASS-MAX-DAYS PASS_MAX_DAYS");
            // and nothing checked on the malformed configuration passes: what found nothing there is an error
            List<String> errored = report.report().targets().stream().filter(t -> t.status() == Status.ERROR).map(Target::path)
                    .toList();
            assertThat(errored).as(e.getKey()).hasSize(1);
            assertThat(report.report().results()).filteredOn(r -> errored.contains(r.target())).as(e.getKey())
                    .isNotEmpty().noneMatch(r -> r.status() == Status.PASS);
            assertThat(report.stderr()).as(e.getKey()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aConfigurationSshdRefusesIsAnErrorAtItsLineAndNoControlOnItPasses() throws IOException {
        // every value a control reads is hardened, but sshd would not start: 0x10 is not a decimal number
        Path root = Files.createDirectories(tmp.resolve("refused/etc/ssh"));
        Files.writeString(root.resolve("sshd_config"), "PermitRootLogin no\nPasswordAuthentication no\nX11Forwarding no\n"
                + "MaxAuthTries 0x10\n");
        Path top = tmp.resolve("refused");
        Scan report = scan(top.toString(), "-p", "ssh");
        assertThat(report.exit()).isEqualTo(3);
        AuditError err = report.report().errors().get(0);
        assertThat(err.path() + ":" + err.line()).isEqualTo(top + "/etc/ssh/sshd_config:4");
        assertThat(err.message()).startsWith("sshd would not start: MaxAuthTries integer value invalid");
        assertThat(results(report, Status.PASS, top.toString())).isEmpty();
        assertThat(results(report, Status.ERROR, top.toString())).containsKey("SSH-ROOT-LOGIN PermitRootLogin")
                .containsKey("SSH-PASSWORD-AUTH PasswordAuthentication");
    }

    @Test
    void anUnreadableFileIsAnInputErrorAndNothingReadFromItPasses() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("locked/etc/ssh"));
        Path config = root.resolve("sshd_config");
        Files.writeString(config, "PasswordAuthentication no\n");
        Files.setPosixFilePermissions(config, java.util.Set.of());
        // as an auditor who cannot read it: run as root (as CI runs), the scan drops root's power to read any file
        ChuanProcess p = ChuanProcess.runWithoutRootPowers("scan", tmp.resolve("locked").toString(), "-p", "ssh", "-f", "json",
                "--max-examples", "0", "--no-progress", "--fingerprint-key", tmp.resolve("key").toString());
        Scan report = new Scan(p.exit(), p.err(), Reports.parse(p.out()));
        assertThat(report.exit()).as(report.stderr()).isEqualTo(3);
        assertThat(report.report().errors()).first().satisfies(e -> assertThat(e.message()).startsWith("cannot read"));
        assertThat(results(report, Status.PASS, tmp.resolve("locked").toString())).isEmpty();
        assertThat(results(report, Status.ERROR, tmp.resolve("locked").toString()))
                .containsKey("SSH-EMPTY-PASSWORDS PermitEmptyPasswords");
    }

    @Test
    void theSecurityLevelDecidesWhatTheVietnameseBaselineAsks() throws IOException {
        Map<String, String> level1 = statuses(scan(DEBIAN.toString(), "-p", "vn.security-baseline", "--level", "1"));
        Map<String, String> level3 = statuses(scan(DEBIAN.toString(), "-p", "vn.security-baseline"));
        assertThat(level1).containsEntry("VN-SEC-LOG-RETENTION retention-days /var/log/auth.log /var/log/secure /var/log/syslog "
                + "/var/log/messages", "not-applicable");
        assertThat(level1).containsEntry("VN-SEC-PASSWORD-HISTORY password pam_pwhistory.so remember", "not-applicable");
        assertThat(level3).containsEntry("VN-SEC-LOG-RETENTION retention-days /var/log/auth.log /var/log/secure /var/log/syslog "
                + "/var/log/messages", "fail");
        assertThat(level3).containsEntry("VN-SEC-PASSWORD-HISTORY password pam_pwhistory.so remember", "fail");
        // 13 weekly rotations keep 91 days: enough at level 3, not at level 4 (180 days)
        Path root = tmp.resolve("logs");
        copyTree(DEBIAN, root);
        replace(root.resolve("etc/logrotate.d/rsyslog"), "rotate 4", "rotate 13");
        String key = "VN-SEC-LOG-RETENTION retention-days /var/log/auth.log /var/log/secure /var/log/syslog /var/log/messages";
        assertThat(statuses(scan(root.toString(), "-p", "vn.security-baseline", "--level", "3"))).containsEntry(key, "pass");
        assertThat(statuses(scan(root.toString(), "-p", "vn.security-baseline", "--level", "4"))).containsEntry(key, "fail");
        CliRunner bad = CliRunner.run("scan", DEBIAN.toString(), "--level", "6");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--level is an information-security level, 1 to 5");
    }

    private static Map<String, String> statuses(Scan scan) {
        return scan.report().results().stream()
                .collect(Collectors.toMap(ConfigAuditTest::name, r -> r.status().label(), (first, later) -> later, HashMap::new));
    }

    @Test
    void secretsAndPasswordsAreFoundAndMaskedInEveryFormat() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("app/etc/ssh"));
        Files.writeString(root.resolve("sshd_config"), "PasswordAuthentication no\n");
        Path app = Files.createDirectories(tmp.resolve("app/opt/portal/config"));
        Files.writeString(app.resolve("application.properties"), """
                spring.datasource.url=jdbc:postgresql://db.internal/portal
                spring.datasource.password=Xk9mQ2vL7pWz4rT8
                management.endpoints.web.exposure.include=health,env
                spring.security.user.password=admin
                """);
        Files.writeString(app.resolve("deploy.yml"), "token: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n");
        Path out = tmp.resolve("reports");
        CliRunner r = CliRunner.run("scan", tmp.resolve("app").toString(), "--no-progress", "--max-examples", "0",
                "-f", "json=" + out.resolve("r.json"), "-f", "sarif=" + out.resolve("r.sarif"), "-f", "csv=" + out.resolve("r.csv"),
                "-f", "junit=" + out.resolve("r.xml"), "-f", "html=" + out.resolve("r.html"), "-f", "markdown=" + out.resolve("r.md"),
                "-f", "console=" + out.resolve("r.txt"));
        assertThat(r.exit()).isEqualTo(1);
        Scan report = new Scan(r.exit(), r.err(), Reports.read(out.resolve("r.json")));
        Map<String, String> failing = results(report, Status.FAIL, tmp.resolve("app").toString());
        assertThat(failing).containsEntry("SECRET-PASSWORD password", "opt/portal/config/application.properties:2")
                .containsEntry("SECRET-TOKEN token", "opt/portal/config/deploy.yml:1")
                .containsEntry("SPRING-ACTUATOR-EXPOSURE management.endpoints.web.exposure.include",
                        "opt/portal/config/application.properties:3")
                .containsEntry("SPRING-DEFAULT-CREDENTIALS spring.security.user.password", "opt/portal/config/application.properties:4");
        try (Stream<Path> listed = Files.list(out)) {
            List<Path> files = listed.toList();
            assertThat(files).as("one report per format").hasSize(7);
            for (Path f : files) {
                assertThat(Files.readString(f)).as(f.getFileName().toString())
                        .doesNotContain("Xk9mQ2vL7pWz4rT8").doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789")
                        .doesNotContain("password=admin");
            }
        }
    }

    @Test
    void sarifPointsAtTheDropInThatSetTheValue() throws IOException {
        Path sarif = tmp.resolve("r.sarif");
        CliRunner.run("scan", DEBIAN.toString(), "-q", "--no-progress", "-f", "sarif=" + sarif);
        JSONArray results = new JSONObject(Files.readString(sarif)).getJSONArray("runs").getJSONObject(0).getJSONArray("results");
        JSONObject password = null;
        for (int i = 0; i < results.length(); i++) {
            if (results.getJSONObject(i).getString("ruleId").equals("SSH-PASSWORD-AUTH")) {
                password = results.getJSONObject(i);
            }
        }
        assertThat(password).isNotNull();
        JSONObject loc = password.getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation");
        assertThat(loc.getJSONObject("artifactLocation").getString("uri")).endsWith("samples/system/etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertThat(loc.getJSONObject("region").getInt("startLine")).isEqualTo(1);
    }

    @Test
    void waiversAndBaselinesWorkOnConfigFindings() throws IOException {
        Path waivers = tmp.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - rule: SSH-X11-FORWARDING
                    paths: ["**/etc/ssh/sshd_config"]
                    reason: The GIS team forwards X11 until the web viewer ships.
                    expires: 2027-03-31
                """);
        Scan waived = scan(DEBIAN.toString(), "-p", "ssh", "--waivers", waivers.toString(), "--as-of", "2026-11-27");
        assertThat(statuses(waived)).containsEntry("SSH-X11-FORWARDING X11Forwarding", "waived");
        // a baseline of today's findings: the same tree has nothing new; a drop-in added later is new
        Path root = tmp.resolve("drifting");
        copyTree(DEBIAN, root);
        Path report = tmp.resolve("before.json");
        CliRunner.run("scan", root.toString(), "-p", "ssh", "-q", "--no-progress", "-f", "json=" + report);
        Path baseline = tmp.resolve("baseline.json");
        assertThat(CliRunner.run("baseline", report.toString(), "-o", baseline.toString()).exit()).isZero();
        assertThat(scan(root.toString(), "-p", "ssh", "--baseline", baseline.toString()).exit()).isZero();
        Files.writeString(root.resolve("etc/ssh/sshd_config.d/10-admin.conf"), "PermitRootLogin yes\n");
        Scan drifted = scan(root.toString(), "-p", "ssh", "--baseline", baseline.toString());
        assertThat(drifted.exit()).isEqualTo(1);
        assertThat(drifted.report().summary().baseline().newViolations()).isEqualTo(1);
        assertThat(results(drifted, Status.FAIL, root.toString())).containsEntry("SSH-ROOT-LOGIN PermitRootLogin",
                "etc/ssh/sshd_config.d/10-admin.conf:1");
    }

    @Test
    void anAgencyProfileAddsItsOwnControlsAndRepeatsNoBuiltInResult() throws IOException {
        Path profile = tmp.resolve("agency.yaml");
        Files.writeString(profile, """
                profile: agency.ssh
                version: 1.0.0
                title: Agency SSH policy
                kind: config
                config:
                  controls:
                    - {id: SSH-PASSWORD-AUTH, format: sshd, key: PasswordAuthentication, default: "yes", expect: {equals: "no"}}
                    - id: AGENCY-SSH-BANNER
                      title: SSH shows the agency's legal notice
                      severity: low
                      references: [{standard: Agency security policy, clause: "4.2"}]
                      format: sshd
                      key: Banner
                      expect: {equals: /etc/issue.net}
                """);
        Scan report = scan(DEBIAN.toString(), "-p", "ssh", "-p", profile.toString());
        assertThat(Reports.results(report.report(), "SSH-PASSWORD-AUTH")).hasSize(1);
        assertThat(report.report().targets().get(0).profiles()).containsExactly("ssh", "agency.ssh");
        assertThat(results(report, Status.FAIL, DEBIAN.toString())).containsEntry("AGENCY-SSH-BANNER Banner", "etc/ssh/sshd_config");
        // the agency's own rule is described in SARIF from the profile, though not in the catalogue
        Path sarif = tmp.resolve("agency.sarif");
        CliRunner.run("scan", DEBIAN.toString(), "-p", profile.toString(), "-q", "--no-progress", "-f", "sarif=" + sarif);
        assertThat(Files.readString(sarif)).contains("SSH shows the agency's legal notice");
    }

    @Test
    void aRockyLinux9TreeIsReadTheRedHatWay() throws IOException {
        String rocky = "src/test/resources/systems/rocky9";
        Scan report = scan(rocky);
        assertThat(report.report().errors()).isEmpty();
        Map<String, String> failing = results(report, Status.FAIL, rocky);
        Map<String, String> passing = results(report, Status.PASS, rocky);
        assertThat(failing)
                .containsEntry("SSH-X11-FORWARDING X11Forwarding", "etc/ssh/sshd_config.d/50-redhat.conf:17")
                .containsEntry("SSH-ROOT-LOGIN PermitRootLogin", "etc/ssh/sshd_config:26")
                .containsEntry("APACHE-DIRECTORY-LISTING Options", "etc/httpd/conf/httpd.conf:29")
                // pam.d/system-auth and password-auth are authselect's absolute links: followed inside the root
                .hasEntrySatisfying("LINUX-PAM-NULLOK auth pam_unix.so nullok",
                        v -> assertThat(v).matches("etc/authselect/(system|password)-auth:8"))
                .hasEntrySatisfying("LINUX-PAM-PASSWORD-LENGTH password pam_pwquality.so minlen",
                        v -> assertThat(v).matches("etc/pam.d/(system|password)-auth"));
        // the crypto policy's back-end file, included by 50-redhat.conf, decides sshd's algorithms
        assertThat(passing).containsEntry("SSH-WEAK-MACS MACs", "").containsEntry("SSH-WEAK-CIPHERS Ciphers", "")
                .containsKeys("APACHE-TLS-PROTOCOLS SSLProtocol", "VN-SEC-TIME-SYNC servers", "VN-SEC-PASSWORD-LENGTH "
                        + "password pam_pwquality.so minlen");
        assertThat(Reports.results(report.report(), "APACHE-TLS-PROTOCOLS")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.message()).contains("mod_ssl follows the system crypto policy DEFAULT"));
        assertThat(Reports.results(report.report(), "SSH-WEAK-MACS")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.message()).contains("etc/crypto-policies/back-ends/opensshserver.config:2"));
        // under the LEGACY policy mod_ssl's default allows TLS 1.0 and 1.1 again
        Path legacy = tmp.resolve("legacy");
        copyTree(Path.of(rocky), legacy);
        Files.writeString(legacy.resolve("etc/crypto-policies/config"), "LEGACY\n");
        assertThat(results(scan(legacy.toString(), "-p", "apache"), Status.FAIL, legacy.toString()))
                .containsKey("APACHE-TLS-PROTOCOLS SSLProtocol");
    }

    @Test
    void explainGivesAConfigRulesRationaleRemediationAndReferences() {
        CliRunner r = CliRunner.run("explain", "SSH-PASSWORD-AUTH");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("SSH does not accept passwords").contains("first PasswordAuthentication")
                .contains("sshd_config(5)");
        CliRunner vn = CliRunner.run("explain", "VN-SEC-LOG-RETENTION");
        assertThat(vn.out()).contains("TCVN 14423:2026").contains("12 months")
                .contains("Checked by:\n  - vn.security-baseline: logrotate retention-days")
                .contains("level 3+: at least 90; level 4+: at least 180");
    }
}
