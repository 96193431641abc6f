package chuan.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.dataset.DatasetOutcome;
import chuan.dataset.DatasetScanner;
import chuan.dataset.ScanOptions;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks made cell by cell with POI, each holding one kind of damage, scanned as a user would: every workbook
 * finding with its count and its cell, and the cells handed to the ordinary checks as the text they stand for.
 */
class WorkbookScanTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final String PROFILE = """
            profile: test.people-book
            version: 1.0.0
            title: people in a workbook
            kind: dataset
            dataset:
              columns:
                - {name: id, type: vn.personal-id, required: true, unique: true}
                - {name: name, type: string, required: true}
                - {name: birth_date, type: date}
                - {name: children, type: integer}
            """;

    @TempDir
    Path dir;

    private final chuan.model.Fingerprints fingerprints = chuan.model.Fingerprints.ephemeral();

    private DatasetOutcome scan(Path book, String profileText) throws Exception {
        Path p = dir.resolve("profile.yaml");
        Files.writeString(p, profileText);
        Profile profile = new ProfileLoader(RuleCatalog.builtIn()).load(p);
        return new DatasetScanner(RuleCatalog.builtIn()).scan(book, book.getFileName().toString(), profile,
                new ScanOptions(AS_OF, 20, false, 2, chuan.standard.ReferenceData.builtIn(), fingerprints));
    }

    private static Result result(DatasetOutcome o, String rule, String field) {
        return o.results().stream().filter(r -> r.rule().equals(rule) && java.util.Objects.equals(r.field(), field)).findFirst()
                .orElseThrow(() -> new AssertionError("no result " + rule + " " + field + " in " + o.results()));
    }

    private static List<String> places(Result r) {
        return r.examples().stream().map(Violation::place).toList();
    }

    private Path save(XSSFWorkbook wb, String name) throws Exception {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            wb.write(out);
        }
        wb.close();
        return f;
    }

    /** A sheet with the header of the test profile in row 1. */
    private static Sheet people(XSSFWorkbook wb, String name) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        String[] names = {"id", "name", "birth_date", "children"};
        for (int i = 0; i < names.length; i++) {
            h.createCell(i).setCellValue(names[i]);
        }
        return s;
    }

    private static CellStyle dateStyle(XSSFWorkbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        return s;
    }

    private static void person(Sheet s, int r, Object id, String name, Object birth, Object children, CellStyle date) {
        Row row = s.createRow(r);
        set(row, 0, id, null);
        set(row, 1, name, null);
        set(row, 2, birth, date);
        set(row, 3, children, null);
    }

    private static void set(Row row, int c, Object v, CellStyle date) {
        if (v == null) {
            return;
        }
        var cell = row.createCell(c);
        if (v instanceof String t) {
            cell.setCellValue(t);
        } else if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else {
            cell.setCellValue(((Number) v).doubleValue());
        }
    }

    @Test
    void aCleanWorkbookPassesAndItsDatesAreCheckedAsDates() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = people(wb, "People");
        CellStyle date = dateStyle(wb);
        person(s, 1, "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 4), 2, date);
        person(s, 2, "079190000123", "Trần Thị Bình", LocalDate.of(1990, 12, 31), 0, date);
        DatasetOutcome o = scan(save(wb, "people.xlsx"), PROFILE);
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(2);
        assertThat(o.parts()).containsExactly("People");
        assertThat(o.results()).allSatisfy(r -> assertThat(r.status()).as(r.rule() + " " + r.field() + " " + r.examples())
                .isEqualTo(Status.PASS));
        assertThat(result(o, "DATA-TYPE", "birth_date").checked()).isEqualTo(2);
    }

    @Test
    void aDateTimeCellIsCheckedAsADateTimeWithItsSeconds() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("Visits");
        s.createRow(0).createCell(0).setCellValue("visited_at");
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        var cell = s.createRow(1).createCell(0);
        cell.setCellValue(java.time.LocalDateTime.of(2025, 1, 14, 8, 4));
        cell.setCellStyle(style);
        String profile = """
                profile: test.visits
                version: 1.0.0
                title: visits
                kind: dataset
                dataset:
                  columns:
                    - {name: visited_at, type: datetime, required: true, max: 2025-01-14T08:03:59}
                """;
        DatasetOutcome o = scan(save(wb, "visits.xlsx"), profile);
        assertThat(result(o, "DATA-TYPE", "visited_at").violations()).as("a date-time cell is a date-time").isZero();
        // the minute with zero seconds is written with them (2025-01-14T08:04:00), so the range check reads it
        Result range = result(o, "DATA-RANGE", "visited_at");
        assertThat(range.violations()).isEqualTo(1);
        assertThat(range.examples().get(0).value()).isEqualTo("2025-01-14T08:04:00");
        assertThat(range.examples().get(0).place()).isEqualTo("Visits!A2");
    }

    @Test
    void anIdStoredAsANumberIsReportedAtItsCellAndTheIdTypeNamesTheLostZero() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = people(wb, "People");
        CellStyle date = dateStyle(wb);
        person(s, 1, "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 4), 2, date);
        person(s, 2, 79190000123L, "Trần Thị Bình", LocalDate.of(1990, 12, 31), 0, date); // typed into a General cell
        DatasetOutcome o = scan(save(wb, "people.xlsx"), PROFILE);
        Result stored = result(o, "WORKBOOK-NUMBER-IN-TEXT-COLUMN", null);
        assertThat(stored.violations()).isEqualTo(1);
        assertThat(places(stored)).containsExactly("People!A3");
        Violation v = stored.examples().get(0);
        assertThat(v.row()).isEqualTo(2L);
        assertThat(v.field()).isEqualTo("id");
        assertThat(v.value()).as("a personal ID is masked").doesNotContain("79190000123").contains("*");
        assertThat(v.line()).isNull();
        // the ID type judges the text the number stands for: 11 digits, the leading zero gone
        Result format = result(o, "VN-PID-FORMAT", "id");
        assertThat(format.violations()).isEqualTo(1);
        assertThat(format.examples().get(0).place()).isEqualTo("People!A3");
        assertThat(format.examples().get(0).message()).contains("11 digits");
        // a 12-digit number in a General cell is also shown in scientific notation
        assertThat(result(o, "WORKBOOK-SCIENTIFIC-NOTATION", null).violations()).isZero();
    }

    @Test
    void longDigitStringsShownOrWrittenInScientificNotationAreReported() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = people(wb, "People");
        CellStyle date = dateStyle(wb);
        person(s, 1, 123456789012L, "Nguyễn Văn An", LocalDate.of(1985, 3, 4), 2, date); // shows as 1.23457E+11
        person(s, 2, "1.23457E+11", "Trần Thị Bình", LocalDate.of(1990, 12, 31), 0, date); // the digits already lost
        DatasetOutcome o = scan(save(wb, "people.xlsx"), PROFILE);
        Result sci = result(o, "WORKBOOK-SCIENTIFIC-NOTATION", null);
        assertThat(sci.violations()).isEqualTo(2);
        assertThat(places(sci)).containsExactly("People!A2", "People!A3");
        assertThat(result(o, "WORKBOOK-NUMBER-IN-TEXT-COLUMN", null).violations()).isEqualTo(1);
    }

    @Test
    void numbersStoredAsTextInANumericColumnAreReported() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = people(wb, "People");
        CellStyle date = dateStyle(wb);
        person(s, 1, "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 4), "2", date);
        person(s, 2, "079190000123", "Trần Thị Bình", LocalDate.of(1990, 12, 31), 3, date);
        DatasetOutcome o = scan(save(wb, "people.xlsx"), PROFILE);
        Result r = result(o, "WORKBOOK-NUMBER-AS-TEXT", null);
        assertThat(r.violations()).isEqualTo(1);
        assertThat(places(r)).containsExactly("People!D2");
        assertThat(result(o, "DATA-TYPE", "children").violations()).as("the text is still a valid integer").isZero();
    }

    @Test
    void dateSerialsAreDecodedWithTheWorkbooksOwnDateSystem() throws Exception {
        for (boolean mac : new boolean[] {false, true}) {
            XSSFWorkbook wb = new XSSFWorkbook();
            wb.getCTWorkbook().addNewWorkbookPr().setDate1904(mac);
            Sheet s = people(wb, "People");
            CellStyle date = dateStyle(wb);
            person(s, 1, "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 4), 2, date);
            // a bare serial with no date format: 33239 is 1991-01-01 in the 1900 system, 1995-01-02 in the 1904 one
            person(s, 2, "079190000123", "Trần Thị Bình", 33239, 0, date);
            String profile = PROFILE.replace("{name: birth_date, type: date}",
                    "{name: birth_date, type: date, max: " + (mac ? "1995-01-01" : "1990-12-31") + "}");
            DatasetOutcome o = scan(save(wb, "people-" + mac + ".xlsx"), profile);
            Result serial = result(o, "WORKBOOK-DATE-AS-NUMBER", null);
            assertThat(serial.violations()).isEqualTo(1);
            assertThat(serial.examples().get(0).place()).isEqualTo("People!C3");
            assertThat(serial.examples().get(0).message()).contains(mac ? "1904 date system as 1995-01-02" : "1900 date system as 1991-01-01");
            // the first record's real date decodes in either system to the date typed, and is within range
            Result range = result(o, "DATA-RANGE", "birth_date");
            assertThat(range.violations()).as("the decoded serial is past max in both systems").isEqualTo(1);
            assertThat(range.examples().get(0).value()).isEqualTo(mac ? "1995-01-02" : "1991-01-01");
        }
    }

    @Test
    void aDateColumnMixingRealAndTextDatesAndAmbiguousTextDatesAreReported() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = people(wb, "People");
        CellStyle date = dateStyle(wb);
        person(s, 1, "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 4), 2, date);
        person(s, 2, "079190000123", "Trần Thị Bình", "03/04/1990", 0, date);      // text, day and month in doubt
        person(s, 3, "079190000124", "Lê Văn Cường", "1991-05-06", 0, date);       // text, ISO
        person(s, 4, "079190000125", "Phạm Thị Dung", "25/12/1992", 0, date);      // text, unambiguous
        person(s, 5, "079190000126", "Võ Văn Em", LocalDate.of(1993, 1, 1), 0, date);
        DatasetOutcome o = scan(save(wb, "people.xlsx"), PROFILE);
        Result mixed = result(o, "WORKBOOK-DATE-MIXED", null);
        assertThat(mixed.violations()).isEqualTo(3);
        assertThat(places(mixed)).containsExactly("People!C3", "People!C4", "People!C5");
        Result ambiguous = result(o, "WORKBOOK-DATE-AMBIGUOUS", null);
        assertThat(ambiguous.violations()).isEqualTo(1);
        assertThat(places(ambiguous)).containsExactly("People!C3");
        // the text dates are checked as the profile's type says: ISO text passes, the others do not
        assertThat(result(o, "DATA-TYPE", "birth_date").violations()).isEqualTo(2);
    }

    @Test
    void errorValuesAndFormulasWithoutACachedValueAreReportedAndNeverEvaluated() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = people(wb, "People");
        CellStyle date = dateStyle(wb);
        person(s, 1, "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 4), 2, date);
        person(s, 2, "079190000123", "Trần Thị Bình", LocalDate.of(1990, 12, 31), null, date);
        s.getRow(2).createCell(3).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.REF.getCode());
        person(s, 3, "079190000124", "Lê Văn Cường", LocalDate.of(1991, 1, 1), null, date);
        s.getRow(3).createCell(3).setCellFormula("D2*2"); // POI saves no value: nothing calculated it
        DatasetOutcome o = scan(save(wb, "people.xlsx"), PROFILE);
        Result errors = result(o, "WORKBOOK-ERROR-VALUE", null);
        assertThat(errors.violations()).isEqualTo(1);
        assertThat(places(errors)).containsExactly("People!D3");
        assertThat(errors.examples().get(0).message()).contains("#REF!");
        Result noValue = result(o, "WORKBOOK-FORMULA-NO-VALUE", null);
        assertThat(noValue.violations()).isEqualTo(1);
        assertThat(places(noValue)).containsExactly("People!D4");
    }

    @Test
    void mergedCellsHiddenRowsColumnsAndSheetsAndTrailingFormattedRowsAreReported() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = people(wb, "People");
        CellStyle date = dateStyle(wb);
        person(s, 1, "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 4), 2, date);
        person(s, 2, "079190000123", "Trần Thị Bình", LocalDate.of(1990, 12, 31), 1, date);
        person(s, 3, "079190000124", "Lê Văn Cường", LocalDate.of(1991, 1, 1), 1, date);
        s.addMergedRegion(new CellRangeAddress(2, 3, 3, 3)); // D3:D4, the second record's children shared with the third
        s.getRow(3).setZeroHeight(true);                      // row 4 hidden
        s.setColumnHidden(4, true);                            // column E hidden, with a note in it
        s.getRow(1).createCell(4).setCellValue("ghi chú nội bộ");
        CellStyle yellow = wb.createCellStyle();
        yellow.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.YELLOW.getIndex());
        yellow.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
        for (int r = 4; r < 24; r++) { // 20 formatted rows, no value
            s.createRow(r).createCell(0).setCellStyle(yellow);
        }
        Sheet notes = wb.createSheet("Notes");
        notes.createRow(0).createCell(0).setCellValue("số CCCD đã xoá");
        wb.setSheetHidden(1, true);
        DatasetOutcome o = scan(save(wb, "people.xlsx"), PROFILE);
        assertThat(o.records()).as("formatted empty rows are not records").isEqualTo(3);
        assertThat(result(o, "DATA-BLANK-ROW", null).violations()).isZero();
        Result trailing = result(o, "WORKBOOK-TRAILING-EMPTY-ROWS", null);
        assertThat(trailing.violations()).isEqualTo(1);
        assertThat(trailing.examples().get(0).place()).isEqualTo("People!5:24");
        assertThat(places(result(o, "WORKBOOK-MERGED-CELLS", null))).containsExactly("People!D3:D4");
        Result hidden = result(o, "WORKBOOK-HIDDEN-DATA", null);
        assertThat(places(hidden)).containsExactlyInAnyOrder("Notes", "People!E:E", "People!4:4");
        assertThat(hidden.violations()).isEqualTo(3);
        assertThat(o.parts()).containsExactly("People");
    }

    @Test
    void onlyVisibleSheetsWhoseHeaderHoldsTheProfilesColumnsAreReadUnlessOneIsNamed() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet summary = wb.createSheet("Summary");
        summary.createRow(0).createCell(0).setCellValue("Tổng hợp");
        summary.createRow(1).createCell(0).setCellValue("children");
        CellStyle date = dateStyle(wb);
        Sheet north = people(wb, "North");
        person(north, 1, "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 4), 2, date);
        Sheet south = wb.createSheet("South"); // the same columns in another order
        Row h = south.createRow(2);            // under a title and an empty row
        south.createRow(0).createCell(0).setCellValue("Miền Nam");
        String[] names = {"name", "id", "children", "birth_date"};
        for (int i = 0; i < names.length; i++) {
            h.createCell(i).setCellValue(names[i]);
        }
        Row r = south.createRow(3);
        r.createCell(0).setCellValue("Trần Thị Bình");
        r.createCell(1).setCellValue("079190000123");
        r.createCell(2).setCellValue(0);
        Path book = save(wb, "regions.xlsx");
        DatasetOutcome all = scan(book, PROFILE);
        // Summary's header names one column of four; South's header is found below its title, its columns by name
        assertThat(all.parts()).containsExactly("North", "South");
        assertThat(all.records()).isEqualTo(2);
        assertThat(result(all, "DATA-REQUIRED", "id").violations()).isZero();
        assertThat(result(all, "DATA-REQUIRED", "name").violations()).isZero();
        DatasetOutcome named = scan(book, PROFILE.replace("dataset:\n", "dataset:\n  sheet: South\n  header-row: 3\n"));
        assertThat(named.parts()).containsExactly("South");
        assertThat(named.records()).isEqualTo(1);
        Result required = result(named, "DATA-REQUIRED", "id");
        assertThat(required.violations()).isZero();
        DatasetOutcome missing = scan(book, PROFILE.replace("dataset:\n", "dataset:\n  sheet: West\n"));
        assertThat(missing.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("no sheet West").contains("Summary, North, South"));
    }
}
