package chuan.report;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Summary;
import chuan.model.Target;
import chuan.model.Violation;
import chuan.model.Waiver;
import chuan.rules.RuleCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * Every text a report shows from the inputs (paths, profile ids, field names, values, messages,
 * waivers, errors) holding terminal escapes, bidi overrides, every C0 control, C1 controls, lone
 * surrogates, non-characters and Markdown/HTML markup: each format stays well-formed and inert.
 */
class HostileTextTest {

    static final String EVERY_C0 = IntStream.range(0, 0x20).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    static final String HOSTILE = "x\u001b[2J\u001b[31mred\u001b]0;title\u0007\u001b]8;;http://evil.example/\u001b\\link"
            + "\u001b]8;;\u001b\\\b\b\rfake\u202eexe.txt\u2066\u2069\u0085\u009b31m\u007f\u2028" + EVERY_C0
            + "\ud800lone\udfff\ufffe\uffff<script>alert(1)</script>|col|`tick`[l](http://e)&amp;";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"open\")";

    static AuditReport report() {
        String path = "data/" + HOSTILE + ".csv";
        Violation value = Violation.builder().row(2L).line(3L).column(1).field(HOSTILE).value(HOSTILE).expected(HOSTILE)
                .message(HOSTILE).build();
        Violation formula = Violation.builder().row(3L).line(4L).column(1).field(HOSTILE).value(FORMULA).expected("-1+2")
                .message("@SUM(A1:A9)").build();
        Violation config = Violation.builder().line(7L).field(HOSTILE).message(HOSTILE).file("etc/" + HOSTILE).build();
        Result failing = Result.of("DATA-PATTERN", "Values match the declared pattern", Severity.HIGH).on(path, HOSTILE)
                .status(Status.FAIL).counted(9, 10).examples(List.of(value, formula, config)).build();
        Result custom = Result.of("AGENCY-" + HOSTILE, HOSTILE, Severity.MEDIUM).on(path, null).status(Status.FAIL).counted(1, 1)
                .message(HOSTILE).build();
        Result waived = Result.of("DATA-UNIQUE", "Values are unique", Severity.LOW).on(path, HOSTILE).status(Status.FAIL)
                .counted(1, 1).examples(List.of(value)).build().waived(new Waiver(HOSTILE, HOSTILE, HOSTILE, LocalDate.of(2030, 1, 1), HOSTILE));
        Result na = Result.of("DATA-RANGE", "Values are in range", Severity.LOW).on(path, HOSTILE).status(Status.NOT_APPLICABLE)
                .message(HOSTILE).build();
        Target target = new Target(path, "dataset", "csv", List.of(HOSTILE), "00", 1, 10, Status.FAIL, List.of(path, HOSTILE));
        AuditError error = new AuditError(AuditError.Kind.PROCESSING, path, 3L, 4L, HOSTILE);
        AuditError other = new AuditError(AuditError.Kind.CONFIGURATION, HOSTILE, null, null, HOSTILE);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : List.of("fail", "warn", "error", "waived", "pass", "not-applicable")) {
            byStatus.put(s, 1L);
        }
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(s.label(), 1L);
        }
        Summary summary = new Summary(byStatus, bySeverity, chuan.model.GateDecision.FAILED, "low", 3,
                new Summary.BaselineCounts(HOSTILE, 1, 1, 1));
        return new AuditReport(AuditReport.SCHEMA_VERSION, new AuditReport.Tool("chuan", "0.0.0-test"),
                Instant.parse("2026-01-01T00:00:00Z"), 5, LocalDate.of(2026, 1, 1), List.of(target),
                List.of(failing, custom, waived, na), List.of(error, other), summary, "0123456789abcdef");
    }

    static byte[] render(ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Replay.replay(report(), format.listener(() -> out, RuleCatalog.builtIn()));
        return out.toByteArray();
    }

    static String console(boolean color) throws IOException {
        StringWriter text = new StringWriter();
        Replay.replay(report(), new ConsoleReport(new PrintWriter(text), color));
        return text.toString();
    }

    /** Decodes as UTF-8, failing on any malformed byte (a lone surrogate written by an encoder as is). */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** No character that Inert escapes is left raw, apart from the line breaks the format itself writes. */
    static void assertInert(String text, String allowedBreaks, String what) {
        text.codePoints().forEach(c -> assertThat(Inert.escaped(c) && allowedBreaks.indexOf(c) < 0)
                .as("%s holds U+%04X raw", what, c).isFalse());
    }

    @Test
    void theConsoleShowsEveryControlAsAnEscape() throws Exception {
        for (boolean color : new boolean[] {false, true}) {
            String text = console(color);
            // with colour the report's own SGR codes are the only escape characters, each starting a colour
            String own = color ? text.replaceAll("\u001b\\[[0-9;]*m", "") : text;
            assertInert(own, "\n", "console");
            assertThat(own).contains("x\\x1b[2J\\x1b[31mred").contains("\\u202eexe.txt").contains("\\x08\\x08\\x0dfake")
                    .contains("\\x85\\x9b31m\\x7f").doesNotContain("\ud800").contains("\ufffdlone");
        }
    }

    @Test
    void markdownShowsMarkupAsTextAndKeepsItsTableShape() throws Exception {
        String md = strictUtf8(render(ReportFormat.MARKDOWN));
        assertInert(md, "\n", "markdown");
        assertThat(md).contains("\\<script\\>").contains("\\[l\\](http://e)").contains("\\\\x1b\\[2J");
        String body = md.substring(md.indexOf("### Failing rules"));
        for (char c : "<>[]`*_&".toCharArray()) {
            assertThat(unescaped(body, c)).as("unescaped %s", c).isZero();
        }
        List<String> rows = md.lines().filter(l -> l.startsWith("| DATA-PATTERN") || l.startsWith("| AGENCY-")).toList();
        assertThat(rows).hasSize(2);
        for (String row : rows) {
            assertThat(unescaped(row, '|')).as("the rule table has 5 columns: 6 bars").isEqualTo(6);
        }
    }

    /** How many times c occurs in Markdown text not escaped by a backslash. */
    static long unescaped(String md, char c) {
        long n = 0;
        for (int i = 0; i < md.length(); i++) {
            if (md.charAt(i) == '\\') {
                i++;
            } else if (md.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    @Test
    void junitIsValidAgainstTheStrictXsdWithEveryForbiddenCharacterInItsText() throws Exception {
        byte[] bytes = render(ReportFormat.JUNIT);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/schemas/junit-windyroad.xsd").toFile());
        schema.newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(bytes)));
        String xml = strictUtf8(bytes);
        assertInert(xml, "\n", "junit");
        assertThat(xml).contains("\\x1b[2J").contains("\\u202e").contains("\\x00\\x01\\x02").contains("\\ufffe\\uffff")
                .contains("&lt;script&gt;");
    }

    @Test
    void htmlEscapesMarkupAndShowsControlsAsEscapes() throws Exception {
        String html = strictUtf8(render(ReportFormat.HTML));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.newDocumentBuilder().parse(new InputSource(new StringReader(html.substring(html.indexOf("<html")))));
        assertInert(html, "\n", "html");
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("\\x1b]8;;http://evil.example/").contains("\\u202eexe.txt");
    }

    @Test
    void csvCellsAreInertAndFormulasQuoted() throws Exception {
        String text = strictUtf8(render(ReportFormat.CSV));
        assertInert(text, "\r\n", "csv"); // RFC 4180 ends records with CRLF
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.size()).isEqualTo(CsvReport.HEADER.length));
        CSVRecord formula = rows.stream().filter(r -> r.get("row").equals("3")).findFirst().orElseThrow();
        assertThat(formula.get("value")).isEqualTo("'" + FORMULA);
        assertThat(formula.get("expected")).isEqualTo("'-1+2");
        assertThat(formula.get("message")).isEqualTo("'@SUM(A1:A9)");
        CSVRecord hostile = rows.stream().filter(r -> r.get("row").equals("2")).findFirst().orElseThrow();
        assertThat(hostile.get("value")).isEqualTo(Inert.text(HOSTILE));
    }

    @Test
    void jsonKeepsEveryValueButWritesControlsAsEscapesAndLoneSurrogatesAsReplacement() throws Exception {
        byte[] bytes = render(ReportFormat.JSON);
        String json = strictUtf8(bytes);
        assertInert(json, "\n", "json");
        assertThat(json).contains("\\u001B[2J").contains("\\u202E").contains("\\u0085").contains("\\u007F")
                .doesNotContain("\\uD800").doesNotContain("\\uDFFF");
        AuditReport back = JsonReport.mapper().readValue(bytes, AuditReport.class);
        assertThat(back.results().get(0).examples().get(0).value()).isEqualTo(Inert.wellFormed(HOSTILE));
        assertThat(back.targets().get(0).path()).isEqualTo(Inert.wellFormed(report().targets().get(0).path()));
    }
}
