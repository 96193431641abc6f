package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileException;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import chuan.standard.Packs;
import chuan.standard.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rows-per-group with its groups from a built-in reference list: every province of the list in force must be present. */
class GroupsFromListTest {

    private static final String PROFILE = """
            profile: prov
            version: "1"
            title: Provinces
            kind: dataset
            dataset:
              columns:
                - {name: id}
                - {name: province_code}
              checks:
                - {metric: rows-per-group, column: province_code, groups-from: vn.provinces, fail: "< 1"}
            """;

    static Profile load(String text) throws ProfileException {
        return new ProfileLoader(RuleCatalog.builtIn()).parse("prov.yaml", text, Path.of("."), "prov.yaml");
    }

    @Test
    void everyProvinceOfTheListInForceThatHasNoRecordIsNamed(@TempDir Path dir) throws Exception {
        LocalDate asOf = LocalDate.of(2026, 11, 30);
        Set<String> provinces = new TreeSet<>(Packs.referenceList("vn.provinces", ReferenceData.builtIn(), asOf).orElseThrow());
        assertThat(provinces).as("the provinces after the 2025 merger").hasSize(34).contains("01", "79");
        Path f = Files.writeString(dir.resolve("p.csv"), "id,province_code\n1,01\n2,79\n3,79\n4,99\n");
        Result r = new DatasetScanner(RuleCatalog.builtIn()).scan(f, "p.csv", load(PROFILE), new ScanOptions(asOf, 0, false, 1))
                .results().stream().filter(x -> x.rule().equals("DATA-ROWS-PER-GROUP")).findFirst().orElseThrow();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        Set<String> absent = new TreeSet<>(provinces);
        absent.removeAll(Set.of("01", "79"));
        assertThat(r.violations()).isEqualTo(absent.size());
        assertThat(r.examples().stream().map(Violation::value).toList()).containsExactlyElementsOf(absent);
        assertThat(r.message()).contains("34 groups of province_code expected").contains("1 records in no expected group");
    }

    @Test
    void anUnknownListOrBothFormsAreProfileErrorsAtTheirLine() {
        assertThatThrownBy(() -> load(PROFILE.replace("vn.provinces", "vn.nowhere"))).isInstanceOf(ProfileException.class)
                .hasMessageContaining("prov.yaml:10:").hasMessageContaining("no built-in reference list 'vn.nowhere'");
        assertThatThrownBy(() -> load(PROFILE.replace("groups-from: vn.provinces", "groups-from: vn.provinces, groups: [\"01\"]")))
                .isInstanceOf(ProfileException.class).hasMessageContaining("either 'groups' or 'groups-from'");
    }
}
