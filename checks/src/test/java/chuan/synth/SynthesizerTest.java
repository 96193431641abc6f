package chuan.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.dataset.DatasetOutcome;
import chuan.dataset.DatasetScanner;
import chuan.dataset.Inference;
import chuan.dataset.ScanOptions;
import chuan.model.Result;
import chuan.model.Violation;
import chuan.profile.ColumnSpec;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.rules.RuleCatalog;
import chuan.standard.ReferenceData;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data made by the synthesizer, scanned with the profile it was made for: every injected defect is
 * reported at its cell under its rule, and no other cell is reported.
 */
class SynthesizerTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final ProfileLoader LOADER = new ProfileLoader(RuleCatalog.builtIn());

    record Cell(long row, String column) {
    }

    static Profile profile(String selector) throws Exception {
        return selector.endsWith(".yaml") ? LOADER.load(Path.of(selector))
                : new ProfileRegistry(LOADER).builtIns().get(selector);
    }

    static Path synth(Profile p, Path dir, String name, long rows, double rate, long seed) throws Exception {
        Path data = dir.resolve(name);
        try (Writer d = Files.newBufferedWriter(data, StandardCharsets.UTF_8);
             Writer t = Files.newBufferedWriter(dir.resolve(name + ".truth.csv"), StandardCharsets.UTF_8)) {
            new Synthesizer(p, AS_OF, ReferenceData.builtIn()).write(rows, rate, seed, name, d, t);
        }
        return data;
    }

    static DatasetOutcome scan(Profile p, Path data) throws Exception {
        return new DatasetScanner(RuleCatalog.builtIn()).scan(data, data.getFileName().toString(), p,
                new ScanOptions(AS_OF, 0, false, 2));
    }

    /** Cells reported, with the rules reported there; JSON Pointer fields count as their column. */
    static Map<Cell, Set<String>> found(DatasetOutcome o) {
        Map<Cell, Set<String>> found = new HashMap<>();
        for (Result r : o.results()) {
            for (Violation v : r.examples()) {
                if (v.row() != null && v.field() != null) {
                    found.computeIfAbsent(new Cell(v.row(), v.field().replaceFirst("^/", "")), k -> new HashSet<>())
                            .add(r.rule());
                }
            }
        }
        return found;
    }

    @ParameterizedTest
    @CsvSource({"vn.citizen-register, citizens.csv", "vn.citizen-register, citizens.ndjson", "vn.citizen-register, citizens.tsv",
        "vn.enterprise-register, enterprises.csv", "../samples/.chuan/profiles/ben-thanh-residents.yaml, residents.csv",
        "../samples/.chuan/profiles/households.yaml, households.ndjson", "../bench/citizens-example.yaml, citizens.csv"})
    void everyInjectedDefectIsFoundAtItsCellUnderItsRuleAndNothingElse(String selector, String name, @TempDir Path dir)
            throws Exception {
        Profile p = profile(selector);
        Path data = synth(p, dir, name, 4000, 0.15, 11);
        DatasetOutcome o = scan(p, data);
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(4000);
        Map<Cell, Set<String>> found = found(o);
        List<String[]> truth = Files.readAllLines(dir.resolve(name + ".truth.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        assertThat(truth).hasSizeBetween(450, 750); // 15% of 4,000, give or take chance and unusable duplicates
        Set<Cell> truthCells = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (String[] t : truth) {
            Cell c = new Cell(Long.parseLong(t[0]), t[1].replaceFirst("^/", ""));
            truthCells.add(c);
            kinds.add(t[2]);
            assertThat(found.get(c)).as("rules at row %s, column %s (%s)", t[0], t[1], t[2]).isNotNull().contains(t[3]);
        }
        assertThat(found.keySet()).as("cells reported without an injected defect").isEqualTo(truthCells);
        long columnsWithDefects = p.dataset().columns().stream().filter(c -> !c.links().isEmpty() || c.required()).count();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo((int) Math.min(4, columnsWithDefects));
    }

    @Test
    void theNationalDefectKindsAreAllMade(@TempDir Path dir) throws Exception {
        Path data = synth(profile("vn.citizen-register"), dir, "c.csv", 20_000, 0.2, 5);
        Set<String> kinds = new HashSet<>();
        Files.readAllLines(dir.resolve("c.csv.truth.csv")).stream().skip(1).forEach(l -> kinds.add(l.split(",")[2]));
        assertThat(kinds).contains("id-too-short", "id-birth-year-mismatch", "id-gender-mismatch", "duplicate", "missing",
                "tax-code-check-digit", "phone-too-short", "decomposed-text", "mojibake", "email-without-at");
        assertThat(Files.size(data)).isGreaterThan(20_000L * 100);
    }

    @Test
    void cleanDataPassesEveryCheck(@TempDir Path dir) throws Exception {
        for (String selector : List.of("vn.citizen-register", "vn.enterprise-register")) {
            Profile p = profile(selector);
            DatasetOutcome o = scan(p, synth(p, dir, "clean.csv", 3000, 0, 3));
            assertThat(found(o)).as(selector).isEmpty();
            assertThat(o.results()).isNotEmpty().allSatisfy(r -> assertThat(r.status().name()).as(r.rule()).isNotEqualTo("FAIL"));
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
        Profile p = profile("vn.citizen-register");
        String[] a = write(p, 7);
        String[] b = write(p, 7);
        String[] c = write(p, 8);
        assertThat(a).isEqualTo(b);
        assertThat(c[0]).isNotEqualTo(a[0]);
        assertThat(a[0]).startsWith("id,full_name,gender,birth_date,province_code,");
        assertThat(a[0].lines().count()).isEqualTo(501);
    }

    /** A workbook written by synth holds the CSV's text: a scan finds the same defects at the same records in both. */
    @Test
    void aWorkbookHoldsWhatTheCsvHoldsAndAScanFindsTheSameDefects(@TempDir Path dir) throws Exception {
        Profile p = profile("vn.citizen-register");
        Path csv = dir.resolve("c.csv");
        Path book = dir.resolve("c.xlsx");
        try (java.io.OutputStream d = Files.newOutputStream(csv); StringWriter t = new StringWriter()) {
            new Synthesizer(p, AS_OF, ReferenceData.builtIn()).write(400, 0.1, 3, "c.csv", d, t);
        }
        StringWriter truth = new StringWriter();
        try (java.io.OutputStream d = Files.newOutputStream(book)) {
            new Synthesizer(p, AS_OF, ReferenceData.builtIn()).write(400, 0.1, 3, "c.xlsx", d, truth);
        }
        assertThat(Files.readAllBytes(book)).startsWith('P', 'K'); // a zip package
        chuan.dataset.DatasetScanner scanner = new chuan.dataset.DatasetScanner(chuan.rules.RuleCatalog.builtIn());
        chuan.dataset.ScanOptions options = new chuan.dataset.ScanOptions(AS_OF, 0, false, 2, ReferenceData.builtIn(),
                chuan.model.Fingerprints.ephemeral());
        java.util.Set<String> fromCsv = findings(scanner.scan(csv, "c.csv", p, options));
        java.util.Set<String> fromBook = findings(scanner.scan(book, "c.xlsx", p, options));
        assertThat(fromBook).isNotEmpty().isEqualTo(fromCsv);
        assertThat(truth.toString().lines().count() - 1).as("defects listed").isEqualTo(fromBook.stream()
                .map(f -> f.substring(0, f.indexOf(' '))).distinct().count());
    }

    /** Each failing (record, rule) of a scan. */
    private static java.util.Set<String> findings(chuan.dataset.DatasetOutcome o) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (chuan.model.Result r : o.results()) {
            for (chuan.model.Violation v : r.examples()) {
                if (v.row() != null) {
                    out.add(v.row() + " " + r.rule() + " " + r.field());
                }
            }
        }
        return out;
    }

    private static String[] write(Profile p, long seed) throws Exception {
        StringWriter d = new StringWriter();
        StringWriter t = new StringWriter();
        new Synthesizer(p, AS_OF, ReferenceData.builtIn()).write(500, 0.1, seed, "c.csv", d, t);
        return new String[] {d.toString(), t.toString()};
    }

    @Test
    void personalIdsAgreeWithBirthDateSexAndProvince(@TempDir Path dir) throws Exception {
        Path data = synth(profile("vn.citizen-register"), dir, "c.csv", 1000, 0, 9);
        List<String> lines = Files.readAllLines(data);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String id = f[0];
            assertThat(id).hasSize(12);
            assertThat(id.substring(4, 6)).isEqualTo(f[3].substring(2, 4));            // birth year
            assertThat((id.charAt(3) - '0') % 2 == 0).isEqualTo(f[2].equals("Nam"));   // sex
            assertThat(f[1]).isNotBlank();
        }
    }

    @Test
    void inferOnSynthesizedDataRecoversTheNationalTypes(@TempDir Path dir) throws Exception {
        for (String selector : List.of("vn.citizen-register", "vn.enterprise-register")) {
            Profile p = profile(selector);
            Path data = synth(p, dir, selector + ".csv", 2000, 0, 4);
            Path draft = dir.resolve(selector + ".draft.yaml");
            Files.writeString(draft, Inference.draft(data, "draft.x", 0, AS_OF));
            Map<String, String> inferred = new HashMap<>();
            for (ColumnSpec c : LOADER.load(draft).dataset().columns()) {
                inferred.put(c.name(), c.valueType());
            }
            List<ColumnSpec> national = p.dataset().columns().stream()
                    .filter(c -> c.valueType() != null && !c.valueType().equals("vn.text")).toList();
            assertThat(national).as(selector + " has columns of national types").isNotEmpty();
            for (ColumnSpec c : national) {
                assertThat(inferred.get(c.name())).as("%s: %s", selector, c.name()).isEqualTo(c.valueType());
            }
        }
    }

    @Test
    void aUniqueColumnWithTooFewValuesIsRefusedWithAReason() throws Exception {
        Profile p = profile("vn.admin-units");
        assertThatThrownBy(() -> new Synthesizer(p, AS_OF, ReferenceData.builtIn())
                .write(100_000, 0, 1, "units.csv", Writer.nullWriter(), Writer.nullWriter()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct values");
    }
}
