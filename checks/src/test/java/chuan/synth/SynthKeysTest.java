package chuan.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** synth's key defects (a repeated composite key, dangling values of a list, a file and the same file) are exactly what a scan finds. */
class SynthKeysTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 8, 1);

    record Finding(long row, String field, String rule) {
    }

    private static final String PROFILE = """
            profile: t.households
            version: "1"
            title: Households
            kind: dataset
            dataset:
              primary-key: [province_code, household_id, member_no]
              foreign-keys:
                - columns: [province_code]
                  reference: {list: vn.provinces}
                - columns: [head_id]
                  reference: {dataset: citizens.csv, columns: [id]}
                - columns: [moved_from]
                  reference: {columns: [household_id]}
              columns:
                - {name: province_code, required: true, pattern: "^[0-9]{2}$"}
                - {name: household_id, type: integer, required: true, min: 1, max: 99999}
                - {name: member_no, type: integer, required: true, min: 1, max: 9}
                - {name: head_id, required: true, pattern: "^[0-9]{12}$", personal: true}
                - {name: moved_from, type: integer, min: 1, max: 99999}
                - {name: relation, enum: [head, spouse, child, other], required: true}
            """;

    private static Profile profile(Path dir) throws Exception {
        StringBuilder citizens = new StringBuilder("id,name\n");
        for (int i = 0; i < 5000; i++) {
            citizens.append(String.format("0792%08d,A%d%n", i * 7L, i));
        }
        Files.writeString(dir.resolve("citizens.csv"), citizens);
        Files.writeString(dir.resolve("households.yaml"), PROFILE);
        return new ProfileLoader(RuleCatalog.builtIn()).load(dir.resolve("households.yaml"));
    }

    @Test
    void everyKeyDefectIsFoundAtItsRowUnderItsRuleAndNothingElse(@TempDir Path dir) throws Exception {
        Profile p = profile(dir);
        Path data = dir.resolve("households.csv");
        Path truthFile = dir.resolve("households.csv.truth.csv");
        try (Writer d = Files.newBufferedWriter(data); Writer t = Files.newBufferedWriter(truthFile)) {
            new Synthesizer(p, AS_OF, ReferenceData.builtIn()).write(6000, 0.15, 7, "households.csv", d, t);
        }
        DatasetOutcome o = new DatasetScanner(RuleCatalog.builtIn()).scan(data, "households.csv", p,
                new ScanOptions(AS_OF, 0, false, 2));
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(6000);
        Set<Finding> found = new HashSet<>();
        for (Result r : o.results()) {
            for (Violation v : r.examples()) {
                found.add(new Finding(v.row(), v.field(), r.rule()));
            }
        }
        Set<Finding> truth = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        try (Reader in = Files.newBufferedReader(truthFile, StandardCharsets.UTF_8)) {
            for (CSVRecord t : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                truth.add(new Finding(Long.parseLong(t.get("row")), t.get("column"), t.get("rule")));
                kinds.add(t.get("defect") + " " + t.get("column"));
            }
        }
        assertThat(truth).hasSizeBetween(600, 1200);
        assertThat(kinds).contains("duplicate-key province_code, household_id, member_no", "dangling province_code",
                "dangling head_id", "missing relation");
        assertThat(found).isEqualTo(truth);
    }

    @Test
    void aKeyIntoATableCannotBeMadeInAFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.yaml"), "profile: t.t\nversion: '1'\ntitle: T\nkind: dataset\nsource: {table: t}\n"
                + "dataset:\n  foreign-keys:\n    - columns: [a]\n      reference: {table: other, columns: [id]}\n"
                + "  columns:\n    - name: a\n");
        Profile p = new ProfileLoader(RuleCatalog.builtIn()).load(dir.resolve("t.yaml"));
        assertThatThrownBy(() -> new Synthesizer(p, AS_OF, ReferenceData.builtIn())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refers to table other");
    }
}
