package chuan.synth;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.dataset.DatasetOutcome;
import chuan.dataset.DatasetScanner;
import chuan.dataset.ScanOptions;
import chuan.model.Result;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import chuan.standard.ReferenceData;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synth breaks a profile's row rules on purpose, records each in its truth file, and the scan finds exactly those. */
class SynthRowRulesTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    record Finding(long row, String field, String rule) {
    }

    @Test
    void everyBrokenRowRuleIsFoundWhereTheTruthSaysAndNothingElse(@TempDir Path dir) throws Exception {
        Profile p = new ProfileLoader(RuleCatalog.builtIn()).load(Path.of("src/test/resources/rowrules/people.yaml"));
        Path data = dir.resolve("people.csv");
        Path truthFile = dir.resolve("people.csv.truth.csv");
        try (Writer d = Files.newBufferedWriter(data, StandardCharsets.UTF_8);
             Writer t = Files.newBufferedWriter(truthFile, StandardCharsets.UTF_8)) {
            new Synthesizer(p, AS_OF, ReferenceData.builtIn()).write(5000, 0.2, 17, "people.csv", d, t);
        }
        Set<Finding> truth = new HashSet<>();
        Set<String> rulesBroken = new HashSet<>();
        try (Reader r = Files.newBufferedReader(truthFile)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                truth.add(new Finding(Long.parseLong(rec.get("row")), rec.get("column"), rec.get("rule")));
                if (rec.get("defect").equals("row-rule")) {
                    rulesBroken.add(rec.get("rule"));
                }
            }
        }
        assertThat(rulesBroken).as("each row rule and the required-if broken at least once")
                .containsExactlyInAnyOrder("death-after-birth", "alive-without-death-date", "income-not-negative", "DATA-REQUIRED-IF");
        DatasetOutcome o = new DatasetScanner(RuleCatalog.builtIn()).scan(data, "people.csv", p, new ScanOptions(AS_OF, 0, false, 2));
        assertThat(o.errors()).isEmpty();
        Set<Finding> found = new HashSet<>();
        for (Result r : o.results()) {
            assertThat(r.examples()).hasSize((int) r.violations()); // no cap: every finding is listed
            for (Violation v : r.examples()) {
                found.add(new Finding(v.row(), v.field(), r.rule()));
            }
        }
        assertThat(found).as("findings without a defect in the truth file").isSubsetOf(truth);
        assertThat(truth).as("defects the scan missed").isSubsetOf(found);
        assertThat(truth.stream().filter(f -> f.rule().equals("death-after-birth")).findFirst().orElseThrow().field())
                .isEqualTo("birth_date, death_date");
    }
}
