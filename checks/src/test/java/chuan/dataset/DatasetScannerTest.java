package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditError;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every dataset check on fixture files: a passing file and a failing one, with exact places. */
class DatasetScannerTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private final DatasetScanner scanner = new DatasetScanner(RuleCatalog.builtIn());

    static Profile profile(String name) throws Exception {
        return new ProfileLoader(RuleCatalog.builtIn()).load(FIXTURES.resolve(name));
    }

    DatasetOutcome scan(String file) throws Exception {
        return scan(FIXTURES.resolve(file), "people.yaml", 20, 2);
    }

    /** One project secret for every scan of a test: fingerprints compare across its scans, as across a project's runs. */
    private final chuan.model.Fingerprints fingerprints = chuan.model.Fingerprints.ephemeral();

    DatasetOutcome scan(Path file, String profile, int maxExamples, int workers) throws Exception {
        return scanner.scan(file, file.getFileName().toString(), profile(profile),
                new ScanOptions(AS_OF, maxExamples, false, workers, chuan.standard.ReferenceData.builtIn(), fingerprints));
    }

    static Result result(DatasetOutcome o, String rule, String field) {
        return o.results().stream()
                .filter(r -> r.rule().equals(rule) && java.util.Objects.equals(r.field(), field))
                .findFirst().orElseThrow(() -> new AssertionError("no result " + rule + " " + field + " in " + o.results()));
    }

    static List<Long> rows(Result r) {
        return r.examples().stream().map(Violation::row).toList();
    }

    /** Ctrl-C in the shell interrupts the scanning thread: the scan stops with a cancellation, never a partial pass. */
    @Test
    void anInterruptedScanIsCancelledNotReportedAsClean() throws Exception {
        Profile p = profile("people.yaml");
        Path file = FIXTURES.resolve("people-clean.csv");
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanner.scan(file, "people-clean.csv", p,
                    new ScanOptions(AS_OF, 20, false, 2))).isInstanceOf(java.util.concurrent.CancellationException.class)
                    .hasMessageContaining("cancelled");
        } finally {
            Thread.interrupted();
        }
        assertThat(scan("people-clean.csv").records()).isEqualTo(3); // and the next scan runs normally
    }

    @Test
    void aCleanFilePassesEveryCheck() throws Exception {
        DatasetOutcome o = scan("people-clean.csv");
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(3);
        assertThat(o.readCompletely()).isTrue();
        assertThat(o.results()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).as(r.rule() + " " + r.field()).isEqualTo(Status.PASS));
        assertThat(o.fingerprint()).hasSize(64);
        assertThat(result(o, "DATA-PATTERN", "id").checked()).isEqualTo(3);
    }

    @Test
    void eachColumnDefectIsFoundAtItsRowLineAndColumn() throws Exception {
        DatasetOutcome o = scan("people-defects.csv");
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(14);
        assertThat(rows(result(o, "DATA-PATTERN", "id"))).containsExactly(2L);
        assertThat(rows(result(o, "DATA-REQUIRED", "name"))).containsExactly(3L);
        assertThat(rows(result(o, "DATA-ENUM", "gender"))).containsExactly(4L);
        assertThat(rows(result(o, "DATA-TYPE", "born"))).containsExactly(5L);
        assertThat(rows(result(o, "DATA-RANGE", "born"))).containsExactly(6L);
        assertThat(rows(result(o, "DATA-RANGE", "size"))).containsExactly(7L);
        assertThat(rows(result(o, "DATA-TYPE", "size"))).containsExactly(8L);
        assertThat(rows(result(o, "DATA-TYPE", "email"))).containsExactly(9L);
        assertThat(rows(result(o, "DATA-UNIQUE", "id"))).containsExactly(11L, 14L);
        assertThat(rows(result(o, "DATA-NFC", "name"))).containsExactly(12L);
        assertThat(rows(result(o, "DATA-LENGTH", "name"))).containsExactly(13L);
        assertThat(rows(result(o, "DATA-DUPLICATE-ROWS", null))).containsExactly(14L);
        Violation v = result(o, "DATA-ENUM", "gender").examples().get(0);
        assertThat(v.line()).isEqualTo(5L);
        assertThat(v.column()).isEqualTo(3);
        assertThat(v.field()).isEqualTo("gender");
        assertThat(v.value()).isEqualTo("Nu");
        assertThat(v.expected()).isEqualTo("one of Nam, Nữ");
        assertThat(result(o, "DATA-REQUIRED", "id").status()).isEqualTo(Status.PASS);
    }

    @Test
    void personalValuesAreMaskedUnlessRevealed() throws Exception {
        Path f = FIXTURES.resolve("people-defects.csv");
        DatasetOutcome masked = scan(f, "people.yaml", 20, 2);
        assertThat(result(masked, "DATA-UNIQUE", "id").examples().get(0).value()).isEqualTo("0792******45");
        assertThat(result(masked, "DATA-LENGTH", "name").examples().get(0).value()).doesNotContain("Lợi");
        DatasetOutcome revealed = scanner.scan(f, "f", profile("people.yaml"), new ScanOptions(AS_OF, 20, true, 2));
        assertThat(result(revealed, "DATA-UNIQUE", "id").examples().get(0).value()).isEqualTo("079203012345");
    }

    @Test
    void datasetMetricsMeasureAndCompareWithThresholds() throws Exception {
        DatasetOutcome o = scan("people-defects.csv");
        Result completeness = result(o, "DATA-COMPLETENESS", "email");
        assertThat(completeness.status()).isEqualTo(Status.WARN);
        assertThat(completeness.violations()).isEqualTo(2);
        assertThat(completeness.message()).contains("0.8571");
        assertThat(result(o, "DATA-ROW-COUNT", null).status()).isEqualTo(Status.PASS);
        Result dup = result(o, "DATA-DUPLICATE-ROWS", null);
        assertThat(dup.status()).isEqualTo(Status.FAIL);
        assertThat(dup.violations()).isEqualTo(1);
    }

    @Test
    void countsAreExactWhileExamplesAreCapped() throws Exception {
        DatasetOutcome o = scan(FIXTURES.resolve("people-defects.csv"), "people.yaml", 1, 2);
        Result unique = result(o, "DATA-UNIQUE", "id");
        assertThat(unique.violations()).isEqualTo(2);
        assertThat(rows(unique)).containsExactly(11L);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        Path f = FIXTURES.resolve("people-defects.csv");
        assertThat(scan(f, "people.yaml", 0, 1).results()).isEqualTo(scan(f, "people.yaml", 0, 4).results());
    }

    @Test
    void aFileSwappedForALinkAfterItWasPlannedIsNotRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // the planner hands over the file itself; a link there now leads wherever an attacker chose
        Path outside = java.nio.file.Files.writeString(dir.resolve("shadow"), "root:$6$secret:19000:0:99999:7:::\n");
        Path planned = dir.resolve("people.csv");
        java.nio.file.Files.createSymbolicLink(planned, outside);
        DatasetOutcome o = scan(planned, "people.yaml", 20, 1);
        assertThat(o.readCompletely()).isFalse();
        assertThat(o.records()).isZero();
        assertThat(o.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("symbolic link"));
    }

    @Test
    void aByteOrderMarkIsNotedAndStripped() throws Exception {
        DatasetOutcome o = scan("people-bom.csv");
        assertThat(result(o, "DATA-BOM", null).status()).isEqualTo(Status.FAIL);
        assertThat(result(o, "DATA-BOM", null).severity().label()).isEqualTo("info");
        assertThat(result(o, "DATA-HEADER-MISSING-COLUMN", null).status()).isEqualTo(Status.PASS);
        assertThat(result(o, "DATA-PATTERN", "id").status()).isEqualTo(Status.PASS);
    }

    @Test
    void invalidUtf8IsOneErrorWithRowLineAndColumn() throws Exception {
        DatasetOutcome o = scan("people-invalid-utf8.csv");
        assertThat(o.readCompletely()).isFalse();
        assertThat(o.errors()).hasSize(1);
        AuditError e = o.errors().get(0);
        assertThat(e.kind()).isEqualTo(AuditError.Kind.PROCESSING);
        assertThat(e.line()).isEqualTo(3L);
        assertThat(e.column()).isEqualTo(16L);
        assertThat(e.message()).contains("invalid UTF-8").contains("0xE1").contains("record 2");
        Result enc = result(o, "DATA-ENCODING", null);
        assertThat(enc.status()).isEqualTo(Status.FAIL);
        assertThat(enc.examples().get(0).row()).isEqualTo(2L);
        assertThat(o.results()).filteredOn(r -> r.violations() == 0).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isIn(Status.ERROR, Status.NOT_APPLICABLE));
    }

    @Test
    void anUnterminatedQuoteStopsTheFileWithItsPosition() throws Exception {
        DatasetOutcome o = scan("people-unterminated.csv");
        assertThat(o.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2L);
            assertThat(e.column()).isEqualTo(14L);
            assertThat(e.message()).contains("unterminated quoted field");
        });
        assertThat(result(o, "DATA-QUOTE", null).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void raggedRowsAreReportedAndTheirCellsCheckedWhereTheirColumnIsKnown() throws Exception {
        DatasetOutcome o = scan("people-ragged.csv");
        Result ragged = result(o, "DATA-RAGGED-ROW", null);
        assertThat(rows(ragged)).containsExactly(2L, 3L);
        assertThat(ragged.examples().get(0).message()).isEqualTo("record has 5 fields, the header has 6");
        assertThat(result(o, "DATA-REQUIRED", "id").checked()).isEqualTo(3);
        assertThat(result(o, "DATA-TYPE", "email").checked()).as("record 2 has no email field").isEqualTo(2);
        assertThat(result(o, "DATA-REQUIRED", "id").status()).isEqualTo(Status.PASS);
    }

    @Test
    void aDefectInsideARaggedRecordIsFoundAtItsColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ragged.csv");
        Files.writeString(f, "id,name,gender,born,size,email\n"
                + "079203012345,Lan,Nữ,2003-13-12,4\n"                      // short: born is not a date
                + "079088004521,Minh,Nu,1988-11-05,3,m@vnpt.vn,extra\n"      // long: gender not allowed
                + "079088004521,Hà,Nữ,1995-01-02,1,ha@vnpt.vn\n");           // the id again
        DatasetOutcome o = scan(f, "people.yaml", 20, 2);
        assertThat(rows(result(o, "DATA-RAGGED-ROW", null))).containsExactly(1L, 2L);
        assertThat(rows(result(o, "DATA-TYPE", "born"))).containsExactly(1L);
        assertThat(result(o, "DATA-TYPE", "born").examples().get(0).column()).isEqualTo(4);
        assertThat(rows(result(o, "DATA-ENUM", "gender"))).containsExactly(2L);
        assertThat(rows(result(o, "DATA-UNIQUE", "id"))).as("a ragged record's id counts for uniqueness").containsExactly(3L);
        assertThat(result(o, "DATA-DUPLICATE-ROWS", null).violations()).isZero();
    }

    @Test
    void blankLinesAreBlankRecords() throws Exception {
        DatasetOutcome o = scan("people-blank-rows.csv");
        assertThat(rows(result(o, "DATA-BLANK-ROW", null))).containsExactly(2L, 4L);
        assertThat(result(o, "DATA-BLANK-ROW", null).examples().get(1).line()).isEqualTo(5L);
        assertThat(result(o, "DATA-REQUIRED", "id").status()).isEqualTo(Status.PASS);
    }

    @Test
    void headerProblemsAreStructuralResults() throws Exception {
        DatasetOutcome o = scan("people-header.csv");
        Result dup = result(o, "DATA-HEADER-DUPLICATE", null);
        assertThat(dup.violations()).isEqualTo(1);
        assertThat(dup.examples().get(0).field()).isEqualTo("Gender");
        assertThat(dup.examples().get(0).column()).isEqualTo(3);
        Result missing = result(o, "DATA-HEADER-MISSING-COLUMN", null);
        assertThat(missing.examples()).extracting(Violation::field).containsExactly("name");
        Result extra = result(o, "DATA-HEADER-EXTRA-COLUMN", null);
        assertThat(extra.examples()).extracting(Violation::field).containsExactly("Gender", "note");
        assertThat(result(o, "DATA-PATTERN", "Số định danh").status()).as("found by its alias").isEqualTo(Status.PASS);
        assertThat(result(o, "DATA-REQUIRED", "name").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void anEmptyFileCannotBeAudited() throws Exception {
        DatasetOutcome o = scan("people-empty.csv");
        assertThat(o.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("empty"));
        assertThat(o.readCompletely()).isFalse();
    }

    @Test
    void aHeaderOnlyFileIsAFindingNotAPass() throws Exception {
        DatasetOutcome o = scan("people-header-only.csv");
        assertThat(o.errors()).isEmpty();
        assertThat(result(o, "DATA-NO-RECORDS", null).status()).isEqualTo(Status.FAIL);
        assertThat(result(o, "DATA-ROW-COUNT", null).status()).isEqualTo(Status.FAIL);
        assertThat(result(o, "DATA-COMPLETENESS", "email").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aBinaryFileIsRecognised(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("people.csv");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        DatasetOutcome o = scan(f, "people.yaml", 20, 2);
        assertThat(o.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("binary file"));
    }

    @Test
    void aFiftyMegabyteLineStopsPromptlyWithAClearError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("people.csv");
        byte[] line = new byte[50 << 20];
        java.util.Arrays.fill(line, (byte) 'x');
        Files.write(f, ("id,name,gender,born,size,email\n").getBytes(StandardCharsets.UTF_8));
        Files.write(f, line, java.nio.file.StandardOpenOption.APPEND);
        DatasetOutcome o = scan(f, "people.yaml", 20, 2);
        assertThat(o.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2L);
            assertThat(e.message()).contains("longer than");
        });
        assertThat(result(o, "DATA-FIELD-SIZE", null).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void inputsAreOnlyRead() throws Exception {
        Path f = FIXTURES.resolve("people-defects.csv");
        byte[] before = Files.readAllBytes(f);
        long modified = Files.getLastModifiedTime(f).toMillis();
        scan("people-defects.csv");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(f).toMillis()).isEqualTo(modified);
    }

    @Test
    void ndjsonRecordsAreLinesAndBadLinesAreFindings() throws Exception {
        DatasetOutcome o = scan(FIXTURES.resolve("people.ndjson"), "people-json.yaml", 20, 2);
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(7);
        assertThat(rows(result(o, "DATA-JSON-SYNTAX", null))).containsExactly(5L);
        assertThat(rows(result(o, "DATA-JSON-RECORD", null))).containsExactly(6L);
        assertThat(rows(result(o, "DATA-BLANK-ROW", null))).containsExactly(4L);
        assertThat(rows(result(o, "DATA-UNIQUE", "id"))).containsExactly(3L);
        assertThat(rows(result(o, "DATA-REQUIRED", "id"))).containsExactly(7L);
        assertThat(rows(result(o, "DATA-RANGE", "size"))).containsExactly(7L);
        Result pointer = result(o, "DATA-PATTERN", "/address/province");
        assertThat(rows(pointer)).containsExactly(2L);
        assertThat(pointer.examples().get(0).column()).isNull();
        Result schema = result(o, "DATA-JSON-SCHEMA", null);
        assertThat(schema.examples()).extracting(Violation::row, Violation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "/size"), org.assertj.core.groups.Tuple.tuple(7L, "/"),
                        org.assertj.core.groups.Tuple.tuple(7L, "/size"));
        assertThat(result(o, "DATA-HEADER-EXTRA-COLUMN", null).examples()).extracting(Violation::field).containsExactly("note");
    }

    @Test
    void jsonArraysAreStreamedWithTheLineOfEachRecord() throws Exception {
        DatasetOutcome o = scan(FIXTURES.resolve("people.json"), "people-json.yaml", 20, 2);
        assertThat(o.records()).isEqualTo(3);
        Result range = result(o, "DATA-RANGE", "size");
        assertThat(range.examples()).extracting(Violation::row, Violation::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 3L));
        assertThat(rows(result(o, "DATA-PATTERN", "id"))).containsExactly(3L);
    }

    @Test
    void malformedJsonStopsWithLineAndColumn() throws Exception {
        DatasetOutcome o = scan(FIXTURES.resolve("people-broken.json"), "people-json.yaml", 20, 2);
        assertThat(o.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3L);
            assertThat(e.column()).isGreaterThan(30L);
            assertThat(e.message()).startsWith("malformed JSON");
        });
    }

    @Test
    void aMissingFileIsAProcessingError() throws IOException {
        DatasetOutcome o;
        try {
            o = scanner.scan(Path.of("no/such.csv"), "no/such.csv", profile("people.yaml"), new ScanOptions(AS_OF, 20, false, 1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(o.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("cannot read"));
    }
}
