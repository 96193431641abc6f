package chuan.profile;

import chuan.util.ClasspathIndex;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * The JSON Schema every profile is checked against before it is read (Everit, draft-07). A
 * column's {@code type} may be any {@link ColumnType} or any type of a registered standards pack:
 * the enum is made from them when the schema loads, so a pack needs no edit here. The file's own
 * enum is there for editors; a test holds it to the built-in packs.
 */
final class ProfileSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)\\] is not permitted");
    private static final Schema SCHEMA = load();

    private ProfileSchema() {
    }

    private static Schema load() {
        try (InputStream in = ClasspathIndex.open("chuan/schema/profile.schema.json")) {
            JSONObject raw = new JSONObject(new JSONTokener(in));
            raw.getJSONObject("definitions").getJSONObject("column").getJSONObject("properties")
                    .getJSONObject("type").put("enum", new org.json.JSONArray(typeNames()));
            return SchemaLoader.builder().schemaJson(raw).draftV7Support().build().load().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generic column types, then every registered pack's value types. */
    static List<String> typeNames() {
        List<String> names = new ArrayList<>();
        for (ColumnType t : ColumnType.values()) {
            names.add(t.label());
        }
        names.addAll(chuan.standard.Packs.types().keySet());
        return names;
    }

    /** Every schema violation of the tree, each placed at the key or value it concerns. */
    static List<ProfileProblem> validate(LocatedTree tree) {
        List<ProfileProblem> problems = new ArrayList<>();
        try {
            SCHEMA.validate(toOrgJson(tree.root()));
        } catch (ValidationException e) {
            collect(e, tree, problems);
        }
        problems.sort((a, b) -> a.line() != b.line() ? Long.compare(a.line(), b.line()) : Long.compare(a.column(), b.column()));
        return problems;
    }

    private static void collect(ValidationException e, LocatedTree tree, List<ProfileProblem> out) {
        if (!e.getCausingExceptions().isEmpty()) {
            List<ValidationException> causes = e.getCausingExceptions();
            if ("oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword())) {
                // a value that may take several forms: report what is wrong in the form it has, not that it is not the other form
                List<ValidationException> inForm = causes.stream().filter(c -> !("type".equals(c.getKeyword())
                        && java.util.Objects.equals(c.getPointerToViolation(), e.getPointerToViolation()))).toList();
                causes = inForm.isEmpty() ? causes : inForm;
            }
            for (ValidationException c : causes) {
                collect(c, tree, out);
            }
            return;
        }
        String pointer = e.getPointerToViolation() == null ? "" : e.getPointerToViolation().replaceFirst("^#", "");
        String message = e.getErrorMessage();
        Matcher m = EXTRANEOUS.matcher(message);
        if (m.matches()) {
            String key = m.group(1);
            out.add(tree.problemAtKey(pointer + "/" + key.replace("~", "~0").replace("/", "~1"),
                    "unknown key '" + key + "'" + where(pointer)));
            return;
        }
        out.add(tree.problemAt(pointer, message + where(pointer)));
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "" : " (at " + pointer + ")";
    }

    static Object toOrgJson(JsonNode node) {
        try {
            String text = JSON.writeValueAsString(node);
            return node.isObject() ? new JSONObject(text) : new JSONTokener(text).nextValue();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
