package chuan.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

/** A profile's {@code json-schema}: the draft-07 schema each JSON record must satisfy. */
public final class RecordSchema {

    private RecordSchema() {
    }

    /** Loads the schema; it was checked when the profile was loaded. */
    public static Schema load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            JSONObject raw = new JSONObject(new JSONTokener(in));
            return SchemaLoader.builder().schemaJson(raw).draftV7Support().build().load().build();
        }
    }

    /** Null when the file is a usable JSON Schema, else why not. */
    public static String check(Path file) {
        try {
            load(file);
            return null;
        } catch (IOException e) {
            return "cannot read JSON Schema " + file + ": " + e.getMessage();
        } catch (JSONException | SchemaException e) {
            return "invalid JSON Schema " + file + ": " + e.getMessage();
        }
    }
}
