package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.json.JSONObject;
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
        JSONObject report = new JSONObject(r.out());
        var results = report.getJSONArray("results");
        int failing = 0;
        for (int i = 0; i < results.length(); i++) {
            JSONObject res = results.getJSONObject(i);
            if (res.getString("status").equals("fail")) {
                failing++;
                assertThat(res.getString("rule")).isIn("DATA-PATTERN", "DATA-UNIQUE", "DATA-RANGE", "DATA-TYPE", "DATA-COMPLETENESS");
            }
        }
        assertThat(failing).isEqualTo(5); // pattern, unique, birth range, size range, e-mail type
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
        var results = new JSONObject(r.out()).getJSONArray("results");
        int patternViolations = 0;
        for (int i = 0; i < results.length(); i++) {
            JSONObject res = results.getJSONObject(i);
            if (res.getString("rule").equals("DATA-PATTERN")) {
                patternViolations += res.getInt("violations");
            }
        }
        assertThat(patternViolations).as("v: 'bbb' has no a; both long values fail; 'aaaa' matches").isEqualTo(3);
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

    private static int violations(String json, String rule) {
        var results = new JSONObject(json).getJSONArray("results");
        int n = 0;
        for (int i = 0; i < results.length(); i++) {
            if (results.getJSONObject(i).getString("rule").equals(rule)) {
                n += results.getJSONObject(i).getInt("violations");
            }
        }
        return n;
    }
}
