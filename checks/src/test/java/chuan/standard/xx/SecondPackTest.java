package chuan.standard.xx;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.dataset.DatasetScanner;
import chuan.dataset.Inference;
import chuan.dataset.ScanOptions;
import chuan.model.Result;
import chuan.model.Status;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.rules.RuleCatalog;
import chuan.standard.Packs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second standards pack, added with its own package, resources and one registration line (this
 * module's test {@code META-INF/services}), works through the engine as the built-in one does:
 * its rules are catalogued, its profile is built in, its type checks values against its reference
 * list, its values are masked as personal data, and a drafted profile recognises its type.
 */
class SecondPackTest {

    private static final ProfileRegistry PROFILES = new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn()));

    @Test
    void thePackIsFoundBesideTheBuiltInOne() {
        assertThat(Packs.all()).extracting(p -> p.id()).contains("vn", "xx");
        assertThat(Packs.type("xx.resident-no")).isPresent();
        assertThat(RuleCatalog.builtIn().find("XX-RESNO-CHECK")).isPresent();
        assertThat(PROFILES.builtIns()).containsKey("xx.residents");
    }

    @Test
    void itsProfileChecksItsTypeAgainstItsReferenceList(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("residents-xx.csv");
        // 100000009: region 10, Luhn-valid; 990000002: region 99 not listed; 100000007: wrong check digit; 12345: short
        Files.writeString(f, "resident_no,name\n100000009,Ada\n990000002,Bo\n100000007,Cy\n12345,Di\n200000008,Ed\n");
        Profile p = PROFILES.builtIns().get("xx.residents");
        List<Result> results = new DatasetScanner(RuleCatalog.builtIn()).scan(f, "residents-xx.csv", p,
                new ScanOptions(LocalDate.of(2026, 11, 30), 20, false, 1)).results();
        assertThat(results).filteredOn(r -> r.status() == Status.FAIL).extracting(Result::rule)
                .containsExactlyInAnyOrder("XX-RESNO-FORMAT", "XX-RESNO-REGION", "XX-RESNO-CHECK");
        Result check = results.stream().filter(r -> r.rule().equals("XX-RESNO-CHECK")).findFirst().orElseThrow();
        assertThat(check.violations()).isEqualTo(1);
        assertThat(check.examples().get(0).row()).isEqualTo(3L);
        assertThat(check.examples().get(0).message()).isEqualTo("its check digit does not match");
        assertThat(check.examples().get(0).value()).as("a resident number is personal data, masked")
                .isNotEqualTo("100000007").doesNotContain("0000000");
    }

    @Test
    void aDraftedProfileRecognisesItsType(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("people.csv");
        StringBuilder csv = new StringBuilder("number,city\n");
        for (String n : List.of("100000009", "200000008", "300000007", "100000017", "200000016", "300000015")) {
            csv.append(n).append(",Town\n");
        }
        Files.writeString(f, csv);
        assertThat(Inference.draft(f, "people", 1000, LocalDate.of(2026, 11, 30))).contains("type: xx.resident-no");
    }
}
