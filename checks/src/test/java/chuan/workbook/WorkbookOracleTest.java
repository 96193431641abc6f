package chuan.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.source.SourceRefused;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workbook readers held to LibreOffice Calc's reading of the same files ({@code workbooks/oracle/cells}, written
 * through its own API by {@code scripts/workbooks/oracle.sh}, which CI reruns against the installed LibreOffice):
 * every cell's type and value, each sheet's name and visibility, hidden rows and columns, merged ranges and the
 * date system. Where Calc differs from the file on purpose (it computes formulas saved without a value, and reads
 * some errors of an .xls back as #N/A) the file is what chuan reports, and the test says so.
 */
class WorkbookOracleTest {

    private static final Path BOOKS = Path.of("src/test/resources/workbooks");
    private static final Path ORACLE = BOOKS.resolve("oracle/cells");

    static Stream<Path> workbooks() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String folder : List.of("made")) {
            try (Stream<Path> s = Files.list(BOOKS.resolve(folder))) {
                s.filter(p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".xlsm") || p.toString().endsWith(".xls"))
                        .filter(p -> Files.exists(ORACLE.resolve(p.getFileName() + ".tsv")))
                        .sorted().forEach(out::add);
            }
        }
        for (String sample : List.of("citizen-register-2025-06.xlsx", "households-2025.xls")) {
            Path p = Path.of("../samples/registers", sample);
            if (Files.exists(p)) {
                out.add(p);
            }
        }
        return out.stream();
    }

    private static WorkbookFile open(Path p) throws IOException, SourceRefused {
        if (p.toString().endsWith(".xls")) {
            return XlsWorkbook.open(p);
        }
        return XlsxWorkbook.open(p);
    }

    /** What Calc read of one workbook. */
    private record Oracle(boolean date1904, Map<String, String> sheets, Map<String, Map<String, String[]>> cells,
                          Map<String, Set<Integer>> hiddenRows, Map<String, Set<String>> hiddenColumns,
                          Map<String, Set<String>> merged) {
    }

    private static Oracle oracle(Path book) throws IOException {
        Map<String, String> sheets = new LinkedHashMap<>();
        Map<String, Map<String, String[]>> cells = new HashMap<>();
        Map<String, Set<Integer>> hiddenRows = new HashMap<>();
        Map<String, Set<String>> hiddenColumns = new HashMap<>();
        Map<String, Set<String>> merged = new HashMap<>();
        boolean date1904 = false;
        String sheet = null;
        for (String line : Files.readAllLines(ORACLE.resolve(book.getFileName() + ".tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "workbook" -> date1904 = f[1].equals("null-date") && f[2].equals("1904-01-01");
                case "sheet" -> {
                    sheet = f[1];
                    sheets.put(sheet, f[2]);
                    cells.put(sheet, new HashMap<>());
                    hiddenRows.put(sheet, new TreeSet<>());
                    hiddenColumns.put(sheet, new TreeSet<>());
                    merged.put(sheet, new TreeSet<>());
                }
                case "hidden-rows" -> {
                    for (int i = 1; i < f.length; i++) {
                        for (String r : f[i].split("[ ,]+")) {
                            if (!r.isBlank()) {
                                hiddenRows.get(sheet).add(Integer.parseInt(r.trim()));
                            }
                        }
                    }
                }
                case "hidden-columns" -> {
                    for (int i = 1; i < f.length; i++) {
                        for (String c : f[i].split("[ ,]+")) {
                            if (!c.isBlank()) {
                                hiddenColumns.get(sheet).add(c.trim());
                            }
                        }
                    }
                }
                case "merged" -> {
                    for (int i = 1; i < f.length; i++) {
                        for (String m : f[i].split("[ ,]+")) {
                            if (!m.isBlank()) {
                                merged.get(sheet).add(m.trim());
                            }
                        }
                    }
                }
                case "cell" -> cells.get(sheet).put(f[1], f);
                default -> {
                }
            }
        }
        return new Oracle(date1904, sheets, cells, hiddenRows, hiddenColumns, merged);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void everyCellReadsAsLibreOfficeReadsIt(Path book) throws Exception {
        Oracle o = oracle(book);
        boolean xls = book.toString().endsWith(".xls");
        try (WorkbookFile wb = open(book)) {
            assertThat(wb.date1904()).as("date system").isEqualTo(o.date1904());
            assertThat(wb.sheets().stream().map(SheetInfo::name).toList()).containsExactlyElementsOf(o.sheets().keySet());
            for (SheetInfo s : wb.sheets()) {
                assertThat(s.hidden()).as("sheet " + s.name() + " hidden").isEqualTo(!o.sheets().get(s.name()).equals("visible"));
                Map<String, String[]> expected = o.cells().get(s.name());
                Set<String> seen = new TreeSet<>();
                Set<Integer> hiddenRows = new TreeSet<>();
                try (SheetReader r = wb.open(s)) {
                    StoredRow row = new StoredRow();
                    while (r.next(row)) {
                        if (row.hidden) {
                            hiddenRows.add(row.index + 1);
                        }
                        for (int i = 0; i < row.size; i++) {
                            String ref = CellNames.cell(row.column[i], row.index);
                            String[] calc = expected.get(ref);
                            String where = book.getFileName() + " " + s.name() + "!" + ref;
                            if (row.kind[i] == StoredRow.Kind.EMPTY || row.kind[i] == StoredRow.Kind.TEXT && row.text[i].isEmpty()) {
                                continue;
                            }
                            assertThat(calc).as(where + ": Calc has no value here").isNotNull();
                            seen.add(ref);
                            sameCell(where, row, i, calc, xls);
                        }
                    }
                    Set<String> hiddenColumns = new TreeSet<>();
                    r.hiddenColumns().stream().filter(c -> c < 16384).forEach(c -> hiddenColumns.add(CellNames.column(c)));
                    assertThat(hiddenColumns).as(s.name() + " hidden columns").isEqualTo(o.hiddenColumns().get(s.name()));
                    Set<String> merged = new TreeSet<>();
                    r.merged().forEach(m -> merged.add(m.reference()));
                    assertThat(merged).as(s.name() + " merged ranges").isEqualTo(o.merged().get(s.name()));
                }
                // every hidden row Calc knows that holds a value was read as hidden
                assertThat(o.hiddenRows().get(s.name())).as(s.name() + " hidden rows").containsAll(hiddenRows);
                Set<String> missed = new TreeSet<>(expected.keySet());
                missed.removeAll(seen);
                missed.removeIf(ref -> expected.get(ref)[4].isEmpty() && expected.get(ref)[3].isEmpty());
                assertThat(missed).as(book.getFileName() + " " + s.name() + ": cells Calc reads that the reader did not").isEmpty();
            }
        }
    }

    /** One cell against Calc's: fields REF TYPE NUMBER SHOWN FORMULA ERROR FORMAT. */
    private static void sameCell(String where, StoredRow row, int i, String[] calc, boolean xls) {
        String type = calc[2];
        switch (row.kind[i]) {
            case TEXT -> {
                assertThat(type).as(where + " type").isIn("text", "formula:text");
                assertThat(row.text[i]).as(where).isEqualTo(calc[4]);
            }
            case NUMBER, BOOLEAN -> {
                assertThat(type).as(where + " type").isIn("value", "formula:value");
                double want = Double.parseDouble(calc[3]);
                assertThat(row.number[i]).as(where).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(want))));
            }
            case ERROR -> {
                assertThat(type).as(where + " type").isEqualTo("formula:error");
                if (!(xls && calc[4].equals("#N/A"))) { // Calc reads some errors cached in an .xls back as #N/A; the file's own code is reported
                    assertThat(row.text[i]).as(where).isEqualTo(calc[4]);
                }
            }
            case FORMULA_WITHOUT_VALUE -> // Calc computes what the file did not save: a formula is there all the same
                    assertThat(calc[5]).as(where + " Calc's formula").isNotEmpty();
            default -> throw new AssertionError(where + ": " + row.kind[i]);
        }
        if (type.startsWith("formula") && row.kind[i] != StoredRow.Kind.ERROR) { // Calc turns an error constant into a formula (=#N/A)
            assertThat(row.formula[i]).as(where + " is a formula").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void whatCalcCannotOpenIsRefused(Path book) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (WorkbookFile wb = open(book)) {
                for (SheetInfo s : wb.sheets()) {
                    try (SheetReader r = wb.open(s)) {
                        StoredRow row = new StoredRow();
                        while (r.next(row)) {
                            // read to the end
                        }
                    }
                }
            }
        }).isInstanceOf(SourceRefused.class);
    }

    static Stream<Path> refused() throws IOException {
        try (Stream<Path> s = Files.list(BOOKS.resolve("hostile"))) {
            return s.filter(p -> (p.toString().endsWith(".xlsx") || p.toString().endsWith(".xls")) && Files.exists(BOOKS.resolve("oracle/raw").resolve(p.getFileName()).resolve("NOT-LOADED")))
                    .sorted().toList().stream();
        }
    }
}
