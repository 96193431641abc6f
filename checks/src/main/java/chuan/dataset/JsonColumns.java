package chuan.dataset;

import chuan.profile.ColumnSpec;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a profile's columns out of a JSON record: a column is a top-level member named by its
 * name or an alias, or a JSON Pointer when the name starts with {@code /}. Scalars become their
 * text, null and missing members become null (empty), objects and arrays their JSON text.
 */
final class JsonColumns {

    private static final int MAX_UNKNOWN = 50;

    private final JsonPointer[] pointers;
    private final String[][] names;
    private final Set<String> known = new HashSet<>();
    private final Set<String> unknown = new LinkedHashSet<>();

    JsonColumns(List<ColumnSpec> columns) {
        pointers = new JsonPointer[columns.size()];
        names = new String[columns.size()][];
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            if (c.name().startsWith("/")) {
                pointers[i] = JsonPointer.compile(c.name());
                known.add(pointers[i].getMatchingProperty());
            } else {
                names[i] = c.aliasesAndName().toArray(new String[0]);
                known.addAll(c.aliasesAndName());
            }
        }
    }

    String[] extract(JsonNode record) {
        String[] out = new String[pointers.length];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = null;
            if (pointers[i] != null) {
                v = record.at(pointers[i]);
            } else {
                for (String n : names[i]) {
                    v = record.get(n);
                    if (v != null) {
                        break;
                    }
                }
            }
            out[i] = text(v);
        }
        if (unknown.size() < MAX_UNKNOWN) {
            for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f) && unknown.size() < MAX_UNKNOWN) {
                    unknown.add(f);
                }
            }
        }
        return out;
    }

    List<String> unknownMembers() {
        return List.copyOf(unknown);
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        return v.toString();
    }
}
