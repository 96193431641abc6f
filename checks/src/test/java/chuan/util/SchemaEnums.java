package chuan.util;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The values a built-in JSON Schema lists at a place, for the tests that hold such lists to a registry. */
public final class SchemaEnums {

    private SchemaEnums() {
    }

    /** The enum at {@code pointer} of {@code chuan/schema/NAME.schema.json}; fails when there is none. */
    public static List<String> of(String name, String pointer) {
        JsonNode array;
        try (InputStream in = ClasspathIndex.open("chuan/schema/" + name + ".schema.json")) {
            array = new ObjectMapper().readTree(in).at(pointer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(array.isArray()).as(name + " schema: an enum at " + pointer).isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
