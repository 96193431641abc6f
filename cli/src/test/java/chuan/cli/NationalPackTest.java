package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The national pack through the command line: dates decide which lists and rules are in force. */
class NationalPackTest {

    private static Result result(String json, String rule) {
        return Reports.result(Reports.parse(json), rule);
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
        assertThat(result(before, "VN-PROVINCE-CODE").status()).isEqualTo(Status.PASS);
        assertThat(result(before, "VN-PROVINCE-MERGED").status()).as("rule not yet in force").isEqualTo(Status.NOT_APPLICABLE);
        assertThat(result(after, "VN-PROVINCE-MERGED").status()).isEqualTo(Status.FAIL);
        assertThat(Reports.firstExample(result(after, "VN-PROVINCE-MERGED")).message()).contains("Hà Giang").contains("Tuyên Quang");
        String mid2024 = CliRunner.run("scan", "-p", profile.toString(), csv.toString(), "-f", "json", "--as-of", "2024-06-01").out();
        assertThat(result(mid2024, "VN-CMND-EXPIRED").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(result(before, "VN-CMND-EXPIRED").violations()).as("cards lapsed on 2024-12-31").isEqualTo(1);
        assertThat(result(after, "VN-CMND-EXPIRED").violations()).isEqualTo(1);
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
