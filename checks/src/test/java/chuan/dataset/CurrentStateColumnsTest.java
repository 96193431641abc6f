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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A current-state column (the citizen register's province) is judged by the extract's date, so a
 * code the 2025 merger retired is reported after it however old the registration; a column true
 * at its record's date (the enterprise register's head office) keeps each record's own date.
 */
class CurrentStateColumnsTest {

    static final Map<String, Profile> BUILT_INS = new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns();

    static List<Result> scan(String profile, Path f, LocalDate asOf) {
        return new DatasetScanner(RuleCatalog.builtIn()).scan(f, f.getFileName().toString(), BUILT_INS.get(profile),
                new ScanOptions(asOf, 20, false, 1)).results();
    }

    static List<String> failing(List<Result> results) {
        return results.stream().filter(r -> r.status() == Status.FAIL).map(r -> r.rule() + " " + r.field()).toList();
    }

    @Test
    void aResidenceProvinceRetiredByTheMergerIsReportedInALaterExtract(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("citizen-extract.csv");
        Files.writeString(f, "id,full_name,gender,birth_date,province_code,phone,email,tax_code,address,registered_at\n"
                + "002203012345,Nguyễn Văn An,Nam,2003-03-12,02,0912345678,an@example.vn,0100233488,"
                + "\"Số 1 Nguyễn Trãi, Hà Giang\",2019-05-01T08:00:00+07:00\n");
        assertThat(failing(scan("vn.citizen-register", f, LocalDate.of(2025, 6, 30)))).as("an extract of June 2025").isEmpty();
        List<Result> later = scan("vn.citizen-register", f, LocalDate.of(2026, 11, 30));
        assertThat(failing(later)).containsExactly("VN-PROVINCE-MERGED province_code");
        Result merged = later.stream().filter(r -> r.rule().equals("VN-PROVINCE-MERGED")).findFirst().orElseThrow();
        assertThat(merged.examples().get(0).message()).contains("02 (Tỉnh Hà Giang) stopped existing on 2025-07-01")
                .contains("it became 08 (Tỉnh Tuyên Quang)");
    }

    @Test
    void aRegistrationsHeadOfficeKeepsTheCodesOfItsDate(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("enterprise-extract.csv");
        Files.writeString(f, "tax_code,name,address,province_code,commune_code,registered_at\n"
                + "0100233488,Công ty An Phát,\"Số 1 Nguyễn Trãi, Phường Quang Trung\",02,00688,2019-05-01\n"
                + "0314409058,Công ty Bình Minh,\"Số 2 Nguyễn Trãi, Phường Quang Trung\",02,00688,2025-08-01\n");
        List<Result> later = scan("vn.enterprise-register", f, LocalDate.of(2026, 11, 30));
        Result merged = later.stream().filter(r -> r.rule().equals("VN-PROVINCE-MERGED")).findFirst().orElseThrow();
        assertThat(merged.violations()).as("only the registration made after the merger").isEqualTo(1);
        assertThat(merged.examples().get(0).row()).isEqualTo(2L);
        assertThat(later.stream().filter(r -> r.rule().equals("VN-COMMUNE-CODE")).findFirst().orElseThrow().violations())
                .as("00688 is a commune of 2019, not of 2025").isEqualTo(1);
    }
}
