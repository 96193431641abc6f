package chuan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.audit.Audit;
import chuan.audit.AuditRequest;
import chuan.gate.FailOn;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.rules.RuleCatalog;
import chuan.util.ClasspathIndex;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.Test;

/** The canonical JSON report is valid against its published schema, for clean, failing and broken inputs. */
class JsonReportTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    static Schema schema() throws Exception {
        try (InputStream in = ClasspathIndex.open("chuan/schema/report.schema.json")) {
            return SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).draftV7Support()
                    .build().load().build();
        }
    }

    /** The report as written, after validating it against the schema, read back as the model. */
    static AuditReport readBack(String json) throws Exception {
        schema().validate(new JSONObject(json));
        return JsonReport.mapper().readValue(json, AuditReport.class);
    }

    static String json(List<Path> inputs, String profile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Audit(RuleCatalog.builtIn(), "0.0.0-test").run(new AuditRequest(inputs, List.of(profile),
                LocalDate.of(2025, 6, 30), FailOn.parse("low").orElseThrow(), 20, false, 2), new JsonReport(() -> out));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsOfEveryKindOfOutcomeValidate() throws Exception {
        String csvProfile = FIXTURES.resolve("people.yaml").toString();
        String text = json(List.of(FIXTURES.resolve("people-clean.csv"), FIXTURES.resolve("people-defects.csv"),
                FIXTURES.resolve("people-invalid-utf8.csv"), FIXTURES.resolve("people-header.csv"),
                FIXTURES.resolve("people-empty.csv")), csvProfile);
        AuditReport o = readBack(text);
        assertThat(o.tool().name()).isEqualTo("chuan");
        assertThat(o.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(o.targets()).hasSize(5);
        assertThat(o.errors()).hasSize(2);
        assertThat(o.summary().exitCode()).isEqualTo(3);
        String json = json(List.of(FIXTURES.resolve("people.ndjson"), FIXTURES.resolve("people.json")),
                FIXTURES.resolve("people-json.yaml").toString());
        schema().validate(new JSONObject(json));
    }

    @Test
    void theSchemaRejectsAReportThatBreaksIt() throws Exception {
        JSONObject o = new JSONObject(json(List.of(FIXTURES.resolve("people-clean.csv")), FIXTURES.resolve("people.yaml").toString()));
        o.getJSONArray("results").getJSONObject(0).put("status", "maybe");
        assertThatThrownBy(() -> schema().validate(o)).isInstanceOf(ValidationException.class);
    }

    @Test
    void passingResultsAreListedAndExamplesCarryRowLineColumnField() throws Exception {
        AuditReport o = readBack(json(List.of(FIXTURES.resolve("people-defects.csv")), FIXTURES.resolve("people.yaml").toString()));
        assertThat(o.results()).extracting(Result::status).contains(Status.PASS);
        assertThat(o.results()).filteredOn(r -> r.rule().equals("DATA-ENUM")).singleElement().satisfies(r -> {
            assertThat(r.examples()).isNotEmpty();
            Violation ex = r.examples().get(0);
            assertThat(ex.row()).isEqualTo(4);
            assertThat(ex.line()).isEqualTo(5);
            assertThat(ex.column()).isEqualTo(3);
            assertThat(ex.field()).isEqualTo("gender");
            assertThat(r.violations()).isEqualTo(1);
            assertThat(r.checked()).isEqualTo(14);
        });
        assertThat(o.targets().get(0).fingerprint()).hasSize(64);
    }

    @Test
    void theReportIsTheSameRecordReadBack() throws Exception {
        String text = json(List.of(FIXTURES.resolve("people-defects.csv")), FIXTURES.resolve("people.yaml").toString());
        AuditReport back = JsonReport.mapper().readValue(text, AuditReport.class);
        assertThat(back.results()).hasSize(new JSONObject(text).getJSONArray("results").length());
        assertThat(back.summary().exitCode()).isEqualTo(1);
    }
}
