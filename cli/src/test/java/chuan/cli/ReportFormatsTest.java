package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format for the samples, validated against its schema, re-rendered identically, and masked. */
class ReportFormatsTest {

    static final Path SCHEMAS = Path.of("../checks/src/test/resources/schemas");
    static final List<String> FILES = List.of("report.json", "report.sarif", "report.xml", "report.csv", "report.md", "console.txt",
            "report.html");

    @TempDir
    static Path dir;

    @BeforeAll
    static void scanTheSamples() {
        CliRunner r = CliRunner.run("scan", "../samples", "--as-of", "2026-11-27", "--max-examples", "0", "-q",
                "-f", "json=" + dir.resolve("report.json"), "-f", "sarif=" + dir.resolve("report.sarif"),
                "-f", "junit=" + dir.resolve("report.xml"), "-f", "csv=" + dir.resolve("report.csv"),
                "-f", "markdown=" + dir.resolve("report.md"), "-f", "console=" + dir.resolve("console.txt"),
                "-f", "html=" + dir.resolve("report.html"));
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void sarifIsValidAgainstTheOasisSchemaAndHasWhatCodeScanningNeeds() throws Exception {
        Schema schema;
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve("sarif-schema-2.1.0.json"))) {
            schema = SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).build().load().build();
        }
        JSONObject log = new JSONObject(Files.readString(dir.resolve("report.sarif")));
        schema.validate(log);
        JSONObject run = log.getJSONArray("runs").getJSONObject(0);
        JSONArray rules = run.getJSONObject("tool").getJSONObject("driver").getJSONArray("rules");
        assertThat(rules.length()).isPositive();
        List<String> scored = new java.util.ArrayList<>();
        for (int i = 0; i < rules.length(); i++) {
            JSONObject rule = rules.getJSONObject(i);
            assertThat(rule.getJSONObject("shortDescription").getString("text")).isNotBlank();
            assertThat(rule.getJSONObject("fullDescription").getString("text")).isNotBlank();
            assertThat(rule.getJSONObject("help").getString("text")).contains("References:");
            assertThat(rule.getJSONObject("properties").getJSONArray("tags").length()).isPositive();
            // GitHub ranks security alerts by a string score, only for rules tagged security (the config baselines)
            boolean security = rule.getJSONObject("properties").getJSONArray("tags").toList().contains("security");
            assertThat(rule.getJSONObject("properties").has("security-severity")).as(rule.getString("id")).isEqualTo(security);
            scored.add(rule.getJSONObject("properties").optString("security-severity", null));
        }
        // the samples' failing config rules are tagged security, each scored as a number
        assertThat(scored).filteredOn(java.util.Objects::nonNull).isNotEmpty().allSatisfy(s -> assertThat(s).matches("\\d+\\.\\d"));
        assertThat(rules.toString()).contains("\"security-severity\":\"8.0\""); // SSH-PASSWORD-AUTH and the other high ones
        JSONArray results = run.getJSONArray("results");
        assertThat(results.length()).isGreaterThan(30);
        for (int i = 0; i < results.length(); i++) {
            JSONObject res = results.getJSONObject(i);
            JSONObject loc = res.getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation");
            assertThat(loc.getJSONObject("artifactLocation").getString("uri")).startsWith("../samples/").doesNotContain("\\");
            if (res.getJSONArray("locations").getJSONObject(0).has("logicalLocations")) {
                // a workbook's cell or a table's row: named as its program names it (a table's row has no line)
                assertThat(res.getJSONArray("locations").getJSONObject(0).getJSONArray("logicalLocations").length()).isPositive();
            } else {
                assertThat(loc.getJSONObject("region").getInt("startLine")).isGreaterThanOrEqualTo(1);
            }
            assertThat(res.getString("level")).isIn("error", "warning", "note");
            assertThat(res.getJSONObject("partialFingerprints").getString("chuanFinding/v1")).hasSize(32);
        }
    }

    @Test
    void jsonIsValidAgainstTheProjectsReportSchema() throws Exception {
        Schema schema;
        try (InputStream in = Files.newInputStream(Path.of("../profiles/src/main/resources/chuan/schema/report.schema.json"))) {
            schema = SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).draftV7Support().build().load().build();
        }
        schema.validate(new JSONObject(Files.readString(dir.resolve("report.json"))));
    }

    @Test
    void junitIsValidAgainstTheStrictXsd() throws Exception {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(SCHEMAS.resolve("junit-windyroad.xsd").toFile());
        String xml = Files.readString(dir.resolve("report.xml"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<testsuite name=\"../samples/registers/citizen-register-2025-06.csv\"")
                .contains("name=\"[HIGH][VN-PID-GENDER] Sex agrees with the personal ID (gender)\"")
                .contains("<failure message=");
    }

    @Test
    void csvListsEveryViolationOnceWithItsPlace() throws Exception {
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(dir.resolve("report.csv"))).getRecords();
        long register = rows.stream().filter(r -> r.get("target").endsWith("citizen-register-2025-06.csv")).count();
        // its 15 injected defects, and as of 2026 the 106 province codes the 2025 merger retired (samples/README.md)
        assertThat(register).isEqualTo(15 + 106);
        CSVRecord gender = rows.stream().filter(r -> r.get("rule").equals("VN-PID-GENDER")).findFirst().orElseThrow();
        assertThat(gender.get("row")).isEqualTo("222");
        assertThat(gender.get("line")).isEqualTo("223");
        assertThat(gender.get("field")).isEqualTo("gender");
    }

    @Test
    void htmlIsOneSelfContainedPageWithTheGateAndTheFailingRules() throws Exception {
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("id=\"gate\">Gate FAILED")
                .contains(">VN-PID-GENDER<").contains("Decree 137/2015/NĐ-CP").contains("<svg");
        // nothing is loaded from anywhere: no links, sources, imports or url() (references stay as text)
        assertThat(html).doesNotContain("<link").doesNotContain("src=").doesNotContain("@import").doesNotContain("url(");
        String style = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        String script = html.substring(html.indexOf("<script>"), html.indexOf("</script>"));
        assertThat(style + script).as("raw-text elements must not hold escaped characters").doesNotContain("&");
        // parses as XML (polyglot markup), so every text was escaped
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(html.substring(html.indexOf("<html")))));
    }

    @Test
    void markdownSummarisesTheGate() throws Exception {
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).startsWith("## chuan audit: FAILED").contains("| VN-PID-BIRTH-DATE | high |").doesNotContain("http");
    }

    @Test
    void everyFormatRendersIdenticallyFromTheJsonReport() throws Exception {
        Path again = dir.resolve("again");
        CliRunner r = CliRunner.run("render", dir.resolve("report.json").toString(),
                "-f", "json=" + again.resolve("report.json"), "-f", "sarif=" + again.resolve("report.sarif"),
                "-f", "junit=" + again.resolve("report.xml"), "-f", "csv=" + again.resolve("report.csv"),
                "-f", "markdown=" + again.resolve("report.md"), "-f", "console=" + again.resolve("console.txt"),
                "-f", "html=" + again.resolve("report.html"));
        assertThat(r.exit()).isZero();
        for (String f : FILES) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve(f)));
        }
    }

    @Test
    void noPersonalValueFromTheSamplesAppearsInAnyFormat() throws Exception {
        // values reported as violations in the samples: IDs, an e-mail, a phone, a name (NFC and NFD)
        List<String> secrets = List.of("024200777258", "0361991970003", "067188939211", "075190891177", "079203012345",
                "quyetnguyen88.yahoo.com.vn", "0959052092", "lan.tran@gmail", "Mạnh Nhân",
                java.text.Normalizer.normalize("Mạnh Nhân", java.text.Normalizer.Form.NFD));
        for (String f : FILES) {
            String text = new String(Files.readAllBytes(dir.resolve(f)), StandardCharsets.UTF_8);
            for (String s : secrets) {
                assertThat(text).as(f + " must not show " + s).doesNotContain(s);
            }
        }
    }

    @Test
    void badReportsForRenderAreUsageErrors() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"not\": \"a report\"");
        CliRunner r = CliRunner.run("render", bad.toString(), "-f", "markdown");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json").contains("not a chuan JSON report");
    }
}
