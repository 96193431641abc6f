package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile profiles, waivers, baselines and inputs: each gets a clear one-line answer with the
 * documented exit code, promptly, and none reaches the network, hangs, or escapes the root.
 */
class HostileInputTest {

    private static final String HEAD = "profile: p\nversion: '1'\ntitle: P\nkind: dataset\n";

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static Path fifo(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).as("mkfifo").isTrue();
        return p;
    }

    @Test
    @Timeout(60)
    void aSchemaRefNeverReachesTheNetworkOrTheHostsFiles(@TempDir Path dir) throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listening.setSoTimeout(1000);
            write(dir, "net.schema.json", "{\"$ref\": \"http://127.0.0.1:" + listening.getLocalPort() + "/record.json\"}");
            write(dir, "file.schema.json", "{\"properties\": {\"a\": {\"$ref\": \"file:///etc/passwd\"}}}");
            write(dir, "loop.schema.json", "{\"$ref\": \"#/definitions/a\", \"definitions\": {\"a\": {\"$ref\": \"#/definitions/b\"},"
                    + " \"b\": {\"allOf\": [{\"$ref\": \"#/definitions/a\"}]}}}");
            Path data = write(dir, "r.ndjson", "{\"a\": 1}\n");
            for (String schema : List.of("net", "file", "loop")) {
                Path profile = write(dir, schema + ".yaml", HEAD + "dataset:\n  json-schema: " + schema + ".schema.json\n"
                        + "  columns:\n    - name: a\n");
                CliRunner r = CliRunner.run("scan", "-p", profile.toString(), data.toString());
                assertThat(r.exit()).as(schema + ": " + r.err()).isEqualTo(2);
                assertThat(r.err()).as(schema).contains(schema + ".yaml").doesNotContain("StackOverflowError")
                        .doesNotContain("root:x:0:0");
            }
            assertThat(CliRunner.run("scan", "-p", dir.resolve("loop.yaml").toString(), data.toString()).err()).contains("loop");
            boolean connected;
            try {
                listening.accept().close();
                connected = true;
            } catch (SocketTimeoutException e) {
                connected = false;
            }
            assertThat(connected).as("a connection reached 127.0.0.1").isFalse();
        }
    }

    @Test
    @Timeout(60)
    void globsAndPatternsFromAnySourceRunInLinearTime(@TempDir Path dir) throws Exception {
        String evil = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
        String longName = "a".repeat(200);
        // a glob written inside the scanned tree: sshd's Include
        Path root = dir.resolve("root");
        write(root, "etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/" + evil + "\nPermitRootLogin no\n");
        write(root, "etc/ssh/sshd_config.d/" + longName, "PasswordAuthentication yes\n");
        CliRunner ssh = CliRunner.run("scan", root.toString(), "-p", "ssh", "-q");
        assertThat(ssh.exit()).as(ssh.err()).isEqualTo(1);
        // a waiver's glob against a long target path, and a profile's applies-to glob
        Path data = write(dir, "data/" + longName + ".csv", "v\nx\n");
        Path profile = write(dir, "p.yaml", HEAD + "applies-to: ['**/" + evil + "*.csv', '**/*.csv']\n"
                + "dataset:\n  columns:\n    - name: v\n      pattern: '^[0-9]+$'\n");
        Path waivers = write(dir, "w.yaml", "waivers:\n  - rule: DATA-PATTERN\n    paths: ['**/" + evil + "']\n    reason: test\n");
        CliRunner waived = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--waivers", waivers.toString(), "-q");
        assertThat(waived.exit()).as(waived.err()).isEqualTo(1);
        // a pattern whose compiled size is unbounded, in a dataset profile and in a config control
        Path big = write(dir, "big.yaml", HEAD + "dataset:\n  columns:\n    - name: v\n      pattern: '((a{1000}){1000}){1000}'\n");
        CliRunner pattern = CliRunner.run("scan", "-p", big.toString(), data.toString());
        assertThat(pattern.exit()).isEqualTo(2);
        assertThat(pattern.err()).contains("big.yaml:").contains("expand");
        Path control = write(dir, "c.yaml", "profile: c\nversion: '1'\ntitle: C\nkind: config\nconfig:\n  controls:\n"
                + "    - {id: X-1, title: X, severity: low, format: sshd, key: Banner, expect: {matches: '(x{1000}){1000}'}}\n");
        CliRunner matches = CliRunner.run("scan", "-p", control.toString(), root.toString());
        assertThat(matches.exit()).isEqualTo(2);
        assertThat(matches.err()).contains("c.yaml:").contains("expand");
    }

    @Test
    void invalidGlobsAreErrorsAtTheirLine(@TempDir Path dir) throws Exception {
        Path data = write(dir, "d.csv", "v\n1\n");
        Path profile = write(dir, "p.yaml", HEAD + "applies-to: ['data/[']\ndataset:\n  columns:\n    - name: v\n");
        CliRunner applies = CliRunner.run("scan", "-p", profile.toString(), data.toString());
        assertThat(applies.exit()).isEqualTo(2);
        assertThat(applies.err()).contains("p.yaml:5:").contains("'[' is never closed");
        Path ok = write(dir, "ok.yaml", HEAD + "dataset:\n  columns:\n    - name: v\n");
        Path waivers = write(dir, "w.yaml", "waivers:\n  - rule: DATA-PATTERN\n    paths: ['{a,{b}}']\n    reason: test\n");
        CliRunner waiver = CliRunner.run("scan", "-p", ok.toString(), data.toString(), "--waivers", waivers.toString());
        assertThat(waiver.exit()).isEqualTo(2);
        assertThat(waiver.err()).contains("w.yaml:3:").contains("do not nest");
        Path root = dir.resolve("root");
        write(root, "etc/ssh/sshd_config", "PermitRootLogin no\nInclude /etc/ssh/conf.d/[\n");
        write(root, "etc/ssh/conf.d/a.conf", "PermitRootLogin yes\n");
        CliRunner include = CliRunner.run("scan", root.toString(), "-p", "ssh", "-q");
        assertThat(include.exit()).isEqualTo(3);
        assertThat(include.err()).contains("sshd_config:2").contains("'[' is never closed");
    }

    @Test
    @Timeout(60)
    void specialAndHugeFilesAreRefusedAtOnceWhateverTheirRole(@TempDir Path dir) throws Exception {
        Path data = write(dir, "d.csv", "v\n1\n");
        Path profile = write(dir, "p.yaml", HEAD + "dataset:\n  columns:\n    - name: v\n");
        Path sparse = dir.resolve("sparse");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GiB of nothing, on no disk
        }
        for (Path bad : List.of(fifo(dir, "fifo"), Path.of("/dev/zero"), sparse)) {
            String name = bad.getFileName().toString();
            assertThat(CliRunner.run("scan", "-p", bad.toString(), data.toString()).exit()).as("profile " + name).isEqualTo(2);
            assertThat(CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--waivers", bad.toString()).exit())
                    .as("waivers " + name).isEqualTo(2);
            assertThat(CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--baseline", bad.toString()).exit())
                    .as("baseline " + name).isEqualTo(2);
            assertThat(CliRunner.run("render", bad.toString(), "-f", "console").exit()).as("render " + name).isEqualTo(2);
            CliRunner input = CliRunner.run("scan", "-p", profile.toString(), bad.toString(), "-q");
            assertThat(input.exit()).as("input " + name + ": " + input.err()).isEqualTo(3);
            assertThat(input.err()).as(name).contains(name).doesNotContain("Exception");
        }
        // a configuration file: a FIFO is never opened, a huge one never read
        Path root = dir.resolve("root");
        fifo(root, "etc/ssh/sshd_config");
        CliRunner fifoConfig = CliRunner.run("scan", root.toString(), "-p", "ssh", "-q");
        assertThat(fifoConfig.exit()).isEqualTo(3);
        assertThat(fifoConfig.err()).contains("FIFO");
        Path huge = dir.resolve("huge");
        write(huge, "etc/ssh/sshd_config", "PermitRootLogin no\n");
        try (RandomAccessFile f = new RandomAccessFile(huge.resolve("etc/ssh/sshd_config").toFile(), "rw")) {
            f.setLength(65L << 20);
        }
        CliRunner big = CliRunner.run("scan", huge.toString(), "-p", "ssh", "-q");
        assertThat(big.exit()).isEqualTo(3);
        assertThat(big.err()).contains("over the 64 MiB limit");
        write(huge, "etc/ssh/sshd_config", "PermitRootLogin no\n# " + "x".repeat(3000) + "\n");
        CliRunner limited = CliRunner.run("scan", huge.toString(), "-p", "ssh", "-q", "--max-file-size", "2KiB");
        assertThat(limited.exit()).isEqualTo(3);
        assertThat(limited.err()).contains("over the 2 KiB limit");
    }

    @Test
    void yamlTagsAnchorsAliasesAndSecondDocumentsAreRefusedWhereWritten(@TempDir Path dir) throws Exception {
        Path data = write(dir, "d.csv", "v\n1\n");
        String cols = "dataset:\n  columns:\n    - name: v\n";
        String[][] cases = {
                {"profile: p\nversion: '1'\ntitle: !!binary aGVsbG8=\nkind: dataset\n" + cols, ":3:", "tags"},
                {"profile: p\nversion: '1'\ntitle: &t Title\ndescription: *t\nkind: dataset\n" + cols, ":4:", "aliases"},
                {"profile: p\nversion: '1'\ntitle: T\nkind: dataset\ndataset:\n  columns:\n    - &c {name: v}\n    - *c\n", ":7:", "anchors"},
                {HEAD + cols + "---\n" + HEAD + cols, ":9:", "second YAML document"},
                {"profile: p\nversion: '1'\ntitle: !custom x\nkind: dataset\n" + cols, ":3:", "tags"},
        };
        for (String[] c : cases) {
            Path p = write(dir, "p.yaml", c[0]);
            CliRunner r = CliRunner.run("scan", "-p", p.toString(), data.toString());
            assertThat(r.exit()).as(c[2] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c[2]).contains("p.yaml" + c[1]).contains(c[2]).doesNotContain("internal error");
        }
        Path profile = write(dir, "ok.yaml", HEAD + cols);
        Path waivers = write(dir, "w.yaml", "waivers:\n  - rule: !!binary REFUQS1QQVRURVJO\n    paths: ['*']\n    reason: x\n");
        CliRunner w = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--waivers", waivers.toString());
        assertThat(w.exit()).isEqualTo(2);
        assertThat(w.err()).contains("w.yaml:2:").contains("tags");
    }

    @Test
    void nullOrMalformedBaselinesAndSavedReportsAreConfigurationErrors(@TempDir Path dir) throws Exception {
        Path data = write(dir, "d.csv", "v\n1\n");
        Path profile = write(dir, "p.yaml", HEAD + "dataset:\n  columns:\n    - name: v\n");
        for (String text : List.of("null", "[]", "{}", "{\"schemaVersion\": \"1.0\", \"findings\": []}",
                "{\"schemaVersion\": \"2.0\", \"fingerprintKey\": \"00\", \"findings\": [null]}", "{\"findings\": ")) {
            Path baseline = write(dir, "b.json", text);
            CliRunner r = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--baseline", baseline.toString());
            assertThat(r.exit()).as(text + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(text).isEqualTo(1);
            assertThat(r.err()).contains("b.json");
            Path report = write(dir, "r.json", text);
            CliRunner render = CliRunner.run("render", report.toString(), "-f", "console");
            assertThat(render.exit()).as("render " + text + ": " + render.err()).isEqualTo(2);
            assertThat(render.err()).contains("r.json").doesNotContain("Exception");
            CliRunner base = CliRunner.run("baseline", report.toString(), "-o", dir.resolve("out.json").toString());
            assertThat(base.exit()).as("baseline " + text).isEqualTo(2);
        }
    }

    @Test
    void aBaselineUnderAnotherFingerprintKeyIsRefused(@TempDir Path dir) throws Exception {
        Path data = write(dir, "d.csv", "v\nx\n");
        Path profile = write(dir, "p.yaml", HEAD + "dataset:\n  columns:\n    - name: v\n      pattern: '^[0-9]+$'\n");
        Path report = dir.resolve("r.json");
        CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--max-examples", "0", "-q",
                "--fingerprint-key", dir.resolve("a.key").toString(), "-f", "json=" + report);
        Path baseline = dir.resolve("ci/baseline.json");
        CliRunner made = CliRunner.run("baseline", report.toString(), "-o", baseline.toString(),
                "--fingerprint-key", dir.resolve("a.key").toString());
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(dir.resolve("ci/fingerprint.key")).hasSameTextualContentAs(dir.resolve("a.key"));
        // the key beside the baseline is found by itself: the finding is not new
        assertThat(CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--baseline", baseline.toString(), "-q")
                .exit()).isZero();
        CliRunner other = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--baseline", baseline.toString(),
                "-q", "--fingerprint-key", dir.resolve("b.key").toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("recorded with fingerprint key");
    }

    @Test
    void dialectAndThreadsOutsideTheirRangeAreUsageErrors(@TempDir Path dir) throws Exception {
        Path data = write(dir, "d.csv", "v\n1\n");
        for (String dialect : List.of("delimiter: 'é'", "delimiter: '\"'", "quote: ','", "delimiter: \"\\n\"",
                "delimiter: \"\\r\"", "quote: '€'", "delimiter: ''")) {
            Path p = write(dir, "p.yaml", HEAD + "dataset:\n  " + dialect + "\n  columns:\n    - name: v\n");
            CliRunner r = CliRunner.run("scan", "-p", p.toString(), data.toString());
            assertThat(r.exit()).as(dialect + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(dialect).contains("p.yaml:6:");
        }
        Path ok = write(dir, "ok.yaml", HEAD + "dataset:\n  columns:\n    - name: v\n");
        for (String n : List.of("0", "-1", "257", "100000")) {
            CliRunner r = CliRunner.run("scan", "-p", ok.toString(), data.toString(), "--threads", n);
            assertThat(r.exit()).as(n).isEqualTo(2);
            assertThat(r.err()).contains("--threads is 1 to 256");
        }
    }

    @Test
    void outOfMemoryIsExitFourWithOneLine(@TempDir Path dir) throws Exception {
        // one JSON value larger than the whole heap
        Path big = dir.resolve("big.json");
        try (var w = Files.newBufferedWriter(big)) {
            w.write("[{\"v\": \"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 48; i++) {
                w.write(chunk);
            }
            w.write("\"}]\n");
        }
        Path profile = write(dir, "p.yaml", HEAD + "dataset:\n  columns:\n    - name: v\n");
        ChuanProcess r = ChuanProcess.run(List.of("-Xmx32m"), "scan", "-p", profile.toString(), big.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("out of memory").doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void whatThisAuditorCannotReadIsAnErrorNeverAPass(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("root");
        write(root, "etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\nPasswordAuthentication no\n");
        write(root, "etc/ssh/sshd_config.d/50-cloud.conf", "PermitRootLogin yes\n");
        write(root, "opt/app/secret/config/application.properties", "spring.datasource.password=changeme\n");
        write(root, "opt/app/config/application.properties", "debug=false\n");
        Path dropIns = root.resolve("etc/ssh/sshd_config.d");
        Path secret = root.resolve("opt/app/secret");
        root.toFile().setReadable(true, false);
        try {
            Files.setPosixFilePermissions(dropIns, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
            Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
            ChuanProcess ssh = ChuanProcess.runWithoutRootPowers("scan", root.toString(), "-p", "ssh", "-f", "json",
                    "--fingerprint-key", dir.resolve("k").toString());
            assertThat(ssh.exit()).as(ssh.err()).isEqualTo(3);
            assertThat(ssh.err()).contains("sshd_config:1").contains("permission denied");
            assertThat(Reports.result(Reports.parse(ssh.out()), "SSH-ROOT-LOGIN").status()).isEqualTo(chuan.model.Status.ERROR);
            ChuanProcess app = ChuanProcess.runWithoutRootPowers("scan", root.toString(), "-p", "spring-app", "-q");
            assertThat(app.exit()).as(app.err()).isEqualTo(3);
            assertThat(app.err()).contains("/opt/app/secret").contains("cannot be read");
        } finally {
            Files.setPosixFilePermissions(dropIns, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }
}
