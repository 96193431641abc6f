package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The national pack through the command line: dates decide which lists and rules are in force. */
class NationalPackTest {

    private static JSONObject result(String json, String rule) {
        JSONArray results = new JSONObject(json).getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            if (results.getJSONObject(i).getString("rule").equals(rule)) {
                return results.getJSONObject(i);
            }
        }
        throw new AssertionError("no result for " + rule);
    }

    @Test
    void aPreMergerProvinceCodeIsJudgedByTheAsOfDate(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "profile: t\nversion: '1'\ntitle: T\nkind: dataset\n"
                + "dataset:\n  columns:\n    - {name: province, type: vn.province-code, required: true}\n"
                + "    - {name: cmnd, type: vn.cmnd}\n");
        Path csv = dir.resolve("units.csv");
        Files.writeString(csv, "province,cmnd\n02,025123456\n79,\n");
        String before = CliRunner.run("scan", "-p", profile.toString(), csv.toString(), "-f", "json", "--as-of", "2025-01-01").out();
        String after = CliRunner.run("scan", "-p", profile.toString(), csv.toString(), "-f", "json", "--as-of", "2026-01-01").out();
        assertThat(result(before, "VN-PROVINCE-CODE").getString("status")).isEqualTo("pass");
        assertThat(result(before, "VN-PROVINCE-MERGED").getString("status")).as("rule not yet in force").isEqualTo("not-applicable");
        assertThat(result(after, "VN-PROVINCE-MERGED").getString("status")).isEqualTo("fail");
        assertThat(result(after, "VN-PROVINCE-MERGED").getJSONArray("examples").getJSONObject(0).getString("message"))
                .contains("Hà Giang").contains("Tuyên Quang");
        String mid2024 = CliRunner.run("scan", "-p", profile.toString(), csv.toString(), "-f", "json", "--as-of", "2024-06-01").out();
        assertThat(result(mid2024, "VN-CMND-EXPIRED").getString("status")).isEqualTo("not-applicable");
        assertThat(result(before, "VN-CMND-EXPIRED").getInt("violations")).as("cards lapsed on 2024-12-31").isEqualTo(1);
        assertThat(result(after, "VN-CMND-EXPIRED").getInt("violations")).isEqualTo(1);
    }

    @Test
    void explainGivesLegalBasisAndValidity() {
        CliRunner r = CliRunner.run("explain", "VN-PROVINCE-MERGED");
        assertThat(r.out()).contains("in force: from 2025-07-01").contains("Resolution 202/2025/QH15")
                .contains("Decision 19/2025/QĐ-TTg");
        assertThat(CliRunner.run("explain", "VN-PID-GENDER").out()).contains("Decree 137/2015/NĐ-CP Art. 13");
    }

    @Test
    void personalValuesOfNationalTypesAreMaskedEverywhere() {
        CliRunner r = CliRunner.run("scan", "../samples/registers", "-f", "json", "--max-examples", "0");
        assertThat(r.out()).doesNotContain("024200777258").contains("0242******58");
        CliRunner console = CliRunner.run("scan", "../samples/registers", "--max-examples", "0");
        assertThat(console.out()).doesNotContain("024200777258");
    }
}
