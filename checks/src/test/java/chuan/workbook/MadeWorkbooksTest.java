package chuan.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.dataset.DatasetOutcome;
import chuan.dataset.DatasetScanner;
import chuan.dataset.ScanOptions;
import chuan.model.AuditError;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus of made workbooks ({@code workbooks/made/EXPECTED.md}: written by openpyxl, and the same content saved
 * by LibreOffice) scanned with one profile: each file's defect found at the cells the corpus names, in each
 * writer's version; and every hostile file ({@code workbooks/hostile/EXPECTED.md}) refused as an input error.
 */
class MadeWorkbooksTest {

    private static final Path MADE = Path.of("src/test/resources/workbooks/made");
    private static final Path HOSTILE = Path.of("src/test/resources/workbooks/hostile");
    private static final String PROFILE = """
            profile: test.made-books
            version: 1.0.0
            title: the made workbooks' columns
            kind: dataset
            dataset:
              extra-columns: allow
              columns:
                - {name: id, type: vn.personal-id, required: true}
                - {name: full_name, type: string, required: true}
                - {name: birth_date, type: date}
                - {name: province_code, type: string}
                - {name: amount, type: number}
                - {name: birth_serial, type: date}
                - {name: account_no, type: string}
            """;

    @TempDir
    static Path dir;

    private static DatasetOutcome scan(Path book) throws Exception {
        Path p = dir.resolve("made.yaml");
        if (!Files.exists(p)) {
            Files.writeString(p, PROFILE);
        }
        Profile profile = new ProfileLoader(RuleCatalog.builtIn()).load(p);
        return new DatasetScanner(RuleCatalog.builtIn()).scan(book, book.getFileName().toString(), profile,
                new ScanOptions(LocalDate.of(2025, 6, 30), 50, false, 2, chuan.standard.ReferenceData.builtIn(),
                        chuan.model.Fingerprints.ephemeral()));
    }

    private static Result result(DatasetOutcome o, String rule) {
        return o.results().stream().filter(r -> r.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no result " + rule));
    }

    static Stream<Arguments> findings() {
        return Stream.of(
                Arguments.of("id-as-number", "WORKBOOK-NUMBER-IN-TEXT-COLUMN", List.of("Data!A3", "Data!A5", "Data!A8")),
                Arguments.of("id-as-number-zero-format", "WORKBOOK-NUMBER-IN-TEXT-COLUMN",
                        List.of("Data!A2", "Data!A3", "Data!A4", "Data!A5", "Data!A6", "Data!A7", "Data!A8", "Data!A9")),
                Arguments.of("number-as-text", "WORKBOOK-NUMBER-AS-TEXT", List.of("Data!E3", "Data!E7")),
                Arguments.of("scientific", "WORKBOOK-SCIENTIFIC-NOTATION",
                        List.of("Data!C2", "Data!C3", "Data!C4", "Data!C5", "Data!C7", "Data!C8", "Data!C9")),
                Arguments.of("dates-1900", "WORKBOOK-DATE-AS-NUMBER",
                        List.of("Data!F2", "Data!F3", "Data!F4", "Data!F5", "Data!F6", "Data!F7", "Data!F8", "Data!F9")),
                Arguments.of("dates-1904", "WORKBOOK-DATE-AS-NUMBER",
                        List.of("Data!F2", "Data!F3", "Data!F4", "Data!F5", "Data!F6", "Data!F7", "Data!F8", "Data!F9")),
                Arguments.of("date-mixed", "WORKBOOK-DATE-MIXED", List.of("Data!C4", "Data!C6", "Data!C8")),
                Arguments.of("date-ambiguous", "WORKBOOK-DATE-AMBIGUOUS", List.of("Data!C2", "Data!C3", "Data!C5", "Data!C7")),
                Arguments.of("merged", "WORKBOOK-MERGED-CELLS", List.of("Data!D2:D3")),
                Arguments.of("hidden-row", "WORKBOOK-HIDDEN-DATA", List.of("Data!5:5")),
                Arguments.of("hidden-column", "WORKBOOK-HIDDEN-DATA", List.of("Data!E:E")),
                Arguments.of("hidden-sheets", "WORKBOOK-HIDDEN-DATA", List.of("Notes", "Lists")),
                Arguments.of("trailing-empty-rows", "WORKBOOK-TRAILING-EMPTY-ROWS", List.of("Data!10:29")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("findings")
    void eachDefectIsFoundAtItsCellsWhicheverProgramWroteTheWorkbook(String name, String rule, List<String> places) throws Exception {
        for (String variant : List.of(name + ".xlsx", name + "-lo.xlsx", name + "-lo.xls")) {
            DatasetOutcome o = scan(MADE.resolve(variant));
            assertThat(o.errors()).as(variant).isEmpty();
            Result r = result(o, rule);
            assertThat(r.examples().stream().map(Violation::place).toList()).as(variant + " " + rule)
                    .containsExactlyInAnyOrderElementsOf(places);
            assertThat(r.violations()).as(variant).isEqualTo(places.size());
            assertThat(r.status()).isEqualTo(Status.FAIL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dates-1900", "dates-1904"})
    void datesReadInTheWorkbooksOwnSystemAreTheDatesTyped(String name) throws Exception {
        for (String variant : List.of(name + ".xlsx", name + "-lo.xlsx", name + "-lo.xls")) {
            DatasetOutcome o = scan(MADE.resolve(variant));
            // C2 is 1990-04-03 in both files (32966 in the 1900 system, 31504 in the 1904 one); F2 is the same serial unformatted
            Violation f2 = result(o, "WORKBOOK-DATE-AS-NUMBER").examples().stream().filter(v -> v.place().equals("Data!F2"))
                    .findFirst().orElseThrow();
            assertThat(f2.message()).as(variant).contains("as 1990-04-03");
            assertThat(result(o, "DATA-TYPE").violations()).as(variant + ": every real date is a date").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"id-as-number-zero-format.xlsx", "id-as-number-zero-format-lo.xlsx", "id-as-number-zero-format-lo.xls"})
    void anIdShownWithItsZerosByItsFormatIsCheckedAsShownAndStillReported(String file) throws Exception {
        DatasetOutcome o = scan(MADE.resolve(file));
        assertThat(o.results().stream().filter(r -> r.rule().equals("VN-PID-FORMAT")).mapToLong(Result::violations).sum()).isZero();
        assertThat(result(o, "WORKBOOK-NUMBER-IN-TEXT-COLUMN").examples().get(0).message()).contains("000000000000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"formulas.xlsx", "errors.xlsx", "formulas-lo.xlsx", "errors-lo.xlsx"})
    void formulasAreJudgedByTheirSavedValueAndNeverEvaluated(String file) throws Exception {
        DatasetOutcome o = scan(MADE.resolve(file));
        long noValue = result(o, "WORKBOOK-FORMULA-NO-VALUE").violations();
        long errors = result(o, "WORKBOOK-ERROR-VALUE").violations();
        switch (file) {
            case "formulas.xlsx" -> { // F2:H9 and E10 saved by openpyxl with no value
                assertThat(noValue).isEqualTo(25);
                assertThat(errors).isZero();
            }
            case "errors.xlsx" -> { // F2:F6 with no value; G7 the error typed as a constant
                assertThat(noValue).isEqualTo(5);
                assertThat(errors).isEqualTo(1);
                assertThat(result(o, "WORKBOOK-ERROR-VALUE").examples().get(0).place()).isEqualTo("Data!G7");
            }
            case "formulas-lo.xlsx" -> {
                assertThat(noValue).isZero();
                assertThat(errors).isZero();
            }
            default -> { // errors-lo.xlsx: every error saved by LibreOffice with its value
                assertThat(noValue).isZero();
                assertThat(result(o, "WORKBOOK-ERROR-VALUE").examples().stream().map(Violation::message).toList())
                        .anySatisfy(m -> assertThat(m).contains("#DIV/0!")).anySatisfy(m -> assertThat(m).contains("#REF!"));
                assertThat(errors).isEqualTo(6);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"macro.xlsm"})
    void aMacroEnabledWorkbookIsReportedAndItsCellsStillRead(String file) throws Exception {
        DatasetOutcome o = scan(MADE.resolve(file));
        assertThat(result(o, "WORKBOOK-MACROS").violations()).isEqualTo(1);
        assertThat(o.records()).isEqualTo(8);
    }

    static Stream<Path> hostile() throws Exception {
        try (Stream<Path> s = Files.list(HOSTILE)) {
            return s.filter(p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".xls")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyHostileWorkbookIsAnInputErrorAndNeverAPass(Path book) throws Exception {
        DatasetOutcome o = scan(book);
        assertThat(o.errors()).as(book.getFileName().toString()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.kind()).isEqualTo(AuditError.Kind.PROCESSING));
        String message = o.errors().get(0).message();
        String name = book.getFileName().toString();
        assertThat(message).doesNotContain("root:x:0:0").doesNotContain("lollol");
        if (name.startsWith("xxe") || name.startsWith("billion")) {
            assertThat(message).as(name).contains("DTD");
        } else if (name.startsWith("zip-bomb")) {
            assertThat(message).contains("zip bomb");
        } else if (name.startsWith("many-entries")) {
            assertThat(message).contains("entries");
        } else if (name.startsWith("encrypted")) {
            assertThat(message).contains("encrypted");
        } else if (name.startsWith("html")) {
            assertThat(message).contains("HTML");
        } else if (name.startsWith("xml-spreadsheet")) {
            assertThat(message).contains("XML Spreadsheet");
        } else if (name.startsWith("csv")) {
            assertThat(message).contains("not an Excel workbook");
        } else {
            assertThat(message).as(name).contains("truncated");
        }
        assertThat(o.results()).noneMatch(r -> r.status() == Status.PASS && r.rule().equals("DATA-NO-RECORDS") && o.records() > 0);
    }
}
