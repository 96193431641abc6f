package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import chuan.model.Result;
import chuan.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example profile runs as written; hostile profiles and inputs get clear answers. */
class BadInputTest {

    static final String EXAMPLE = "../checks/src/test/resources/profiles/example-citizens.yaml";

    @Test
    void theExampleProfileAuditsACitizenList(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("citizens-q1.csv");
        Files.writeString(csv, String.join("\n",
                "Số định danh,Họ và tên,gender,birth_date,household_size,email",
                "079203012345,Nguyễn Thị Lan,Nữ,2003-03-12,4,lan@gmail.com",
                "07920301234,Trần Minh,Nam,1988-11-05,3,minh@yahoo.com",
                "079203012345,Lê Hà,Nữ,2031-01-02,0,ha@gmail",
                ""));
        CliRunner r = CliRunner.run("scan", "-p", EXAMPLE, csv.toString(), "-f", "json", "--as-of", "2026-01-01");
        assertThat(r.exit()).isEqualTo(1);
        List<Result> failing = Reports.parse(r.out()).results().stream().filter(res -> res.status() == Status.FAIL).toList();
        assertThat(failing).hasSize(5) // pattern, unique, birth range, size range, e-mail type
                .allSatisfy(res -> assertThat(res.rule()).isIn("DATA-PATTERN", "DATA-UNIQUE", "DATA-RANGE", "DATA-TYPE",
                        "DATA-COMPLETENESS"));
    }

    @Test
    void aCatastrophicPatternOnALongValueFinishesWithAnAnswer(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "profile: redos\nversion: '1'\ntitle: ReDoS\nkind: dataset\n"
                + "dataset:\n  columns:\n    - name: v\n      pattern: '(a+)+$'\n    - name: w\n      pattern: '^(a|aa)*$'\n");
        Path csv = dir.resolve("long.csv");
        String evil = "a".repeat(200_000) + "!";
        Files.writeString(csv, "v,w\n" + evil + "," + evil + "\nbbb,aaaa\n");
        CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRunner.run("scan", "-p", profile.toString(), csv.toString(), "-f", "json"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(violations(r.out(), "DATA-PATTERN")).as("v: 'bbb' has no a; both long values fail; 'aaaa' matches").isEqualTo(3);
    }

    @Test
    void badYamlIsOneLocatedLine(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("broken.yaml");
        Files.writeString(p, "profile: x\nversion: '1'\ntitle: [unclosed\nkind: dataset\n");
        CliRunner r = CliRunner.run("scan", "-p", p.toString(), ".");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).matches("chuan: configuration error: .*broken\\.yaml:\\d+:\\d+: invalid YAML: .*");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void debugShowsNoTraceForInputErrorsButTheyStayOneLine() {
        CliRunner r = CliRunner.run("scan", "--debug", "-p", "../checks/src/test/resources/fixtures/people.yaml",
                "../checks/src/test/resources/fixtures/people-unterminated.csv");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("people-unterminated.csv:2:14: unterminated quoted field");
    }

    @Test
    void aNewerReferenceListIsUsedWhenGiven(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("citizen-list.csv");
        Files.writeString(csv, "id,full_name,gender,birth_date,province_code,phone,email,tax_code,address,registered_at\n"
                + "079088004521,Trần Văn Minh,Nam,1988-11-05,79,0591234567,minh@yahoo.com,0100233488,12 Lê Lợi Quận 1,2020-01-01T08:00:00+07:00\n");
        String builtIn = CliRunner.run("scan", csv.toString(), "-f", "json", "--as-of", "2025-06-30").out();
        assertThat(violations(builtIn, "VN-PHONE-PREFIX")).isZero();
        Path ref = Files.createDirectories(dir.resolve("ref/vn"));
        Files.writeString(ref.resolve("mobile-prefixes.csv"), "prefix,e164_prefix,original_carrier,old_11digit_prefix,meaning\n"
                + "091,+8491,VinaPhone,,allocation\n");
        String newer = CliRunner.run("scan", csv.toString(), "-f", "json", "--as-of", "2025-06-30",
                "--reference-dir", dir.resolve("ref").toString()).out();
        assertThat(violations(newer, "VN-PHONE-PREFIX")).as("059 is not in the newer list").isEqualTo(1);
        assertThat(CliRunner.run("scan", csv.toString(), "--reference-dir", dir.resolve("nope").toString()).exit()).isEqualTo(2);
    }

    /** The violations of every result of the rule, which must have been checked. */
    private static long violations(String json, String rule) {
        List<Result> results = Reports.results(Reports.parse(json), rule);
        assertThat(results).as(rule + " was checked").isNotEmpty();
        return results.stream().mapToLong(Result::violations).sum();
    }

    // ---- outputs: checked before anything is written; a failure to write is exit 2 with one line

    static final String PEOPLE = "../checks/src/test/resources/fixtures/people.yaml";
    static final String CLEAN = "../checks/src/test/resources/fixtures/people-clean.csv";

    /** One line on standard error, naming the option's file, no stack trace. */
    static void assertOneLine(CliRunner r, String names) {
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("chuan: ").contains(names).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void twoFormatsToOneFileAreRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.out");
        CliRunner r = CliRunner.run("scan", "-q", "-p", PEOPLE, CLEAN, "-f", "json=" + report, "-f", "html=" + dir + "/./report.out");
        assertThat(r.exit()).isEqualTo(2);
        assertOneLine(r, "two outputs to one file");
        assertThat(report).doesNotExist();
        // the same file through a symlink
        Files.writeString(report, "keep");
        Files.createSymbolicLink(dir.resolve("alias.out"), report);
        CliRunner linked = CliRunner.run("render", "../samples/README.md", "-f", "json=" + report, "-f", "csv=" + dir.resolve("alias.out"));
        assertThat(linked.exit()).isEqualTo(2);
        CliRunner linkedScan = CliRunner.run("scan", "-q", "-p", PEOPLE, CLEAN, "-f", "json=" + report, "-f", "csv=" + dir.resolve("alias.out"));
        assertThat(linkedScan.exit()).isEqualTo(2);
        assertOneLine(linkedScan, "two outputs to one file");
        assertThat(report).hasContent("keep");
        CliRunner synth = CliRunner.run("synth", "-p", "vn.citizen-register", "--rows", "5", "-o", dir.resolve("d.csv").toString(),
                "--truth", dir.resolve("d.csv").toString());
        assertThat(synth.exit()).isEqualTo(2);
        assertOneLine(synth, "two outputs to one file");
        assertThat(dir.resolve("d.csv")).doesNotExist();
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputKeepsEveryByte(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("people.csv");
        Files.copy(Path.of(CLEAN), data);
        byte[] original = Files.readAllBytes(data);
        Files.createSymbolicLink(dir.resolve("link.csv"), data);
        Files.createLink(dir.resolve("hard.csv"), data);
        for (String out : new String[] {"people.csv", "link.csv", "hard.csv"}) {
            CliRunner r = CliRunner.run("scan", "-q", "-p", PEOPLE, data.toString(), "-f", "csv=" + dir.resolve(out));
            assertThat(r.exit()).as(out).isEqualTo(2);
            assertOneLine(r, "is an input of this command");
        }
        // a file the scan finds in a folder, even with the CSV streamed during the scan
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.copy(Path.of(CLEAN), folder.resolve("people.csv"));
        CliRunner found = CliRunner.run("scan", "-q", "-p", PEOPLE, folder.toString(), "--max-examples", "0",
                "-f", "csv=" + folder.resolve("people.csv"), "-f", "json=" + dir.resolve("side.json"));
        assertThat(found.exit()).isEqualTo(2);
        assertOneLine(found, "people.csv is an input of this scan");
        assertThat(dir.resolve("side.json")).as("no report is written").doesNotExist();
        assertThat(Files.readAllBytes(folder.resolve("people.csv"))).isEqualTo(original);
        // a configuration's drop-in, read through the system root
        Path root = dir.resolve("root");
        Path dropIn = Files.createDirectories(root.resolve("etc/ssh/sshd_config.d")).resolve("50-cloud-init.conf");
        Files.writeString(root.resolve("etc/ssh/sshd_config"), "Include /etc/ssh/sshd_config.d/*.conf\n");
        Files.writeString(dropIn, "PasswordAuthentication yes\n");
        CliRunner config = CliRunner.run("scan", "-q", "-p", "ssh", root.toString(), "-f", "markdown=" + dropIn);
        assertThat(config.exit()).isEqualTo(2);
        assertOneLine(config, "50-cloud-init.conf is an input of this scan");
        assertThat(dropIn).hasContent("PasswordAuthentication yes");
        // the other commands' inputs: a saved report, a dataset, a profile
        Path saved = dir.resolve("scan.json");
        assertThat(CliRunner.run("scan", "-q", "-p", PEOPLE, data.toString(), "-f", "json=" + saved).exit()).isZero();
        byte[] report = Files.readAllBytes(saved);
        assertThat(CliRunner.run("render", saved.toString(), "-f", "json=" + saved).exit()).isEqualTo(2);
        assertThat(CliRunner.run("baseline", saved.toString(), "-o", saved.toString()).exit()).isEqualTo(2);
        assertThat(Files.readAllBytes(saved)).isEqualTo(report);
        CliRunner infer = CliRunner.run("infer", data.toString(), "-o", dir.resolve("hard.csv").toString());
        assertThat(infer.exit()).isEqualTo(2);
        assertOneLine(infer, "is an input of this command");
        Path profile = dir.resolve("p.yaml");
        Files.copy(Path.of(PEOPLE), profile);
        assertThat(CliRunner.run("synth", "-p", profile.toString(), "--rows", "3", "-o", profile.toString()).exit()).isEqualTo(2);
        assertThat(profile).hasSameBinaryContentAs(Path.of(PEOPLE));
        assertThat(Files.readAllBytes(data)).isEqualTo(original);
    }

    @Test
    void anUnwritableOutputIsExitTwoWithOneLineNamingItNeverAPass(@TempDir Path dir) throws Exception {
        Path readOnly = dir.resolve("read-only.json");
        Files.writeString(readOnly, "{}");
        Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        Path plainFile = dir.resolve("plain");
        Files.writeString(plainFile, "x");
        for (String target : new String[] {dir.toString(), readOnly.toString(), plainFile.resolve("r.json").toString(), "/dev/full"}) {
            CliRunner r = CliRunner.run("scan", "-q", "-p", PEOPLE, CLEAN, "-f", "json=" + dir.resolve("ok.json"), "-f", "junit=" + target);
            assertThat(r.exit()).as(target).isEqualTo(2); // the same scan passes with exit 0
            assertOneLine(r, "-f junit=" + target + ": ");
        }
        assertThat(readOnly).hasContent("{}");
        // a disk that fills while a report is written, in every format: the other reports are still written
        for (String format : new String[] {"console", "json", "sarif", "junit", "csv", "markdown", "html"}) {
            for (String examples : new String[] {"20", "0"}) { // with 0 the CSV is streamed
                Files.deleteIfExists(dir.resolve("ok.html"));
                String other = format.equals("html") ? "json=" + dir.resolve("ok.html") : "html=" + dir.resolve("ok.html");
                CliRunner full = CliRunner.run("scan", "-q", "-p", PEOPLE, CLEAN, "--max-examples", examples,
                        "-f", format + "=/dev/full", "-f", other);
                assertThat(full.exit()).as(format).isEqualTo(2);
                assertThat(full.err()).isEqualTo("chuan: -f " + format + "=/dev/full: cannot write: No space left on device\n");
                assertThat(Files.readString(dir.resolve("ok.html"))).contains(format.equals("html") ? "\"passed\"" : "Gate PASSED");
            }
        }

        Path saved = dir.resolve("scan.json");
        assertThat(CliRunner.run("scan", "-q", "-p", PEOPLE, CLEAN, "-f", "json=" + saved).exit()).isZero();
        CliRunner render = CliRunner.run("render", saved.toString(), "-f", "markdown=/dev/full");
        assertThat(render.exit()).isEqualTo(2);
        assertOneLine(render, "-f markdown=/dev/full: cannot write: No space left on device");
        CliRunner baseline = CliRunner.run("baseline", saved.toString(), "-o", "/dev/full");
        assertThat(baseline.exit()).isEqualTo(2);
        assertOneLine(baseline, "-o /dev/full: cannot write");
        CliRunner baselineDir = CliRunner.run("baseline", saved.toString(), "-o", dir.toString());
        assertThat(baselineDir.exit()).isEqualTo(2);
        assertOneLine(baselineDir, "is a directory");
        CliRunner synth = CliRunner.run("synth", "-p", "vn.citizen-register", "--rows", "2000", "-o", "/dev/full",
                "--truth", dir.resolve("t.csv").toString());
        assertThat(synth.exit()).isEqualTo(2);
        assertOneLine(synth, "-o /dev/full: cannot write: No space left on device");
        CliRunner infer = CliRunner.run("infer", CLEAN, "-o", "/dev/full");
        assertThat(infer.exit()).isEqualTo(2);
        assertOneLine(infer, "-o /dev/full: cannot write: No space left on device");
        CliRunner inferReadOnly = CliRunner.run("infer", CLEAN, "-o", readOnly.toString());
        assertThat(inferReadOnly.exit()).isEqualTo(2);
        assertOneLine(inferReadOnly, "is read-only");
    }
}
