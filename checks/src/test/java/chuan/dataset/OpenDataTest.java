package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Status;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vn.open-data: personal data is found by column name and by value, in columns nobody described. */
class OpenDataTest {

    static List<Result> scan(Path file) {
        Profile p = new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns().get("vn.open-data");
        return new DatasetScanner(RuleCatalog.builtIn()).scan(file, file.getFileName().toString(), p,
                new ScanOptions(LocalDate.of(2026, 3, 1), 20, false, 2)).results();
    }

    static List<String> failing(List<Result> results) {
        return results.stream().filter(r -> r.status() == Status.FAIL)
                .map(r -> r.rule() + (r.field() == null ? "" : " " + r.field())).sorted().toList();
    }

    @Test
    void personalColumnsAreFoundByNameAndByValue(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("households.csv");
        Files.writeString(f, "ma_ho,Họ và tên,Ngày sinh,lien_he,so_nguoi,ma_so\n"
                + "H1,Nguyễn Văn An,1980-01-02,0912345678,4,079088004521\n"
                + "H2,Trần Thị Bình,1985-03-04,0987654321,3,001195007788\n"
                + "H3,Lê Văn Cường,1990-05-06,cuong@gmail.com,2,\n");
        assertThat(failing(scan(f))).containsExactly("VN-OPEN-NAME-BIRTHDATE", "VN-OPEN-PERSONAL-DATA Họ và tên",
                "VN-OPEN-PERSONAL-DATA Ngày sinh", "VN-OPEN-PERSONAL-DATA lien_he", "VN-OPEN-PERSONAL-DATA ma_so");
        Result ids = scan(f).stream().filter(r -> "ma_so".equals(r.field())).findFirst().orElseThrow();
        assertThat(ids.examples().get(0).message()).contains("2 of 2 values").contains("Decree 356/2025");
        assertThat(ids.examples().get(0).value()).isNull();
    }

    @Test
    void organisationalDataPasses(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("schools.csv");
        Files.writeString(f, "ten_truong,dia_chi_truong,dien_thoai,so_hoc_sinh,ma_so_thue\n"
                + "THPT Lê Lợi,12 Lê Lợi,02838123456,1200,0100233488\nTHCS Nguyễn Du,5 Nguyễn Du,02838654321,800,0314409058\n");
        assertThat(failing(scan(f))).isEmpty();
    }

    @Test
    void theCategoriesFollowTheAuditDate(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("people.csv");
        Files.writeString(f, "ho_ten,so_nguoi\nNguyễn Văn An,4\n");
        Profile p = new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns().get("vn.open-data");
        List<Result> before = new DatasetScanner(RuleCatalog.builtIn()).scan(f, "people.csv", p,
                new ScanOptions(LocalDate.of(2025, 3, 1), 20, false, 1)).results();
        assertThat(before.stream().filter(r -> r.status() == Status.FAIL).findFirst().orElseThrow()
                .examples().get(0).message()).contains("13/2023");
    }

    @Test
    void personalValuesInsideTextAreFindingsAtTheirRowAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("payments.csv");
        Files.writeString(f, "ma_chi,so_tien,dien_giai\n"
                + "C1,1200000,\"Trả cho ông A, CCCD 001052926814, nhận thay\"\n"
                + "C2,350000,Tạm ứng công tác phí đợt 2 năm 2025\n"
                + "C3,90000,\"Hoàn tiền, liên hệ 0912 345 678 hoặc tổng đài 024 3812 3456\"\n"
                + "C4,500000,Chi hỗ trợ theo hồ sơ 202501234567\n"
                + "C5,75000,Gửi biên nhận về an.nguyen@gmail.com.\n");
        List<Result> results = scan(f);
        assertThat(failing(results)).containsExactly("VN-OPEN-PERSONAL-DATA dien_giai");
        Result r = results.stream().filter(x -> "dien_giai".equals(x.field()) && x.status() == Status.FAIL).findFirst().orElseThrow();
        assertThat(r.violations()).isEqualTo(3);
        assertThat(r.examples()).extracting(v -> v.row()).containsExactly(1L, 3L, 5L);
        assertThat(r.examples()).extracting(v -> v.column()).containsOnly(3);
        assertThat(r.examples().get(0).message()).contains("a personal identification number inside the text")
                .contains("Decree 356/2025");
        assertThat(r.examples().get(1).message()).contains("a mobile phone number");
        assertThat(r.examples().get(2).message()).contains("an e-mail address");
        for (var v : r.examples()) {
            assertThat(v.value()).doesNotContain("001052926814").doesNotContain("0912 345 678").doesNotContain("an.nguyen@");
            assertThat(v.message()).doesNotContain("001052926814").doesNotContain("912");
        }
    }

    @Test
    void aColumnOfWholeValuesIsStillJudgedByItsShare(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("units.csv");
        Files.writeString(f, "ma_don_vi,ghi_chu\nU1,0912345678\nU2,Không\nU3,Không\n");
        // a note that is one mobile number among others is not a sentence holding one: 1 of 3 is below half
        assertThat(failing(scan(f))).isEmpty();
    }
}
