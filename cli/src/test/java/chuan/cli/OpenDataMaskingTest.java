package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal values found inside free text are reported where they are and masked in every output. */
class OpenDataMaskingTest {

    static final List<String> SECRETS = List.of("001052926814", "0912345678", "0912 345 678", "an.nguyen@gmail.com",
            "an.nguyen@");

    @Test
    void anIdInsideASentenceIsFoundAndNeverShown(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("open-data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("chi-tieu-2026.csv"), "ma_chi,so_tien,dien_giai\n"
                + "C1,1200000,\"Trả cho ông A, CCCD 001052926814, nhận thay\"\n"
                + "C2,350000,Tạm ứng công tác phí\n"
                + "C3,90000,\"Hoàn tiền, liên hệ 0912 345 678\"\n"
                + "C4,75000,Gửi biên nhận về an.nguyen@gmail.com\n");
        List<String> formats = List.of("json", "csv", "sarif", "markdown", "html", "junit");
        List<String> args = new java.util.ArrayList<>(List.of("scan", data.resolve("chi-tieu-2026.csv").toString(), "-p", "vn.open-data",
                "--as-of", "2026-11-27", "--no-color", "-f", "console"));
        for (String f : formats) {
            args.addAll(List.of("-f", f + "=" + dir.resolve("report." + f)));
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("VN-OPEN-PERSONAL-DATA").contains("3 of 4");
        assertThat(r.out()).contains("row 1 line 2 col 3").contains("row 3 line 4 col 3").contains("row 4 line 5 col 3");
        for (String secret : SECRETS) {
            assertThat(r.out() + r.err()).as("console").doesNotContain(secret);
            for (String f : formats) {
                String report = Files.readString(dir.resolve("report." + f));
                assertThat(report).as(f).contains("VN-OPEN-PERSONAL-DATA").doesNotContain(secret);
            }
        }
        String json = Files.readString(dir.resolve("report.json"));
        assertThat(json).contains("a personal identification number inside the text");
    }
}
