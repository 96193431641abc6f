package chuan.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML (or JSON) document read into a Jackson tree, remembering where every key and value
 * starts so that schema and semantic errors can name file:line:column.
 */
public final class LocatedTree {

    /** Profiles of very wide datasets (a draft of 20,000 columns) are larger than SnakeYAML's 3 MB default allows. */
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(64 * 1024 * 1024);
        return o;
    }

    private final String file;
    private final JsonNode root;
    private final Map<String, SourcePosition> keys;
    private final Map<String, SourcePosition> values;
    /** The text parsed, for positions inside a value (an expression's error at its own character). */
    private String text = "";

    private LocatedTree(String file, JsonNode root, Map<String, SourcePosition> keys,
                        Map<String, SourcePosition> values) {
        this.file = file;
        this.root = root;
        this.keys = keys;
        this.values = values;
    }

    /** Parses YAML text; a syntax error becomes a {@link ProfileException} with its position. */
    public static LocatedTree parse(String file, String text) throws ProfileException {
        Map<String, SourcePosition> keys = new HashMap<>();
        Map<String, SourcePosition> values = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ProfileException(new ProfileProblem(file, 1, 1, "the file is empty"));
            }
            JsonNode root = read(p, "", keys, values);
            if (p.nextToken() != null) {
                throw new Refused("a second YAML document ('---') is not allowed: one file, one document", p.currentTokenLocation());
            }
            LocatedTree tree = new LocatedTree(file, root, keys, values);
            tree.text = text;
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            long line = loc == null ? 0 : Math.max(1, loc.getLineNr());
            long col = loc == null ? 0 : Math.max(1, loc.getColumnNr());
            throw new ProfileException(new ProfileProblem(file, line, col, "invalid YAML: " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(file, 0, 0, "cannot read: " + e.getMessage()));
        }
    }

    private static JsonNode read(JsonParser p, String pointer, Map<String, SourcePosition> keys,
                                 Map<String, SourcePosition> values) throws IOException {
        values.put(pointer, position(p.currentTokenLocation()));
        plain(p);
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + escape(name);
                    if (o.has(name)) {
                        throw new DuplicateKey(name, position(p.currentTokenLocation()));
                    }
                    keys.put(child, position(p.currentTokenLocation()));
                    p.nextToken();
                    o.set(name, read(p, child, keys, values));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, pointer + "/" + i++, keys, values));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> throw new Refused("this value is not text, a number, true/false, a list or a mapping", p.currentTokenLocation());
        }
    }

    /**
     * Plain YAML only: a tag ({@code !!binary}, {@code !!python/object}) would make a value something
     * other than what it reads as, and an alias ({@code *name}) stands for a value written elsewhere
     * (and, nested, for billions of them); both are refused where they are written, never read as text.
     */
    private static void plain(JsonParser p) throws IOException {
        if (!(p instanceof YAMLParser y)) {
            return;
        }
        if (y.isCurrentAlias()) {
            throw new Refused("YAML aliases (*" + y.getText() + ") are not supported: write the value out", p.currentTokenLocation());
        }
        if (y.getObjectId() != null) {
            throw new Refused("YAML anchors (&" + y.getObjectId() + ") are not supported: write each value out",
                    p.currentTokenLocation());
        }
        if (y.getTypeId() != null) {
            throw new Refused("YAML tags (" + y.getTypeId() + ") are not allowed: write plain values", p.currentTokenLocation());
        }
    }

    private static SourcePosition position(JsonLocation loc) {
        return new SourcePosition(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Where the value at this JSON Pointer starts, or the nearest enclosing value that has a position. */
    public SourcePosition valueAt(String pointer) {
        String p = pointer;
        while (true) {
            SourcePosition pos = values.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return new SourcePosition(1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key of the member at this JSON Pointer is written, falling back to its value. */
    public SourcePosition keyAt(String pointer) {
        SourcePosition pos = keys.get(pointer);
        return pos != null ? pos : valueAt(pointer);
    }

    /**
     * Where the character at 1-based {@code offset} of a one-line string value is: past its opening quote
     * when the value is quoted. Escapes inside a quoted value are not counted (an approximation).
     */
    public SourcePosition insideValue(String pointer, int offset) {
        SourcePosition start = valueAt(pointer);
        long column = start.column();
        String[] lines = text.split("\n", -1);
        if (start.line() >= 1 && start.line() <= lines.length) {
            String line = lines[(int) start.line() - 1];
            int at = (int) start.column() - 1;
            if (at >= 0 && at < line.length() && (line.charAt(at) == '"' || line.charAt(at) == '\'')) {
                column++;
            }
        }
        return new SourcePosition(start.line(), column + offset - 1);
    }

    public ProfileProblem problemAt(String pointer, String message) {
        SourcePosition pos = valueAt(pointer);
        return new ProfileProblem(file, pos.line(), pos.column(), message);
    }

    public ProfileProblem problemAtKey(String pointer, String message) {
        SourcePosition pos = keyAt(pointer);
        return new ProfileProblem(file, pos.line(), pos.column(), message);
    }

    /** YAML this reader will not take, at the place it is written. */
    static final class Refused extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        Refused(String message, JsonLocation at) {
            super(message, at);
        }
    }

    /** YAML allows a key twice and keeps the last; a profile must not, so it is an error. */
    static final class DuplicateKey extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        DuplicateKey(String name, SourcePosition pos) {
            super("duplicate key '" + name + "'", new JsonLocation(null, -1, pos.line() > Integer.MAX_VALUE ? -1 : (int) pos.line(), (int) pos.column()));
        }
    }
}
