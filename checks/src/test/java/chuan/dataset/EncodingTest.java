package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Status;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.rules.RuleCatalog;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file in a legacy Vietnamese encoding gives one clear result, and reads right when declared. */
class EncodingTest {

    static final Path DIR = Path.of("src/test/resources/fixtures/encodings");

    static DatasetOutcome scan(String file, Profile profile) {
        return new DatasetScanner(RuleCatalog.builtIn()).scan(DIR.resolve(file), file, profile,
                new ScanOptions(LocalDate.of(2025, 6, 30), 20, false, 2));
    }

    @ParameterizedTest
    @CsvSource({"citizens-cp1258.csv,Windows-1258,windows-1258", "citizens-tcvn3.csv,TCVN3,TCVN3"})
    void anUndeclaredLegacyFileIsOneEncodingErrorNamingTheEncoding(String file, String described, String name) throws Exception {
        Profile register = new ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns().get("vn.citizen-register");
        DatasetOutcome o = scan(file, register);
        assertThat(o.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2L);
            assertThat(e.message()).contains(described).contains("encoding: " + name).contains("record 1");
        });
        long withViolations = o.results().stream().filter(r -> r.violations() > 0).count();
        assertThat(withViolations).as("only the encoding result, no flood of cell errors").isEqualTo(1);
        assertThat(o.results()).filteredOn(r -> r.rule().equals("DATA-ENCODING"))
                .singleElement().extracting(Result::violations).isEqualTo(1L);
    }

    @ParameterizedTest
    @CsvSource({"citizens-cp1258.csv,citizens-cp1258.yaml", "citizens-tcvn3.csv,citizens-tcvn3.yaml"})
    void aDeclaredLegacyEncodingIsReadAndStillReported(String file, String profileFile) throws Exception {
        Profile p = new ProfileLoader(RuleCatalog.builtIn()).load(DIR.resolve(profileFile));
        DatasetOutcome o = scan(file, p);
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(3);
        assertThat(o.results()).filteredOn(r -> r.rule().equals("DATA-ENCODING")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.violations()).isEqualTo(1);
            assertThat(r.examples()).first().satisfies(v -> assertThat(v.message()).contains("not UTF-8"));
        });
        assertThat(o.results()).filteredOn(r -> !r.rule().equals("DATA-ENCODING")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).as(r.rule() + " " + r.field() + " " + r.examples())
                        .isIn(Status.PASS, Status.NOT_APPLICABLE));
    }
}
