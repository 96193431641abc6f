package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.report.Inert;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names, column names, keys, values and profile texts holding terminal escapes, OSC 8
 * hyperlinks, bidi overrides, every C0 control, C1 controls and non-characters: everything the
 * command line prints and every report it writes shows them escaped, and the JUnit XML is valid.
 */
class HostileTextTest {

    /** Every C0 control but NUL, which no file name can hold. */
    static final String C0 = IntStream.range(1, 0x20).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    static final String ESCAPES = "\u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil.example/\u0007link\u001b]8;;\u0007"
            + "\b\b\r\u202etxt.exe\u2066\u2069\u0085\u009b31m";
    static final String PROFILE = "profile: t.hostile\nversion: '1'\ntitle: Hostile\nkind: dataset\n"
            + "dataset:\n  columns:\n    - name: id\n      pattern: '^[0-9]+$'\n";

    /** No character Inert escapes is left raw (line feeds end lines; CSV ends records with CRLF). */
    static void assertInert(String text, String what, String breaks) {
        text.codePoints().forEach(c -> assertThat(Inert.escaped(c) && breaks.indexOf(c) < 0)
                .as("%s holds U+%04X raw", what, c).isFalse());
    }

    static void assertInert(String text, String what) {
        assertInert(text, what, "\n");
    }

    static String strictUtf8(Path file) throws CharacterCodingException, java.io.IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    static String csvCell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** A CSV and an NDJSON file whose names, column names, keys and values are hostile; and the profile. */
    static Path hostileData(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve(("f" + C0 + ESCAPES + ".csv").replace('/', '_')), "id," + csvCell(C0 + ESCAPES) + "\n"
                + csvCell(ESCAPES + C0) + ",1\n" + csvCell("=HYPERLINK(\"http://evil.example\",\"open\")") + ",2\n");
        // NUL, U+FFFE, U+FFFF and lone surrogates can only come in as JSON escapes
        Files.writeString(data.resolve(("g" + ESCAPES + ".ndjson").replace('/', '_')),
                "{\"id\": \"\\u0000\\u001b[31m\\ufffe\\uffff\\ud800\", \"k\\u0000\\u0007\\uffff\\u202e\": 1}\n");
        Files.writeString(dir.resolve("p.yaml"), PROFILE);
        return data;
    }

    @Test
    void aScanOfHostileFilesPrintsThemEscapedAndEveryReportIsInert(@TempDir Path dir) throws Exception {
        Path data = hostileData(dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        CliRunner r = CliRunner.run("scan", "-p", dir.resolve("p.yaml").toString(), data.toString(), "--no-color",
                "-f", "console", "-f", "console=" + out.resolve("console.txt"), "-f", "junit=" + out.resolve("report.xml"),
                "-f", "markdown=" + out.resolve("report.md"), "-f", "csv=" + out.resolve("report.csv"),
                "-f", "html=" + out.resolve("report.html"), "-f", "json=" + out.resolve("report.json"));
        assertThat(r.exit()).isEqualTo(1);
        assertInert(r.out(), "standard output");
        assertInert(r.err(), "standard error");
        assertThat(r.out()).contains("\\x01\\x02\\x03").contains("\\x1b[2J").contains("\\u202etxt.exe");
        for (String f : List.of("console.txt", "report.xml", "report.md", "report.html", "report.json")) {
            assertInert(strictUtf8(out.resolve(f)), f);
        }
        assertInert(strictUtf8(out.resolve("report.csv")), "report.csv", "\r\n");

        // a strict parser with the schema CIs validate against: nothing XML 1.0 forbids is left
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ReportFormatsTest.SCHEMAS.resolve("junit-windyroad.xsd").toFile());
        schema.newValidator().validate(new StreamSource(out.resolve("report.xml").toFile()));
        String xml = strictUtf8(out.resolve("report.xml"));
        assertThat(xml).contains("\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09\\x0a\\x0b\\x0c\\x0d\\x0e")
                .contains("k\\x00\\x07\\uffff").contains("\\ufffe\\uffff");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out.resolve("report.csv"))).getRecords();
        assertThat(rows).anySatisfy(row -> assertThat(row.get("value")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"open\")"));
    }

    @Test
    void theStreamedCsvReportIsInertAndQuotesFormulasToo(@TempDir Path dir) throws Exception {
        Path data = hostileData(dir);
        Path csv = dir.resolve("all.csv");
        CliRunner r = CliRunner.run("scan", "-p", dir.resolve("p.yaml").toString(), data.toString(), "-q",
                "--max-examples", "0", "-f", "csv=" + csv);
        assertThat(r.exit()).isEqualTo(1);
        String text = strictUtf8(csv);
        assertInert(text, "streamed csv", "\r\n");
        assertThat(text).contains("'=HYPERLINK(").contains("\\x1b[2J");
    }

    @Test
    void renderingAReportThatHoldsLoneSurrogatesWritesTheReplacementCharacter(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("ids.csv"), "id\nLONE\n");
        Files.writeString(dir.resolve("p.yaml"), PROFILE);
        Path saved = dir.resolve("scan.json");
        assertThat(CliRunner.run("scan", "-p", dir.resolve("p.yaml").toString(), data.toString(), "-q",
                "-f", "json=" + saved).exit()).isEqualTo(1);
        // a saved report edited (or written by another tool) with unpaired surrogate escapes
        Files.writeString(saved, Files.readString(saved).replace("LONE", "\\ud800lone\\udfff")
                .replace("Values match the declared pattern", "\\ud800lone\\udfff"));
        Path out = dir.resolve("out");
        List<String> files = List.of("console.txt", "report.json", "report.xml", "report.csv", "report.md", "report.html");
        List<String> formats = List.of("console", "json", "junit", "csv", "markdown", "html");
        String[] args = new String[2 + 2 * files.size()];
        args[0] = "render";
        args[1] = saved.toString();
        for (int i = 0; i < files.size(); i++) {
            args[2 + 2 * i] = "-f";
            args[3 + 2 * i] = formats.get(i) + "=" + out.resolve(files.get(i));
        }
        CliRunner r = CliRunner.run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        for (String f : files) {
            assertThat(strictUtf8(out.resolve(f))).as(f).contains("\ufffdlone\ufffd").doesNotContainIgnoringCase("\\ud800");
        }
        CliRunner console = CliRunner.run("render", saved.toString(), "-f", "console");
        assertThat(console.out()).contains("\ufffdlone\ufffd");
    }

    @Test
    void effectiveShowsHostileKeysValuesAndPathsEscaped(@TempDir Path root) throws Exception {
        Path sshd = Files.createDirectories(root.resolve("etc/ssh")).resolve("sshd_config");
        // sshd ends lines at a newline only: the carriage return and the rest of ESCAPES stay in Banner's value
        // (sshd -T of Debian 12 prints them so)
        Files.writeString(sshd, "Banner /etc/issue" + ESCAPES + "\nInclude /etc/ssh/" + "\u001b]0;x\u0007\u202e" + ".conf\n"
                + "Match User \u001b]8;;http://evil.example/\u0007admin\n  X11Forwarding yes\n");
        CliRunner r = CliRunner.run("effective", root.toString(), "sshd");
        assertThat(r.exit()).isZero(); // sshd starts: a missing include is no error to it
        assertInert(r.out(), "effective");
        assertInert(r.err(), "effective warnings");
        assertThat(r.out()).contains("banner /etc/issue\\x1b[2J\\x1b]0;pwned\\x07").contains("Match User \\x1b]8;;http://evil.example/\\x07admin");
        assertThat(r.out()).contains("\\x0d\\u202etxt.exe\\u2066\\u2069\\x85\\x9b31m    # /etc/ssh/sshd_config:1\n");
        assertThat(r.err()).contains("\\x1b]0;x\\x07\\u202e.conf: no such file");
    }

    @Test
    void profileTextsRuleIdsAndOptionsArePrintedEscaped(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, "profile: t.hostile\nversion: \"1\\e[31m\"\ntitle: \"Hostile\\e]8;;http://evil.example/\\a\\u202e\"\n"
                + "description: \"line one\\nline two\\e[2J\"\nkind: dataset\n"
                + "dataset:\n  columns:\n    - name: \"i\\e[2Jd\"\n      enum: [\"a\\e[31m\", b]\n");
        CliRunner show = CliRunner.run("profiles", "show", p.toString());
        assertThat(show.exit()).isZero();
        assertInert(show.out(), "profiles show");
        assertThat(show.out()).contains("Hostile\\x1b]8;;http://evil.example/\\x07\\u202e").contains("i\\x1b[2Jd")
                .contains("line one\nline two\\x1b[2J");
        CliRunner check = CliRunner.run("profiles", "check", p.toString());
        assertInert(check.out() + check.err(), "profiles check");
        CliRunner page = CliRunner.run("profiles", "show", "--markdown", p.toString());
        assertThat(page.exit()).isZero();
        assertInert(page.out(), "profiles show --markdown");
        assertThat(page.out()).contains("\\x1b]8;;http://evil.example/");

        CliRunner explain = CliRunner.run("explain", "NO-SUCH\u001b[2J\u202e");
        assertThat(explain.exit()).isEqualTo(2);
        assertInert(explain.err(), "explain");
        assertThat(explain.err()).contains("NO-SUCH\\x1b[2J\\u202e");

        CliRunner option = CliRunner.run("scan", "--\u001b]0;pwned\u0007");
        assertThat(option.exit()).isEqualTo(2);
        assertInert(option.err(), "an unknown option");
        assertThat(option.err()).contains("\\x1b]0;pwned\\x07");
    }

    @Test
    void theShellsLastAndShowPrintEscaped(@TempDir Path dir) throws Exception {
        Path data = hostileData(dir);
        CliRunner r = CliRunner.run("scan -q --no-progress -p " + dir.resolve("p.yaml") + " " + data
                + "\nlast\nshow DATA-PATTERN\nshow DATA-HEADER-EXTRA-COLUMN\n", Main.NO_LISTENER, "shell");
        assertThat(r.exit()).isZero();
        assertInert(r.out(), "shell");
        assertThat(r.out()).contains("DATA-PATTERN Values match the declared pattern: ").contains("\\x1b[2J");
    }

    @Test
    void theProgressLineShowsAHostileFileNameEscaped() {
        String line = ProgressLine.line("data/\u001b[2J\u001b]0;x\u0007\u202e.csv", 1L << 20, 2L << 20, 10, 0, 1.0);
        assertInert(line, "progress line");
        assertThat(line).startsWith("…\\x1b[2J\\x1b]0;x\\x07\\u202e.csv ");
    }

    @Test
    void aDraftedProfileKeepsHostileColumnNamesAsYamlEscapesAndStillLoads(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("h\u001b[2J.csv");
        Files.writeString(csv, "id," + csvCell("n\u001b]8;;x\u0007\u202e\"q") + "\n1,a\n2,b\n");
        CliRunner printed = CliRunner.run("infer", csv.toString());
        assertThat(printed.exit()).isZero();
        assertInert(printed.out(), "infer");
        Path draft = dir.resolve("draft.yaml");
        assertThat(CliRunner.run("infer", csv.toString(), "-o", draft.toString()).exit()).isZero();
        CliRunner check = CliRunner.run("profiles", "show", draft.toString());
        assertThat(check.err()).isEmpty();
        assertThat(check.out()).contains("n\\x1b]8;;x\\x07\\u202e\"q: "); // read back as the very characters of the header
    }
}
