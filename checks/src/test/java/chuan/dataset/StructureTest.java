package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a file's structure is read and reported: blank records, bad quoting, headers (blank names,
 * case, several rows, title rows, comments, none at all), line endings and text encodings.
 */
class StructureTest {

    @TempDir
    Path dir;

    private final DatasetScanner scanner = new DatasetScanner(RuleCatalog.builtIn());

    private Profile profile(String dataset) throws Exception {
        String yaml = "profile: t\nversion: \"1\"\ntitle: t\nkind: dataset\ndataset:\n" + dataset.indent(2);
        return new ProfileLoader(RuleCatalog.builtIn()).parse("t.yaml", yaml, null, "test");
    }

    private DatasetOutcome scan(String name, byte[] content, String dataset) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return scanner.scan(f, name, profile(dataset), new ScanOptions(LocalDate.of(2025, 6, 30), 0, true, 2));
    }

    private DatasetOutcome scan(String content, String dataset) throws Exception {
        return scan("f.csv", content.getBytes(StandardCharsets.UTF_8), dataset);
    }

    private static Result result(DatasetOutcome o, String rule, String field) {
        return o.results().stream().filter(r -> r.rule().equals(rule) && Objects.equals(r.field(), field)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " " + field + " in " + o.results()));
    }

    private static List<Long> rows(DatasetOutcome o, String rule) {
        return result(o, rule, null).examples().stream().map(Violation::row).toList();
    }

    @Test
    void aRecordOfOnlyDelimitersIsBlank() throws Exception {
        DatasetOutcome o = scan("a,b\n,\n\"\",\"\"\n1,2\n\n", "columns: []");
        assertThat(rows(o, "DATA-BLANK-ROW")).containsExactly(1L, 2L, 4L);
        assertThat(result(o, "DATA-RAGGED-ROW", null).status()).isEqualTo(Status.PASS);
    }

    @Test
    void badQuotingIsReportedWhereItHappensAndTheFieldsKeptAsAReaderRecoversThem() throws Exception {
        DatasetOutcome o = scan("id,name,note\n1,\"a\"b,x\n2,c\"d,y\n3,\"Foo\",   \"Baz\"\n4,\"ok\",\"fine\"\n",
                "columns:\n  - name: id\n  - name: name\n    enum: [zz]\n  - name: note\n    max-length: 3");
        Result quote = result(o, "DATA-QUOTE", null);
        assertThat(quote.examples()).extracting(Violation::row).containsExactly(1L, 2L, 3L);
        assertThat(quote.examples()).extracting(Violation::line).containsExactly(2L, 3L, 4L);
        assertThat(quote.examples()).extracting(Violation::column).containsExactly(6, 4, 12);
        assertThat(quote.examples().get(0).message()).startsWith("text after the closing quote");
        assertThat(quote.examples().get(1).message()).startsWith("a quote inside a field that does not start with one");
        assertThat(result(o, "DATA-ENUM", "name").examples()).extracting(Violation::value)
                .containsExactly("ab", "c\"d", "Foo", "ok");
        assertThat(result(o, "DATA-LENGTH", "note").examples()).extracting(Violation::value).containsExactly("   \"Baz\"", "fine");
        assertThat(o.errors()).as("the file is read to its end").isEmpty();
        assertThat(o.records()).isEqualTo(4);
    }

    @Test
    void anUnclosedQuoteInTheHeaderIsPlacedAtItsLineAndColumn() throws Exception {
        DatasetOutcome o = scan("id,\"name\nx,y\n", "columns: []");
        Violation v = result(o, "DATA-QUOTE", null).examples().get(0);
        assertThat(v.row()).isNull();
        assertThat(v.line()).isEqualTo(1L);
        assertThat(v.column()).isEqualTo(4);
        assertThat(o.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("unterminated quoted field"));
    }

    @Test
    void blankHeaderNamesAreNamedAsSuchNotAsDuplicates() throws Exception {
        DatasetOutcome o = scan("id,,name, \n1,2,3,4\n", "columns:\n  - name: id\n  - name: name");
        Result blank = result(o, "DATA-HEADER-BLANK", null);
        assertThat(blank.examples()).extracting(Violation::column).containsExactly(2, 4);
        assertThat(blank.examples().get(0).message()).isEqualTo("column 2 has no name");
        assertThat(result(o, "DATA-HEADER-DUPLICATE", null).status()).isEqualTo(Status.PASS);
        assertThat(result(o, "DATA-HEADER-EXTRA-COLUMN", null).status()).as("reported once, as blank").isEqualTo(Status.PASS);
    }

    @Test
    void aTitleReadAsTheHeaderIsPointedOut() throws Exception {
        DatasetOutcome o = scan("\"Bảng 1. Dân số\",,\nMã,Tỉnh,Dân số\n01,Hà Nội,8685\n", "columns: []");
        assertThat(result(o, "DATA-HEADER-BLANK", null).examples().get(0).message())
                .isEqualTo("column 2 has no name; only column 1 has one: is line 1 a title above the header? (declare skip-rows)");
        assertThat(result(scan("\"Bảng 1. Dân số\",,\nMã,Tỉnh,Dân số\n01,Hà Nội,8685\n", "skip-rows: 1\ncolumns: []"),
                "DATA-HEADER-BLANK", null).status()).isEqualTo(Status.PASS);
        assertThat(scan("\"Bảng 1\",,\n", "skip-rows: 3\ncolumns: []").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("the file has only 1 of the 3 rows to skip before the header"));
    }

    @Test
    void headerCaseSensitiveMatchesNamesExactly() throws Exception {
        String csv = "ID,Name\n1,Lan\n";
        String columns = "columns:\n  - name: id\n    required: true\n  - name: Name\n    required: true";
        assertThat(result(scan(csv, columns), "DATA-HEADER-MISSING-COLUMN", null).status()).isEqualTo(Status.PASS);
        DatasetOutcome sensitive = scan(csv, "header-case: sensitive\n" + columns);
        assertThat(result(sensitive, "DATA-HEADER-MISSING-COLUMN", null).examples()).extracting(Violation::field)
                .containsExactly("id");
        assertThat(result(scan("a,A\n1,2\n", "columns: []"), "DATA-HEADER-DUPLICATE", null).violations()).isEqualTo(1);
        assertThat(result(scan("a,A\n1,2\n", "header-case: sensitive\ncolumns: []"), "DATA-HEADER-DUPLICATE", null).violations())
                .isZero();
    }

    @Test
    void noHeaderAndNoColumnsComparesRecordsWithTheFirstAndSaysSo() throws Exception {
        DatasetOutcome o = scan("1,english\n2,german\n3,french,extra\n", "header: false\ncolumns: []");
        Result ragged = result(o, "DATA-RAGGED-ROW", null);
        assertThat(ragged.examples()).extracting(Violation::row).containsExactly(3L);
        assertThat(ragged.examples().get(0).message()).isEqualTo("record has 3 fields, the first record has 2");
        assertThat(ragged.message()).contains("no header and no columns in the profile")
                .contains("compared with the first record's 2 fields");
        assertThat(o.records()).isEqualTo(3);
    }

    @Test
    void titleRowsCommentsAndATwoRowHeaderAsStatisticsOfficesExportThem() throws Exception {
        String csv = "\"Bảng 1. Dân số theo tỉnh, 2024\",,,\n"
                + "# Nguồn: Tổng cục Thống kê\n"
                + "Mã,Tỉnh,Dân số (nghìn người),\n"
                + ",,Nam,Nữ\n"
                + "01,Hà Nội,4115,4320\n"
                + "# số liệu sơ bộ\n"
                + "79,TP Hồ Chí Minh,4.5OO,4736\n";
        DatasetOutcome o = scan(csv, "skip-rows: 1\ncomment: \"#\"\nheader-rows: 2\ncolumns:\n"
                + "  - name: Mã\n    required: true\n  - name: Tỉnh\n    required: true\n"
                + "  - name: Dân số (nghìn người) Nam\n    type: integer\n    required: true\n"
                + "  - name: Dân số (nghìn người) Nữ\n    type: integer\n    required: true");
        assertThat(o.errors()).isEmpty();
        assertThat(o.records()).isEqualTo(2);
        assertThat(result(o, "DATA-HEADER-MISSING-COLUMN", null).status()).isEqualTo(Status.PASS);
        assertThat(result(o, "DATA-HEADER-BLANK", null).status()).isEqualTo(Status.PASS);
        Violation v = result(o, "DATA-TYPE", "Dân số (nghìn người) Nam").examples().get(0);
        assertThat(v.row()).isEqualTo(2L);
        assertThat(v.line()).isEqualTo(7L);
        assertThat(v.column()).isEqualTo(3);
        assertThat(rows(o, "DATA-BLANK-ROW")).isEmpty();
    }

    @Test
    void mixedLineEndingsAreNotedWithTheFirstOddLine() throws Exception {
        DatasetOutcome o = scan("a,b\r\n1,2\r\n3,4\n5,\"x\ny\"\r\n", "columns: []");
        Result r = result(o, "DATA-LINE-ENDINGS", null);
        assertThat(r.severity().label()).isEqualTo("info");
        assertThat(r.violations()).isEqualTo(1);
        assertThat(r.examples().get(0).line()).isEqualTo(3L);
        assertThat(r.examples().get(0).message()).isEqualTo("line ends are mixed (3 CRLF, 1 LF); the first LF ends line 3");
        assertThat(result(scan("a,b\n1,2\n", "columns: []"), "DATA-LINE-ENDINGS", null).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aDeclaredLineTerminatorIsRequiredOfEveryRecord() throws Exception {
        DatasetOutcome o = scan("a,b\n1,2\n3,4", "line-terminator: CRLF\ncolumns: []");
        Result r = result(o, "DATA-LINE-ENDINGS", null);
        assertThat(r.violations()).isEqualTo(2);
        assertThat(r.examples().get(0).message()).isEqualTo("2 line end(s) are not the CRLF the profile declares (2 LF); "
                + "the first, LF, ends line 1");
        assertThat(result(scan("a,b\r\n1,2\r\n", "line-terminator: CRLF\ncolumns: []"), "DATA-LINE-ENDINGS", null).status())
                .isEqualTo(Status.PASS);
    }

    private static byte[] utf16(String text, Charset cs, boolean bom) {
        byte[] body = text.getBytes(cs);
        if (!bom) {
            return body;
        }
        byte[] mark = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
        byte[] out = new byte[body.length + 2];
        System.arraycopy(mark, 0, out, 0, 2);
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    @Test
    void utf16IsRecognisedNamedAndRead() throws Exception {
        String text = "Mã\tTên\r\n01\tHà Nội\r\n79\tHồ Chí Minh\r\n";
        String columns = "format: tsv\ncolumns:\n  - name: Mã\n    pattern: \"^[0-9]{2}$\"\n  - name: Tên\n    enum: [Hà Nội, Hồ Chí Minh]";
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            for (boolean bom : List.of(true, false)) {
                DatasetOutcome o = scan("unicode.txt", utf16(text, cs, bom), columns);
                assertThat(o.errors()).as(cs + " bom " + bom).isEmpty();
                assertThat(o.records()).isEqualTo(2);
                Result enc = result(o, "DATA-ENCODING", null);
                assertThat(enc.violations()).isEqualTo(1);
                assertThat(enc.examples().get(0).message()).contains("the file is in " + cs.name())
                        .contains(bom ? "byte-order mark" : "NUL bytes").contains("not UTF-8");
                assertThat(result(o, "DATA-ENUM", "Tên").status()).isEqualTo(Status.PASS);
                assertThat(result(o, "DATA-BOM", null).status()).isEqualTo(Status.PASS);
                assertThat(result(o, "DATA-LINE-ENDINGS", null).status()).isEqualTo(Status.PASS);
            }
        }
        DatasetOutcome declared = scan("declared.txt", utf16(text, StandardCharsets.UTF_16LE, true), "encoding: UTF-16\n" + columns);
        assertThat(result(declared, "DATA-ENCODING", null).examples().get(0).message()).contains("declared in the profile");
    }

    @Test
    void brokenUtf16IsUnreadableTextNotBinary() throws Exception {
        byte[] b = utf16("a,b\r\n1,2\r\n", StandardCharsets.UTF_16LE, true);
        byte[] broken = java.util.Arrays.copyOf(b, b.length + 2);
        broken[b.length] = 0x00;
        broken[b.length + 1] = (byte) 0xDC; // a low surrogate alone
        DatasetOutcome o = scan("broken.csv", broken, "columns: []");
        assertThat(o.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("not valid UTF-16LE text")
                .doesNotContain("binary"));
        byte[] binary = {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, (byte) 0x9C, 0x21, 0x00, 0x00, 0x00};
        assertThat(scan("x.csv", binary, "columns: []").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("binary file"));
    }

    @Test
    void westernTextIsNotTakenForVietnameseThoughTcvn3WouldReadItAsLetters() throws Exception {
        // csvlint's Brazilian bank statement in ISO-8859-1: every accented byte is a letter in TCVN3 too,
        // but Vietnamese words are syllables of at most seven letters, and "Transferência" is not one
        byte[] portuguese = Files.readAllBytes(Path.of("src/test/resources/conformance/csvlint/fixtures/invalid-byte-sequence.csv"));
        assertThat(scan("b.csv", portuguese, "columns: []").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("reads as Windows-1252"));
        byte[] tcvn3 = Files.readAllBytes(Path.of("src/test/resources/fixtures/encodings/citizens-tcvn3.csv"));
        assertThat(scan("t.csv", tcvn3, "columns: []").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("reads as TCVN3"));
    }

    @Test
    void latin1IsNamedWhenUndeclaredAndReadWhenDeclared() throws Exception {
        byte[] latin1 = "id,name\n1,Café\n2,Mañana\n3,Øresund\n".getBytes(StandardCharsets.ISO_8859_1);
        DatasetOutcome undeclared = scan("l.csv", latin1, "columns: []");
        assertThat(undeclared.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("Windows-1252").contains("encoding: windows-1252"));
        for (String name : List.of("ISO-8859-1", "latin-1", "windows-1252", "cp1252")) {
            DatasetOutcome o = scan("l.csv", latin1, "encoding: " + name
                    + "\ncolumns:\n  - name: name\n    enum: [Café, Mañana, Øresund]");
            assertThat(o.errors()).as(name).isEmpty();
            assertThat(result(o, "DATA-ENUM", "name").status()).as(name).isEqualTo(Status.PASS);
            assertThat(result(o, "DATA-ENCODING", null).examples().get(0).message()).contains("declared in the profile");
        }
    }
}
