package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Status;
import chuan.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The reporters' contract: every format shows, for one audit built to hold them all, failing
 * results with their examples, waived results with their waiver, inputs that could not be audited
 * (an undecodable file, a drop-in sshd would refuse) and configuration errors (a waiver that
 * matches nothing, under --strict-waivers; a profile that does not exist), each in the format's
 * own place for it; is valid against its schema where one exists; and is the same bytes when
 * rendered again from the JSON report.
 */
class ReportContractTest {

    static final Path SCHEMAS = Path.of("../checks/src/test/resources/schemas");
    static final Path FIXTURES = Path.of("../checks/src/test/resources/fixtures");
    /** The first violation of DATA-UNIQUE (row 11 of people-defects.csv), as every report masks it. */
    static final String UNIQUE_VALUE = "0792******45";
    static final String WAIVER_REASON = "The register writes Nu for Nữ until the 2027 migration.";

    /** Relative, as an auditor's command line would be, so that every report names the same short paths. */
    static Path work;
    static Path reports;

    @BeforeAll
    static void auditEverything() throws IOException {
        Files.createDirectories(Path.of("target"));
        work = Files.createTempDirectory(Path.of("target"), "report-contract-");
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve(".chuan/profiles"));
        Files.copy(FIXTURES.resolve("people.yaml"), data.resolve(".chuan/profiles/people.yaml"));
        Files.copy(FIXTURES.resolve("people-defects.csv"), data.resolve("people-defects.csv"));
        Files.copy(FIXTURES.resolve("people-invalid-utf8.csv"), data.resolve("people-invalid-utf8.csv"));
        Path ssh = Files.createDirectories(work.resolve("root/etc/ssh/sshd_config.d"));
        Files.writeString(ssh.resolveSibling("sshd_config"), "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\n");
        Files.writeString(ssh.resolve("50-bad.conf"), "X11Forwarding\n"); // sshd refuses a keyword without its argument
        Files.writeString(work.resolve("waivers.yaml"), """
                waivers:
                  - rule: DATA-ENUM
                    paths: ["**/people-defects.csv"]
                    field: gender
                    reason: %s
                    owner: data-team
                    ticket: DATA-42
                    expires: 2027-03-31
                  - rule: DATA-RANGE
                    paths: ["**/nothing-here.csv"]
                    reason: Matches nothing, an error with --strict-waivers.
                    expires: 2027-03-31
                """.formatted(WAIVER_REASON));
        reports = work.resolve("reports");
        List<String> args = new ArrayList<>(List.of("scan", data.toString(), work.resolve("root").toString(),
                "--waivers", work.resolve("waivers.yaml").toString(), "--strict-waivers", "--as-of", "2026-11-27", "--no-progress",
                "--fingerprint-key", work.resolve("key").toString()));
        for (ReportFormat f : ReportFormat.values()) {
            args.addAll(List.of("-f", f.label() + "=" + reports.resolve(file(f))));
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(3); // an input could not be audited: the highest of 1, 2 and 3
    }

    @AfterAll
    static void removeTheWork() throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String file(ReportFormat f) {
        return "report." + switch (f) {
            case CONSOLE -> "txt";
            case JSON -> "json";
            case SARIF -> "sarif";
            case JUNIT -> "xml";
            case CSV -> "csv";
            case MARKDOWN -> "md";
            case HTML -> "html";
        };
    }

    /** What a report shows in each channel, one text per item, read from the format's own structure. */
    record Channels(List<String> failing, List<String> waived, List<String> processing, List<String> configuration) {
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatShowsFailuresWaiversInputErrorsAndConfigurationErrors(ReportFormat format) throws Exception {
        Channels c = channels(format, reports.resolve(file(format)));
        if (format == ReportFormat.MARKDOWN) {
            // the step summary lists failing rules with their counts, not each example
            assertThat(c.failing()).as("failing").anySatisfy(s -> assertThat(s).contains("DATA-UNIQUE").contains("| 2 |"));
        } else {
            assertThat(c.failing()).as("failing, with an example").anySatisfy(s -> assertThat(s).contains("DATA-UNIQUE")
                    .contains(UNIQUE_VALUE));
        }
        assertThat(c.failing()).as("a waived result is not failing").noneSatisfy(s -> assertThat(s).contains("DATA-ENUM"));
        assertThat(c.waived()).as("waived, with its waiver").anySatisfy(s -> assertThat(s).contains("DATA-ENUM")
                .contains(WAIVER_REASON));
        assertThat(c.processing()).as("inputs that could not be audited")
                .anySatisfy(s -> assertThat(s).contains("people-invalid-utf8.csv:3:16").contains("invalid UTF-8"))
                .anySatisfy(s -> assertThat(s).contains("50-bad.conf:1").contains("sshd would not start"))
                .noneSatisfy(s -> assertThat(s).contains("waivers.yaml"));
        assertThat(c.configuration()).as("configuration errors")
                .anySatisfy(s -> assertThat(s).contains("waivers.yaml:9").contains("matches no finding of DATA-RANGE"))
                .noneSatisfy(s -> assertThat(s).contains("people-invalid-utf8.csv"));
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aProfileThatDoesNotExistIsShownByEveryFormat(ReportFormat format) throws Exception {
        Path out = work.resolve("no-profile").resolve(file(format));
        CliRunner r = CliRunner.run("scan", work.resolve("data").toString(), "-p", "no-such-profile", "--no-progress",
                "-f", format.label() + "=" + out);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        Channels c = channels(format, out);
        assertThat(c.configuration()).anySatisfy(s -> assertThat(s).contains("no-such-profile").contains("no such profile"));
        assertThat(c.processing()).isEmpty();
        assertThat(c.failing()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void renderedFromTheJsonReportEveryFormatIsTheSameBytes(ReportFormat format) throws Exception {
        Path again = work.resolve("rendered").resolve(file(format));
        CliRunner r = CliRunner.run("render", reports.resolve("report.json").toString(), "-f", format.label() + "=" + again);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(reports.resolve(file(format))));
    }

    @Test
    void theStreamedCsvShowsWhatTheCsvReportShows() throws Exception {
        Path csv = work.resolve("all/report.csv");
        Path json = work.resolve("all/report.json");
        CliRunner r = CliRunner.run("scan", work.resolve("data").toString(), work.resolve("root").toString(),
                "--waivers", work.resolve("waivers.yaml").toString(), "--strict-waivers", "--as-of", "2026-11-27", "-q",
                "--no-progress", "--fingerprint-key", work.resolve("key").toString(), "--max-examples", "0",
                "-f", "csv=" + csv, "-f", "json=" + json);
        assertThat(r.exit()).isEqualTo(3);
        Path rendered = work.resolve("all/rendered.csv");
        assertThat(CliRunner.run("render", json.toString(), "-f", "csv=" + rendered).exit()).isZero();
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(rendered));
        Channels c = channels(ReportFormat.CSV, csv);
        assertThat(c.waived()).anySatisfy(s -> assertThat(s).contains("DATA-ENUM").contains(WAIVER_REASON));
        assertThat(c.configuration()).anySatisfy(s -> assertThat(s).contains("waivers.yaml:9"));
    }

    /** Reads a report of the format, after validating it against its schema where one exists. */
    static Channels channels(ReportFormat format, Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return switch (format) {
            case JSON -> json(Reports.read(file));
            case SARIF -> sarif(text);
            case JUNIT -> junit(text);
            case CSV -> csv(text);
            case MARKDOWN -> markdown(text);
            case HTML -> html(text);
            case CONSOLE -> console(text);
        };
    }

    static Channels json(AuditReport report) {
        List<String> failing = report.results().stream().filter(r -> r.status() == Status.FAIL)
                .flatMap(r -> r.examples().stream().map(v -> r.rule() + " row " + v.row() + " " + v.value())).toList();
        List<String> waived = report.results().stream().filter(r -> r.status() == Status.WAIVED)
                .map(r -> r.rule() + " " + r.waiver().reason()).toList();
        return new Channels(failing, waived, errors(report, AuditError.Kind.PROCESSING), errors(report, AuditError.Kind.CONFIGURATION));
    }

    private static List<String> errors(AuditReport report, AuditError.Kind kind) {
        return report.errors().stream().filter(e -> e.kind() == kind).map(AuditError::oneLine).toList();
    }

    /** SARIF 2.1.0: results (waived ones carry a suppression), the invocation's execution and configuration notifications. */
    static Channels sarif(String text) throws Exception {
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve("sarif-schema-2.1.0.json"))) {
            SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).build().load().build()
                    .validate(new JSONObject(text));
        }
        JSONObject run = new JSONObject(text).getJSONArray("runs").getJSONObject(0);
        List<String> failing = new ArrayList<>();
        List<String> waived = new ArrayList<>();
        JSONArray results = run.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            JSONObject r = results.getJSONObject(i);
            String shown = r.getString("ruleId") + " " + r.getJSONObject("message").getString("text");
            JSONArray suppressions = r.optJSONArray("suppressions");
            if (suppressions == null) {
                failing.add(shown);
            } else {
                waived.add(shown + " " + suppressions.getJSONObject(0).getString("justification"));
            }
        }
        JSONObject invocation = run.getJSONArray("invocations").getJSONObject(0);
        return new Channels(failing, waived, notifications(invocation, "toolExecutionNotifications"),
                notifications(invocation, "toolConfigurationNotifications"));
    }

    private static List<String> notifications(JSONObject invocation, String kind) {
        List<String> out = new ArrayList<>();
        JSONArray notes = invocation.optJSONArray(kind);
        for (int i = 0; notes != null && i < notes.length(); i++) {
            assertThat(invocation.getBoolean("executionSuccessful")).as("an error makes the run unsuccessful").isFalse();
            out.add(notes.getJSONObject(i).getJSONObject("message").getString("text"));
        }
        return out;
    }

    /** Strict JUnit XML: failure elements, skipped ones that say waived, error elements typed processing or configuration. */
    static Channels junit(String text) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(SCHEMAS.resolve("junit-windyroad.xsd").toFile())
                .newValidator().validate(new StreamSource(new StringReader(text)));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        List<String> failing = new ArrayList<>();
        List<String> waived = new ArrayList<>();
        List<String> processing = new ArrayList<>();
        List<String> configuration = new ArrayList<>();
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            String name = testcase.getAttribute("name");
            for (Element e : children(testcase, "failure")) {
                failing.add(name + " " + e.getTextContent());
            }
            for (Element e : children(testcase, "skipped")) {
                if (e.getAttribute("message").startsWith("waived: ")) {
                    waived.add(name + " " + e.getAttribute("message"));
                }
            }
            for (Element e : children(testcase, "error")) {
                switch (e.getAttribute("type")) {
                    case "processing" -> processing.add(e.getAttribute("message"));
                    case "configuration" -> configuration.add(e.getAttribute("message"));
                    default -> {
                        // a check that could not be completed because of a processing error
                    }
                }
            }
        }
        return new Channels(failing, waived, processing, configuration);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagName(name);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    /** One row per violation, by status; errors as rows of rule INPUT-ERROR or CONFIGURATION-ERROR, written path:line:column. */
    static Channels csv(String text) throws Exception {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        List<String> failing = new ArrayList<>();
        List<String> waived = new ArrayList<>();
        List<String> processing = new ArrayList<>();
        List<String> configuration = new ArrayList<>();
        for (CSVRecord r : rows) {
            String place = r.get("target") + (r.get("line").isEmpty() ? "" : ":" + r.get("line"))
                    + (r.get("column").isEmpty() ? "" : ":" + r.get("column"));
            switch (r.get("rule")) {
                case "INPUT-ERROR" -> processing.add(place + ": " + r.get("message"));
                case "CONFIGURATION-ERROR" -> configuration.add(place + ": " + r.get("message"));
                default -> {
                    String shown = r.get("rule") + " row " + r.get("row") + " " + r.get("value") + " " + r.get("message");
                    if (r.get("status").equals("fail")) {
                        failing.add(shown);
                    } else if (r.get("status").equals("waived")) {
                        waived.add(shown);
                    }
                }
            }
        }
        return new Channels(failing, waived, processing, configuration);
    }

    /** The step summary: the items under each of its headings. */
    static Channels markdown(String text) {
        return new Channels(section(text, "### Failing rules", "| "), section(text, "### Waived", "| "),
                section(text, "### Could not be audited", "- "), section(text, "### Configuration errors", "- "));
    }

    private static List<String> section(String text, String heading, String itemStart) {
        int at = text.indexOf("\n" + heading + "\n");
        if (at < 0) {
            return List.of();
        }
        int end = text.indexOf("\n### ", at + 1);
        return text.substring(at, end < 0 ? text.length() : end).lines()
                .filter(l -> l.startsWith(itemStart) && !l.startsWith("| rule") && !l.startsWith("|---")).toList();
    }

    /** The page, read as the XML it is written as: result rows by status with their examples, the waived table, the error lists. */
    static Channels html(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(text.substring(text.indexOf("<html")))));
        List<String> failing = new ArrayList<>();
        List<String> waived = new ArrayList<>();
        NodeList rows = doc.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            Element tr = (Element) rows.item(i);
            if (tr.getAttribute("class").equals("result") && tr.getAttribute("data-status").equals("fail")) {
                failing.add(tr.getTextContent());
            }
            if (tr.getParentNode() instanceof Element table && table.getAttribute("id").equals("waived")) {
                waived.add(tr.getTextContent());
            }
        }
        return new Channels(failing, waived, listItems(doc, "unaudited"), listItems(doc, "configuration-errors"));
    }

    private static List<String> listItems(Document doc, String id) {
        List<String> out = new ArrayList<>();
        NodeList lists = doc.getElementsByTagName("ul");
        for (int i = 0; i < lists.getLength(); i++) {
            Element ul = (Element) lists.item(i);
            if (ul.getAttribute("id").equals(id)) {
                children(ul, "li").forEach(li -> out.add(li.getTextContent()));
            }
        }
        return out;
    }

    /**
     * The terminal report: a result's block (its line and the indented lines under it) by the
     * status it starts with; errors on ERROR lines under their target or under the closing
     * headings "Could not be audited" and "Configuration errors".
     */
    static Channels console(String text) {
        List<String> failing = new ArrayList<>();
        List<String> waived = new ArrayList<>();
        List<String> processing = new ArrayList<>();
        List<String> configuration = new ArrayList<>();
        List<String> lines = text.lines().toList();
        String heading = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith(" ") && !line.isEmpty()) {
                heading = line; // a target, or a closing heading
            }
            StringBuilder block = new StringBuilder(line);
            for (int k = i + 1; k < lines.size() && lines.get(k).startsWith("      "); k++) {
                block.append('\n').append(lines.get(k));
            }
            if (line.startsWith("  FAIL ")) {
                failing.add(block.toString());
            } else if (line.startsWith("  WAIVED ")) {
                waived.add(block.toString());
            } else if (line.startsWith("  ERROR ") && isErrorLine(line)) {
                ("Configuration errors".equals(heading) ? configuration : processing).add(line.substring("  ERROR ".length()));
            }
        }
        return new Channels(failing, waived, processing, configuration);
    }

    /** An error's line (path: message), not a result that is in error ("ERROR high RULE ...") nor the count of unfinished checks. */
    private static boolean isErrorLine(String line) {
        String rest = line.substring("  ERROR ".length());
        return !rest.matches("(critical|high|medium|low|info) +.*") && !rest.matches("\\d+ checks could not be completed.*");
    }
}
