package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
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

/**
 * vn.enterprise-register judges each registration's commune by the list in force on its date: the
 * 2004 scheme's communes (with the dates each existed) before 2025-07-01, the 2025 list after, and
 * the commune inside the province under the same list.
 */
class CommuneCodesByDateTest {

    static Result result(List<Result> results, String rule) {
        return results.stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
    }

    static List<Long> rows(Result r) {
        return r.examples().stream().map(Violation::row).toList();
    }

    @Test
    void eachRegistrationIsJudgedByTheCommuneListOfItsDate(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("enterprises.csv");
        Files.writeString(f, "tax_code,name,address,province_code,commune_code,registered_at\n"
                + "0100233488,Công ty An Phát,Số 1 Phúc Xá,01,00001,2019-05-01\n"          // 1 Phúc Xá, Hà Nội (2004)
                + "0314409058,Công ty Bình Minh,Số 2 Phúc Xá,79,00001,2019-05-01\n"        // 2 Phúc Xá is not in 79
                + "0100047516,Công ty Cường Thịnh,Xã Bản Péo,02,01078,2021-03-01\n"        // 3 Bản Péo merged on 2020-01-01
                + "0300123450,Công ty Đông Á,Xã Bản Péo,02,01078,2019-03-01\n"             // 4 Bản Péo still existed
                + "0400123454,Công ty Gia Phú,Phường Ba Đình,01,00004,2025-08-01\n"        // 5 2025 list
                + "0500123458,Công ty Hòa Bình,Phường Ba Đình,79,00004,2025-08-01\n"       // 6 Ba Đình is not in 79
                + "0600123451,Công ty Kim Long,Phường Phúc Xá,01,00001,2025-08-01\n");     // 7 Phúc Xá is gone in 2025
        Profile p = new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns().get("vn.enterprise-register");
        List<Result> results = new DatasetScanner(RuleCatalog.builtIn()).scan(f, "enterprises.csv", p,
                new ScanOptions(LocalDate.of(2026, 1, 1), 20, false, 1)).results();

        Result code = result(results, "VN-COMMUNE-CODE");
        assertThat(rows(code)).containsExactly(3L, 7L);
        assertThat(code.examples().get(0).message()).contains("Xã Bản Péo").contains("until 2019-12-31").contains("not on 2021-03-01");
        assertThat(code.examples().get(1).message()).contains("3,321").contains("Phường Phúc Xá");

        Result inProvince = result(results, "VN-COMMUNE-PROVINCE");
        assertThat(inProvince.status()).as("in force under either list").isEqualTo(Status.FAIL);
        assertThat(rows(inProvince)).containsExactly(2L, 6L);
        assertThat(inProvince.examples().get(0).expected()).contains("province 01").contains("Phường Phúc Xá").contains("2019-05-01");
        assertThat(inProvince.examples().get(1).expected()).contains("province 01 (Thành phố Hà Nội)");
    }
}
