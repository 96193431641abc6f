package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Severity;
import chuan.model.Status;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every real-world-style file in samples/: {@code chuan infer} drafts a profile that loads and
 * passes on the file, and once a defect is put into the file the same draft finds it, at its
 * record and column.
 */
class SampleDraftsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "residents/residents-ben-thanh-2026.csv|Nữ,12/03/2003|Nữa,12/03/2003|DATA-ENUM|Giới tính|1",
        "households/households-2026-q3.ndjson|HK-079-000101|HK-79-000101|DATA-PATTERN|household_id|1",
        "registers/citizen-register-2025-06.csv|,8478897137,|,847889713,|DATA-PATTERN|tax_code|1",
        "statistics/dan-so-trung-binh-2024.csv|,8685.6,|,8685.6x,|DATA-TYPE|Dân số trung bình Tổng số|1",
        "exports/ho-kinh-doanh-phuong-2025.txt|0914696649|091469664|VN-PHONE-FORMAT|Điện thoại|1",
        "finance/du-toan-thu-chi-2025.csv|1.254.300,0|1,254,300.0|DATA-TYPE|Dự toán giao (triệu đồng)|1"})
    void theDraftPassesOnTheSampleAndFindsADefectPutIntoIt(String sample, String find, String replace, String rule,
                                                          String field, int row, @TempDir Path dir) throws Exception {
        Path original = Path.of("../samples").resolve(sample);
        Path copy = dir.resolve(original.getFileName());
        Files.copy(original, copy);
        Path draft = dir.resolve("draft.yaml");
        CliRunner infer = CliRunner.run("infer", copy.toString(), "-o", draft.toString(), "--as-of", "2026-11-27");
        assertThat(infer.exit()).as(infer.err()).isZero();
        assertThat(CliRunner.run("profiles", "check", draft.toString()).exit()).isZero();
        CliRunner clean = CliRunner.run("scan", "-p", draft.toString(), copy.toString(), "--as-of", "2026-11-27");
        assertThat(clean.exit()).as(clean.out()).isZero();

        byte[] bytes = Files.readAllBytes(copy);
        boolean utf16 = bytes.length > 1 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE;
        Charset cs = utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
        int skip = utf16 ? 2 : 0;
        String text = new String(bytes, skip, bytes.length - skip, cs);
        assertThat(text).as("the text to replace is in the sample").contains(find);
        byte[] changed = text.replaceFirst(java.util.regex.Pattern.quote(find), replace).getBytes(cs);
        byte[] out = new byte[skip + changed.length];
        System.arraycopy(bytes, 0, out, 0, skip);
        System.arraycopy(changed, 0, out, skip, changed.length);
        Files.write(copy, out);

        CliRunner defect = CliRunner.run("scan", "-p", draft.toString(), copy.toString(), "--as-of", "2026-11-27", "-f", "json",
                "--max-examples", "0");
        assertThat(defect.exit()).as(defect.out()).isEqualTo(1);
        List<Result> failing = Reports.parse(defect.out()).results().stream()
                .filter(r -> r.status() == Status.FAIL && r.severity() != Severity.INFO).toList();
        assertThat(failing).as("the defect is found, and the only failure that counts is the defect put in").singleElement()
                .satisfies(r -> {
                    assertThat(r.rule() + " " + (r.field() == null ? "" : r.field())).isEqualTo(rule + " " + field);
                    assertThat(r.violations()).isEqualTo(1);
                    assertThat(Reports.firstExample(r).row()).isEqualTo(row);
                });
    }
}
