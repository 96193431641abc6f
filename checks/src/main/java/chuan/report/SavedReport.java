package chuan.report;

import chuan.model.AuditReport;
import chuan.profile.ProfileException;
import chuan.profile.ProfileProblem;
import chuan.util.ClasspathIndex;
import chuan.util.SmallFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * A JSON report saved by an earlier scan, read back for {@code chuan render} and {@code chuan
 * baseline}: a regular file of bounded size, valid against the report's own JSON Schema before it is
 * trusted, so that a truncated, hand-edited or foreign file is one clear error (exit 2), never a
 * null dereference halfway through writing another format.
 */
public final class SavedReport {

    private SavedReport() {
    }

    public static AuditReport read(Path file) throws ProfileException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = SmallFiles.read(file, SmallFiles.REPORT_LIMIT);
        } catch (IOException e) {
            throw problem(name, 0, "cannot read: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        ObjectMapper mapper = JsonReport.mapper();
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw problem(name, line, "not a chuan JSON report: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw problem(name, 0, "cannot read: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw problem(name, 1, "not a chuan JSON report: the file holds " + (tree == null || tree.isMissingNode() ? "nothing"
                    : tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)) + ", not an object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version != null && version.isTextual() && version.asText().startsWith("1.")) {
            throw problem(name, 1, "a report of schemaVersion " + version.asText() + " (an older chuan, with unkeyed "
                    + "fingerprints); scan again to make a " + AuditReport.SCHEMA_VERSION + " report");
        }
        try {
            schema().validate(new JSONObject(mapper.writeValueAsString(tree)));
        } catch (ValidationException e) {
            ValidationException first = e.getCausingExceptions().isEmpty() ? e : e.getCausingExceptions().get(0);
            throw problem(name, 1, "not a chuan JSON report: " + first.getMessage());
        } catch (IOException e) {
            throw problem(name, 1, "not a chuan JSON report: " + e.getMessage());
        }
        try {
            return mapper.treeToValue(tree, AuditReport.class);
        } catch (JsonProcessingException e) {
            throw problem(name, 1, "not a chuan JSON report: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private static Schema schema() throws IOException {
        try (InputStream in = ClasspathIndex.open("chuan/schema/report.schema.json")) {
            return SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).draftV7Support().build().load().build();
        }
    }

    private static ProfileException problem(String file, long line, String message) {
        return new ProfileException(new ProfileProblem(file, line, line > 0 ? 1 : 0, message));
    }
}
