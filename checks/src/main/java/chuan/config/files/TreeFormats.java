package chuan.config.files;

import chuan.config.ConfigProblem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * YAML and JSON read as Spring Boot flattens them: nested keys joined with dots
 * ({@code management.endpoints.web.exposure.include}), list items as {@code key[0]} and the whole
 * list as the comma-joined value of {@code key}; every document of a multi-document YAML file in
 * order. Each value keeps the line it is written on. A syntax error is a malformed file at its line.
 */
final class TreeFormats {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private TreeFormats() {
    }

    static void yaml(FlatFile into, String text, String file) {
        read(YAML, into, text, file);
    }

    static void json(FlatFile into, String text, String file) {
        read(JSON, into, text, file);
    }

    /** A container being read: its dotted path, whether it is a list, its next index, the list's items. */
    private static final class Frame {
        final String path;
        final boolean list;
        int index;
        String field;
        final List<String> items = new ArrayList<>();
        final int line;

        Frame(String path, boolean list, int line) {
            this.path = path;
            this.list = list;
            this.line = line;
        }

        String child() {
            if (list) {
                return path + "[" + index++ + "]";
            }
            return path.isEmpty() ? field : path + "." + field;
        }
    }

    private static void read(JsonFactory factory, FlatFile into, String text, String file) {
        int last = 0; // the line of the last token read, for errors that carry no location (nesting too deep)
        try (JsonParser p = factory.createParser(text)) {
            Deque<Frame> stack = new ArrayDeque<>();
            JsonToken t;
            int nulls = 0;
            while (nulls < 2) {
                t = p.nextToken();
                if (t == null) {
                    nulls++; // YAML: end of one document; two in a row: end of the stream
                    continue;
                }
                nulls = 0;
                int line = p.currentTokenLocation().getLineNr();
                last = line;
                switch (t) {
                    case FIELD_NAME -> stack.peek().field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        String path = stack.isEmpty() ? "" : stack.peek().child();
                        stack.push(new Frame(path, t == JsonToken.START_ARRAY, line));
                    }
                    case END_OBJECT -> stack.pop();
                    case END_ARRAY -> {
                        Frame f = stack.pop();
                        if (!f.path.isEmpty()) {
                            into.put(f.path, String.join(",", f.items), f.line);
                        }
                    }
                    default -> {
                        String value = t == JsonToken.VALUE_NULL ? "" : p.getText();
                        if (stack.isEmpty()) {
                            continue; // a document that is a bare scalar
                        }
                        Frame top = stack.peek();
                        if (top.list) {
                            top.items.add(value);
                        }
                        into.put(top.child(), value, line);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? last : e.getLocation().getLineNr();
            into.problem(ConfigProblem.malformed(file, Math.max(line, 0), e.getOriginalMessage()));
        } catch (IOException e) {
            into.problem(ConfigProblem.unreadable(file, "cannot read: " + e.getMessage()));
        }
    }
}
