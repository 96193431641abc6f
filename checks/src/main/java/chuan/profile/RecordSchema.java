package chuan.profile;

import chuan.util.SafeRegex;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.ConditionalSchema;
import org.everit.json.schema.NotSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.everit.json.schema.regexp.RE2JRegexpFactory;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * A profile's {@code json-schema}: the draft-07 schema each JSON record must satisfy. An audit is
 * offline: a {@code $ref} resolves only to files inside the schema's folder or the profile's (never
 * http, https, or a file elsewhere on the host), the schema's {@code pattern}s run on RE2/J within a size budget,
 * and a loop of references that never reaches a value ({@code a -> b -> a}) is refused when the
 * profile loads instead of overflowing the stack on the first record.
 */
public final class RecordSchema {

    /** Bytes a schema file may have: schemas are small, and this one is read whole. */
    private static final long MAX_BYTES = 8L << 20;

    private RecordSchema() {
    }

    /** Loads the schema at {@code file}, whose {@code $ref}s may only name files under one of {@code folders}. */
    public static Schema load(Path file, List<Path> folders) throws IOException {
        List<Path> bases = new ArrayList<>();
        for (Path f : folders) {
            bases.add(f.toRealPath());
        }
        JSONObject raw = read(file);
        checkPatterns(raw);
        Schema schema;
        try {
            schema = SchemaLoader.builder().schemaJson(raw).draftV7Support()
                    .resolutionScope(file.toRealPath().toUri())
                    .schemaClient(new FolderClient(bases))
                    .regexpFactory(new RE2JRegexpFactory())
                    .build().load().build();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String loop = referenceLoop(schema);
        if (loop != null) {
            throw new SchemaException("$ref loop that never reaches a value: " + loop);
        }
        return schema;
    }

    /** Null when the file is a usable JSON Schema, else why not. */
    public static String check(Path file, List<Path> folders) {
        try {
            load(file, folders);
            return null;
        } catch (IOException e) {
            return "cannot read JSON Schema " + file + ": " + e.getMessage();
        } catch (JSONException | SchemaException e) {
            return "invalid JSON Schema " + file + ": " + e.getMessage();
        } catch (StackOverflowError e) {
            return "invalid JSON Schema " + file + ": references nest too deeply";
        }
    }

    private static JSONObject read(Path file) throws IOException {
        Path real = file.toRealPath();
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file");
        }
        if (Files.size(real) > MAX_BYTES) {
            throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        try (InputStream in = Files.newInputStream(real)) {
            return new JSONObject(new JSONTokener(in));
        }
    }

    /**
     * Serves {@code $ref}s: a {@code file:} URI of a regular file under the profile's folder, links
     * resolved first. Anything else (http, https, ftp, jar, a file elsewhere) is a profile error:
     * an audit never reaches the network or the host's files through a schema.
     */
    private static final class FolderClient implements SchemaClient {
        private final List<Path> bases;

        FolderClient(List<Path> bases) {
            this.bases = bases;
        }

        @Override
        public InputStream get(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (java.net.URISyntaxException e) {
                throw new SchemaException("$ref '" + url + "' is not a URI");
            }
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                throw new SchemaException("$ref '" + url + "' is not a file in the profile's folder (an audit is offline: "
                        + "copy the schema beside the profile and refer to it by a relative path)");
            }
            try {
                Path p = Path.of(uri).toRealPath();
                if (bases.stream().noneMatch(p::startsWith)) {
                    throw new SchemaException("$ref '" + url + "' is outside the folders of the schema and the profile");
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) > MAX_BYTES) {
                    throw new SchemaException("$ref '" + url + "' is not a regular file of at most " + (MAX_BYTES >> 20) + " MiB");
                }
                return Files.newInputStream(p);
            } catch (IOException e) {
                throw new SchemaException("$ref '" + url + "': cannot read: " + e.getMessage());
            }
        }
    }

    /** Every {@code pattern} and {@code patternProperties} name must be RE2 within the size budget. */
    private static void checkPatterns(Object node) {
        if (node instanceof JSONObject o) {
            for (String k : o.keySet()) {
                Object v = o.get(k);
                if (k.equals("pattern") && v instanceof String s) {
                    checkPattern(s);
                }
                if (k.equals("patternProperties") && v instanceof JSONObject pp) {
                    pp.keySet().forEach(RecordSchema::checkPattern);
                }
                checkPatterns(v);
            }
        } else if (node instanceof JSONArray a) {
            for (Object v : a) {
                checkPatterns(v);
            }
        }
    }

    private static void checkPattern(String p) {
        try {
            SafeRegex.compile(p);
        } catch (PatternSyntaxException e) {
            throw new SchemaException("pattern '" + (p.length() > 60 ? p.substring(0, 60) + "..." : p) + "': "
                    + e.getDescription() + " (RE2 syntax)");
        }
    }

    /**
     * A cycle through references and combinators alone ({@code $ref}, allOf/anyOf/oneOf, not,
     * if/then/else, schema dependencies): each applies to the same value, so validating it never ends.
     * A cycle through properties or items is a recursive structure and fine: each step goes one level down.
     */
    static String referenceLoop(Schema root) {
        Map<Schema, Integer> state = new IdentityHashMap<>(); // 1 on the path, 2 done
        List<String> path = new ArrayList<>();
        List<Schema> todo = new ArrayList<>();
        todo.add(root);
        collectAll(root, todo, new IdentityHashMap<>());
        for (Schema s : todo) {
            String loop = visit(s, state, path);
            if (loop != null) {
                return loop;
            }
        }
        return null;
    }

    private static String visit(Schema s, Map<Schema, Integer> state, List<String> path) {
        Integer st = state.get(s);
        if (st != null) {
            if (st == 1) {
                path.add(name(s));
                return String.join(" -> ", path);
            }
            return null;
        }
        state.put(s, 1);
        path.add(name(s));
        for (Schema next : sameValue(s)) {
            String loop = visit(next, state, path);
            if (loop != null) {
                return loop;
            }
        }
        path.remove(path.size() - 1);
        state.put(s, 2);
        return null;
    }

    private static String name(Schema s) {
        if (s instanceof ReferenceSchema r) {
            return "$ref " + r.getReferenceValue();
        }
        return s.getSchemaLocation() == null ? s.getClass().getSimpleName() : s.getSchemaLocation();
    }

    /** The schemas that apply to the same value as {@code s}. */
    private static List<Schema> sameValue(Schema s) {
        List<Schema> out = new ArrayList<>();
        if (s instanceof ReferenceSchema r && r.getReferredSchema() != null) {
            out.add(r.getReferredSchema());
        } else if (s instanceof CombinedSchema c) {
            out.addAll(c.getSubschemas());
        } else if (s instanceof NotSchema n) {
            out.add(n.getMustNotMatch());
        } else if (s instanceof ConditionalSchema c) {
            c.getIfSchema().ifPresent(out::add);
            c.getThenSchema().ifPresent(out::add);
            c.getElseSchema().ifPresent(out::add);
        } else if (s instanceof ObjectSchema o) {
            out.addAll(o.getSchemaDependencies().values());
        }
        return out;
    }

    /** Every schema reachable from the root, by any edge, each once. */
    private static void collectAll(Schema s, List<Schema> into, Map<Schema, Boolean> seen) {
        java.util.ArrayDeque<Schema> stack = new java.util.ArrayDeque<>();
        stack.push(s);
        while (!stack.isEmpty()) {
            Schema x = stack.pop();
            if (x == null || seen.put(x, Boolean.TRUE) != null) {
                continue;
            }
            into.add(x);
            sameValue(x).forEach(stack::push);
            if (x instanceof ObjectSchema o) {
                o.getPropertySchemas().values().forEach(stack::push);
                o.getPatternProperties().values().forEach(stack::push);
                if (o.getSchemaOfAdditionalProperties() != null) {
                    stack.push(o.getSchemaOfAdditionalProperties());
                }
                if (o.getPropertyNameSchema() != null) {
                    stack.push(o.getPropertyNameSchema());
                }
            } else if (x instanceof org.everit.json.schema.ArraySchema a) {
                if (a.getAllItemSchema() != null) {
                    stack.push(a.getAllItemSchema());
                }
                if (a.getItemSchemas() != null) {
                    a.getItemSchemas().forEach(stack::push);
                }
                if (a.getSchemaOfAdditionalItems() != null) {
                    stack.push(a.getSchemaOfAdditionalItems());
                }
                if (a.getContainedItemSchema() != null) {
                    stack.push(a.getContainedItemSchema());
                }
            }
        }
    }
}
