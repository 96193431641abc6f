package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data from the shared generator, with its truth file: every defect that the example-style profile
 * can express is found at the right row, line and field, and no clean cell is reported.
 */
class BenchTruthTest {

    /** Defect kinds the example-style profile (no cross-field or national rules) can express. */
    static final Set<String> EXPRESSIBLE = Set.of("bad_id_length", "bad_phone_prefix", "bad_email", "empty_required",
            "duplicate_id", "future_birth_date", "nfd_name", "mojibake_name");

    record Cell(long row, String column) {
    }

    record Truth(Cell cell, String defect) {
    }

    static List<Truth> truth(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", 5))
                .map(p -> new Truth(new Cell(Long.parseLong(p[0]), p[1]), p[2])).toList();
    }

    /**
     * The built-in national profile finds every kind of injected defect (cross-field, check digit,
     * province, legacy encoding included) at its cell, and nothing on clean cells: recall and
     * precision 100% per defect kind on this file, at the data's own date.
     */
    @ParameterizedTest
    @ValueSource(strings = {"citizens-2000.csv", "citizens-2000.ndjson"})
    void theCitizenRegisterProfileFindsEveryDefectKind(String name) throws Exception {
        Path data = Path.of("src/test/resources/bench").resolve(name);
        Profile profile = new chuan.profile.ProfileRegistry(new ProfileLoader(RuleCatalog.builtIn())).builtIns()
                .get("vn.citizen-register");
        DatasetOutcome o = new DatasetScanner(RuleCatalog.builtIn()).scan(data, name, profile,
                new ScanOptions(LocalDate.of(2025, 6, 30), 0, false, 2));
        assertThat(o.errors()).isEmpty();
        Set<Cell> found = new HashSet<>();
        for (Result r : o.results()) {
            for (Violation v : r.examples()) {
                if (v.row() != null && r.field() != null) {
                    found.add(new Cell(v.row(), r.field()));
                }
            }
        }
        List<Truth> truth = truth(data.resolveSibling(name + ".truth.csv"));
        java.util.Map<String, Long> missedByKind = new java.util.TreeMap<>();
        Set<Cell> truthCells = new HashSet<>();
        for (Truth t : truth) {
            truthCells.add(t.cell());
            if (!found.contains(t.cell())) {
                missedByKind.merge(t.defect(), 1L, Long::sum);
            }
        }
        assertThat(truth.stream().map(Truth::defect).distinct().count()).isEqualTo(12);
        assertThat(missedByKind).as("defects missed, by kind").isEmpty();
        assertThat(found).as("cells reported that hold no defect").isSubsetOf(truthCells);
    }

    @ParameterizedTest
    @ValueSource(strings = {"citizens-2000.csv", "citizens-2000.ndjson"})
    void everyExpressibleDefectIsFoundAndNothingElse(String name) throws Exception {
        Path data = Path.of("src/test/resources/bench").resolve(name);
        Profile profile = new ProfileLoader(RuleCatalog.builtIn()).load(Path.of("../bench/citizens-example.yaml"));
        DatasetOutcome o = new DatasetScanner(RuleCatalog.builtIn()).scan(data, name, profile,
                new ScanOptions(LocalDate.of(2025, 6, 30), 0, false, 2));
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(2000);
        boolean csv = name.endsWith(".csv");
        Set<Cell> found = new HashSet<>();
        for (Result r : o.results()) {
            for (Violation v : r.examples()) {
                if (v.row() != null && r.field() != null) {
                    found.add(new Cell(v.row(), r.field()));
                    assertThat(v.line()).as("line of row %d", v.row()).isEqualTo(csv ? v.row() + 1 : v.row());
                    if (csv) {
                        assertThat(v.column()).isNotNull();
                    }
                }
            }
        }
        List<Truth> truth = truth(data.resolveSibling(name + ".truth.csv"));
        Set<Cell> expected = new HashSet<>();
        Set<Cell> anyDefect = new HashSet<>();
        for (Truth t : truth) {
            anyDefect.add(t.cell());
            if (EXPRESSIBLE.contains(t.defect())) {
                expected.add(t.cell());
            }
        }
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(found).as("recall: every expressible defect is found").containsAll(expected);
        assertThat(anyDefect).as("precision: nothing is reported on a clean cell").containsAll(found);
    }
}
