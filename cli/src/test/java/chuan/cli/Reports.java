package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.report.JsonReport;
import chuan.report.SavedReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * JSON reports read back as the model they were written from ({@link AuditReport}), after checking
 * them against the report's JSON Schema, so that tests ask typed questions of a report instead of
 * walking its JSON by hand.
 */
final class Reports {

    private static final Schema SCHEMA = schema();

    private Reports() {
    }

    /** A report printed on standard output ({@code -f json}). */
    static AuditReport parse(String json) {
        SCHEMA.validate(new JSONObject(json));
        try {
            return JsonReport.mapper().readValue(json, AuditReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report written to a file, read as {@code chuan render} and {@code chuan baseline} read it. */
    static AuditReport read(Path file) {
        try {
            return SavedReport.read(file);
        } catch (chuan.profile.ProfileException e) {
            throw new AssertionError(file + " is not a valid report: " + e.getMessage(), e);
        }
    }

    /** The one result of a rule (failing the test when there is none, or more than one). */
    static Result result(AuditReport report, String rule) {
        List<Result> all = results(report, rule);
        assertThat(all).as("results of " + rule).hasSize(1);
        return all.get(0);
    }

    /** Every result of a rule, in report order. */
    static List<Result> results(AuditReport report, String rule) {
        return report.results().stream().filter(r -> r.rule().equals(rule)).toList();
    }

    /** The first example of a result (failing the test when it has none). */
    static Violation firstExample(Result r) {
        assertThat(r.examples()).as(r.rule() + " " + r.field() + " has examples").isNotEmpty();
        return r.examples().get(0);
    }

    /** How many results have this status, by the summary's count. */
    static long count(AuditReport report, Status status) {
        return report.summary().byStatus().get(status.label());
    }

    private static Schema schema() {
        try (InputStream in = Files.newInputStream(Path.of("../profiles/src/main/resources/chuan/schema/report.schema.json"))) {
            return SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).draftV7Support().build().load().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
