package chuan.profile;

import chuan.source.DataSource;
import chuan.source.DataSources;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Frictionless Table Schema (a mapping with a {@code fields} list) or Data Package (a mapping with a
 * {@code resources} list), JSON or YAML, as chuan dataset profiles: fields become columns, constraints the
 * column rules, {@code primaryKey}/{@code foreignKeys} the dataset's keys, a resource's dialect and encoding
 * how its file is read. What chuan cannot check is said as a warning when the schema loads, never dropped
 * silently; what cannot be read at all (a field type chuan does not know, a pattern RE2 refuses, a path out
 * of the package's folder) is an error at file:line:column, as for chuan's own profiles.
 */
public final class FrictionlessLoader {

    /** The Table Schema field types of v1 and v2. */
    static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "date", "time", "datetime", "year",
            "yearmonth", "duration", "geopoint", "geojson", "object", "array", "any", "list");

    /** One resource of a package: its name, its file (null for inline or remote data) and the profile it is read with. */
    public record Resource(String name, Path file, String path, Profile profile) {
    }

    /** A Data Package: its folder (every resource path lies inside it) and its resources in order. */
    public record DataPackage(String name, Path file, Path dir, List<Resource> resources) {
        public DataPackage {
            resources = List.copyOf(resources);
        }
    }

    private final java.util.function.Consumer<ProfileProblem> warnings;

    /** {@code warnings} hears what the schema asks that chuan does not check, at its file:line:column. */
    public FrictionlessLoader(java.util.function.Consumer<ProfileProblem> warnings) {
        this.warnings = warnings;
    }

    /** Whether a parsed document is a Table Schema or a Data Package rather than a chuan profile. */
    public static boolean recognises(JsonNode root) {
        // a chuan profile always says its kind; a Frictionless "profile" key is a descriptor's own
        return root.isObject() && !root.has("kind") && ((root.has("fields") && root.get("fields").isArray())
                || (root.has("resources") && root.get("resources").isArray()) || resource(root));
    }

    /** A Data Resource descriptor on its own: a file ({@code path}) or inline {@code data}, with a schema or dialect. */
    static boolean resource(JsonNode root) {
        return root.isObject() && (root.has("path") || root.has("data")) && (root.has("schema") || root.has("dialect"))
                && !root.has("fields") && !root.has("resources");
    }

    /** Whether a file is a Data Package descriptor by its name: {@code datapackage.json}/{@code .yaml}, or {@code *.package.json}. */
    public static boolean packageName(Path file) {
        Path n = file.getFileName();
        String name = n == null ? "" : n.toString().toLowerCase(Locale.ROOT);
        return name.equals("datapackage.json") || name.equals("datapackage.yaml") || name.equals("datapackage.yml")
                || name.endsWith(".package.json") || name.endsWith(".package.yaml") || name.endsWith(".package.yml");
    }

    /**
     * The profile a parsed document stands for: a Table Schema's, or the one resource of a package named by
     * {@code resource} (null: the package must have exactly one).
     */
    public Profile profile(LocatedTree tree, Path baseDir, String source, String resource) throws ProfileException {
        List<ProfileProblem> problems = new ArrayList<>();
        Profile p;
        if (tree.root().has("fields")) {
            if (resource != null) {
                throw new ProfileException(tree.problemAt("", "'#" + resource + "' names a resource, but this is a Table Schema, "
                        + "not a Data Package"));
            }
            String id = "frictionless." + slug(baseName(tree.file()));
            p = new Reader(tree, "", baseDir, problems).tableSchema(id, source, null, tree.root(), "", null);
        } else if (resource(tree.root())) {
            if (resource != null) {
                throw new ProfileException(tree.problemAt("", "'#" + resource + "' names a resource, but this is a Data "
                        + "Resource, not a Data Package"));
            }
            DataPackage pkg = read(tree, baseDir, source, problems);
            if (!problems.isEmpty() || pkg.resources().isEmpty()) {
                throw new ProfileException(problems.isEmpty() ? List.of(tree.problemAt("", "this resource has no file to read"))
                        : problems);
            }
            p = pkg.resources().get(0).profile();
        } else {
            DataPackage pkg = read(tree, baseDir, source, problems);
            List<Resource> matches = pkg.resources().stream().filter(r -> resource == null || r.name().equals(resource)).toList();
            if (matches.size() != 1) {
                String names = String.join(", ", pkg.resources().stream().map(Resource::name).toList());
                throw new ProfileException(tree.problemAt("/resources", resource == null
                        ? "this Data Package has " + pkg.resources().size() + " resources (" + names + "): name one as FILE#NAME, "
                                + "or scan the package as a whole with 'chuan scan " + tree.file() + "'"
                        : "no resource named '" + resource + "' in this Data Package (" + names + ")"));
            }
            p = matches.get(0).profile();
        }
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        return p;
    }

    /** Reads a Data Package file (or a Data Resource's): every resource with its schema, dialect and encoding. */
    public DataPackage loadPackage(Path file) throws ProfileException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = chuan.util.SmallFiles.read(file, chuan.util.SmallFiles.PROFILE_LIMIT);
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(name, 0, 0, "cannot read the Data Package: " + e.getMessage()));
        }
        LocatedTree tree = LocatedTree.parse(name, new String(bytes, StandardCharsets.UTF_8));
        if (!tree.root().isObject() || !(tree.root().has("resources") && tree.root().get("resources").isArray()
                || resource(tree.root()))) {
            throw new ProfileException(tree.problemAt("", "a Data Package is a mapping with a 'resources' list"));
        }
        List<ProfileProblem> problems = new ArrayList<>();
        DataPackage pkg = read(tree, file.toAbsolutePath().getParent(), name, problems);
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        return pkg;
    }

    private DataPackage read(LocatedTree tree, Path dir, String source, List<ProfileProblem> problems) {
        JsonNode root = tree.root();
        boolean single = resource(root);
        JsonNode rs = single ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(root) : root.get("resources");
        String prefix = single ? "" : "/resources/";
        String pkgName = single ? null : text(root, "name");
        Reader top = new Reader(tree, "", dir, problems);
        if (!single) {
            top.unsupportedKeys(root, "", Set.of("name", "resources", "title", "description", "version", "licenses", "sources",
                    "contributors", "keywords", "homepage", "image", "created", "id", "profile", "$schema"), "the Data Package");
        }
        // names first: a foreign key names its resource, and the resource's file is what the key is checked against
        Map<String, String> paths = new LinkedHashMap<>();
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String n = r.isObject() ? text(r, "name") : null;
            String path = r.isObject() && r.has("path") && r.get("path").isTextual() ? r.get("path").asText() : null;
            if (n != null && paths.containsKey(n)) {
                problems.add(tree.problemAt(prefix + i + "/name", "two resources are named '" + n + "'"));
            }
            if (n != null) {
                paths.put(n, path);
            }
        }
        List<Resource> out = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            String ptr = single ? "" : prefix + i;
            JsonNode r = rs.get(i);
            if (!r.isObject()) {
                problems.add(tree.problemAt(ptr, "a resource is a mapping"));
                continue;
            }
            String rname = text(r, "name");
            if (rname == null) {
                problems.add(tree.problemAt(ptr, "a resource needs a 'name'"));
                rname = "resource-" + (i + 1);
            }
            Path file = null;
            String path = null;
            if (r.has("path")) {
                JsonNode pn = r.get("path");
                if (!pn.isTextual()) {
                    problems.add(tree.problemAt(ptr + "/path", "a resource split over several files (multipart 'path') is not read "
                            + "by chuan: join the parts into one file"));
                } else {
                    path = pn.asText();
                    file = inside(tree, ptr + "/path", dir, path, problems);
                }
            } else if (r.has("data")) {
                warnings.accept(tree.problemAtKey(ptr + "/data", "resource '" + rname + "' holds its data inline ('data'): chuan "
                        + "audits files, so it is not scanned"));
            } else {
                problems.add(tree.problemAt(ptr, "resource '" + rname + "' has neither a 'path' nor 'data'"));
            }
            Reader rd = new Reader(tree, ptr, dir, problems);
            rd.unsupportedKeys(r, ptr, Set.of("name", "path", "data", "schema", "dialect", "encoding", "format", "mediatype",
                    "title", "description", "profile", "$schema", "type", "scheme", "licenses", "sources", "bytes", "hash",
                    "homepage", "compression", "innerpath", "hashing", "languages"), "resource '" + rname + "'");
            for (String k : List.of("bytes", "hash", "compression")) {
                if (r.has(k)) {
                    warnings.accept(tree.problemAtKey(ptr + "/" + k, "'" + k + "' of resource '" + rname + "' is not checked by chuan"));
                }
            }
            String id = "frictionless." + slug(pkgName != null ? pkgName : baseName(tree.file())) + "." + slug(rname);
            JsonNode schema = r.get("schema");
            Profile p;
            if (schema == null) {
                warnings.accept(tree.problemAt(ptr, "resource '" + rname + "' has no schema: only its structure is checked"));
                p = rd.tableSchema(id, source, r, null, ptr, paths);
            } else if (schema.isTextual()) {
                p = external(tree, ptr, dir, schema.asText(), id, source, r, paths, problems);
            } else {
                p = rd.tableSchema(id, source, r, schema, ptr + "/schema", paths);
            }
            if (p != null) {
                out.add(new Resource(rname, file, path, p));
            }
        }
        return new DataPackage(pkgName, Path.of(tree.file()), dir, out);
    }

    /** A schema kept in its own file beside the package ({@code "schema": "schema.json"}): read with its own positions. */
    private Profile external(LocatedTree tree, String ptr, Path dir, String ref, String id, String source, JsonNode resource,
                             Map<String, String> paths, List<ProfileProblem> problems) {
        Path f = inside(tree, ptr + "/schema", dir, ref, problems, true);
        if (f == null) {
            return null;
        }
        LocatedTree st;
        try {
            st = LocatedTree.parse(f.toString(), new String(chuan.util.SmallFiles.read(f, chuan.util.SmallFiles.PROFILE_LIMIT),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(tree.problemAt(ptr + "/schema", "cannot read the schema " + ref + ": " + e.getMessage()));
            return null;
        } catch (ProfileException e) {
            problems.addAll(e.problems());
            return null;
        }
        if (!st.root().isObject() || !st.root().has("fields")) {
            problems.add(st.problemAt("", "a Table Schema is a mapping with a 'fields' list"));
            return null;
        }
        // the resource's own keys (dialect, encoding) stay in the package; the fields are read from the schema file
        return new Reader(tree, ptr, dir, problems).withSchemaTree(st).tableSchema(id, source, resource, st.root(), "", paths);
    }

    /** A path named by a descriptor: relative, inside the package's folder, never a URL. */
    private static Path inside(LocatedTree tree, String ptr, Path dir, String path, List<ProfileProblem> problems) {
        return inside(tree, ptr, dir, path, problems, false);
    }

    /**
     * As {@link #inside(LocatedTree, String, Path, String, List)}; {@code read} for a file the loader reads itself (a
     * schema or dialect), whose links must stay inside too. A resource's file is checked when the scan is planned.
     */
    private static Path inside(LocatedTree tree, String ptr, Path dir, String path, List<ProfileProblem> problems, boolean read) {
        if (path.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            problems.add(tree.problemAt(ptr, "'" + path + "' is remote: chuan audits offline, so download it beside the package"));
            return null;
        }
        if (dir == null) {
            problems.add(tree.problemAt(ptr, "a built-in profile cannot name a file"));
            return null;
        }
        Path p;
        Path resolved;
        try {
            p = Path.of(path);
            resolved = dir.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(tree.problemAt(ptr, "'" + path.replace("\0", "\\0") + "' is not a path: " + e.getReason()));
            return null;
        }
        if (p.isAbsolute() || !resolved.startsWith(dir.normalize())) {
            problems.add(tree.problemAt(ptr, "'" + path + "' is outside the package's folder: a resource path is relative to it "
                    + "and stays inside it"));
            return null;
        }
        try {
            if (read && Files.exists(resolved) && !resolved.toRealPath().startsWith(dir.toRealPath())) {
                problems.add(tree.problemAt(ptr, "'" + path + "' links outside the package's folder"));
                return null;
            }
        } catch (IOException e) {
            // unreadable: reading it says why
        }
        return resolved;
    }

    /** Reads one resource's (or a bare Table Schema's) fields, keys, dialect and encoding into a profile. */
    private final class Reader {
        private LocatedTree tree;            // where the fields are written
        private final LocatedTree resourceTree;
        private final String resourcePtr;
        private final Path dir;
        private final List<ProfileProblem> problems;

        Reader(LocatedTree tree, String resourcePtr, Path dir, List<ProfileProblem> problems) {
            this.tree = tree;
            this.resourceTree = tree;
            this.resourcePtr = resourcePtr;
            this.dir = dir;
            this.problems = problems;
        }

        Reader withSchemaTree(LocatedTree schemaTree) {
            this.tree = schemaTree;
            return this;
        }

        private void warn(LocatedTree t, String ptr, String message) {
            warnings.accept(t.problemAtKey(ptr, message));
        }

        void unsupportedKeys(JsonNode node, String ptr, Set<String> known, String what) {
            for (var it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    warnings.accept(resourceTree.problemAtKey(ptr + "/" + k, "'" + k + "' of " + what
                            + " is not a Frictionless key chuan reads; ignored"));
                }
            }
        }

        Profile tableSchema(String id, String source, JsonNode resource, JsonNode schema, String sptr, Map<String, String> paths) {
            // the resource: format, encoding, dialect
            DataSource format = null;
            String encoding = "UTF-8";
            String title = null;
            char delimiter = ',';
            char quote = '"';
            boolean header = true;
            int skip = 0;
            int headerRows = 1;
            String headerJoin = " ";
            boolean caseSensitive = true;
            String comment = null;
            String sheet = null;
            List<String> nullSequences = new ArrayList<>();
            if (resource != null) {
                title = text(resource, "title");
                format = format(resource);
                if (resource.has("encoding")) {
                    encoding = encoding(text(resource, "encoding"), resourcePtr + "/encoding");
                }
                JsonNode d = resource.get("dialect");
                LocatedTree dt = resourceTree;
                String dptr = resourcePtr + "/dialect";
                if (d != null && d.isTextual()) {
                    Path f = inside(resourceTree, dptr, dir, d.asText(), problems, true);
                    d = null;
                    if (f != null) {
                        try {
                            dt = LocatedTree.parse(f.toString(), new String(chuan.util.SmallFiles.read(f,
                                    chuan.util.SmallFiles.PROFILE_LIMIT), StandardCharsets.UTF_8));
                            d = dt.root();
                            dptr = "";
                        } catch (IOException e) {
                            problems.add(resourceTree.problemAt(dptr, "cannot read the dialect: " + e.getMessage()));
                        } catch (ProfileException e) {
                            problems.addAll(e.problems());
                        }
                    }
                }
                if (d != null && d.isObject()) {
                    DataSource fmt = format;
                    // frictionless-py 5 nests the CSV options under "csv"; v1 and v2 write them at the top
                    JsonNode csv = d.has("csv") && d.get("csv").isObject() ? d.get("csv") : d;
                    String cptr = csv == d ? dptr : dptr + "/csv";
                    char defaultDelimiter = fmt != null && fmt.shape() == DataSource.Shape.DELIMITED ? fmt.delimiter() : ',';
                    delimiter = csv.has("delimiter") ? oneChar(dt, cptr + "/delimiter", csv.get("delimiter").asText(), defaultDelimiter)
                            : defaultDelimiter;
                    quote = csv.has("quoteChar") ? oneChar(dt, cptr + "/quoteChar", csv.get("quoteChar").asText(), '"') : '"';
                    if (delimiter == quote) {
                        problems.add(dt.problemAt(cptr + "/quoteChar", "the delimiter and the quote must differ"));
                    }
                    if (csv.has("doubleQuote") && !csv.get("doubleQuote").asBoolean()) {
                        warn(dt, cptr + "/doubleQuote", "doubleQuote false: chuan reads a quote inside a quoted field only doubled "
                                + "(RFC 4180); other quotes are DATA-QUOTE");
                    }
                    if (csv.has("escapeChar")) {
                        warn(dt, cptr + "/escapeChar", "escapeChar is not read: a backslash-escaped quote is DATA-QUOTE");
                    }
                    if (csv.has("skipInitialSpace") && csv.get("skipInitialSpace").asBoolean()) {
                        warn(dt, cptr + "/skipInitialSpace", "skipInitialSpace is not read: spaces after a delimiter stay in the value "
                                + "(numbers may still have spaces around them)");
                    }
                    if (csv.has("lineTerminator")) {
                        warn(dt, cptr + "/lineTerminator", "lineTerminator is not enforced: every line ending is read, and only a mix "
                                + "of them is reported (DATA-LINE-ENDINGS, info)");
                    }
                    if (csv.has("nullSequence")) {
                        nullSequences.add(csv.get("nullSequence").asText());
                    }
                    if (d.has("header")) {
                        header = d.get("header").asBoolean();
                    }
                    if (d.has("headerRows")) {
                        JsonNode hr = d.get("headerRows");
                        List<Integer> rows = new ArrayList<>();
                        hr.forEach(x -> rows.add(x.asInt()));
                        boolean contiguous = !rows.isEmpty() && rows.get(0) >= 1;
                        for (int i = 1; i < rows.size(); i++) {
                            contiguous &= rows.get(i) == rows.get(i - 1) + 1;
                        }
                        if (!contiguous) {
                            problems.add(dt.problemAt(dptr + "/headerRows", "header rows must be consecutive row numbers from 1 up "
                                    + "([1], [2, 3]): chuan reads the data after the last one"));
                        } else {
                            skip = rows.get(0) - 1;
                            headerRows = rows.size();
                        }
                    }
                    if (d.has("headerJoin")) {
                        headerJoin = d.get("headerJoin").asText();
                    }
                    if (d.has("headerCase")) {
                        caseSensitive = d.get("headerCase").asBoolean();
                    } else if (d.has("caseSensitiveHeader")) {
                        caseSensitive = d.get("caseSensitiveHeader").asBoolean();
                    }
                    if (d.has("commentChar")) {
                        comment = d.get("commentChar").asText();
                    }
                    if (d.has("commentRows")) {
                        warn(dt, dptr + "/commentRows", "commentRows is not read: rows are skipped before the header "
                                + "(headerRows) or by a prefix (commentChar), not by number; these rows are checked as data");
                    }
                    if (d.has("skipBlankRows") && d.get("skipBlankRows").asBoolean()) {
                        warn(dt, dptr + "/skipBlankRows", "skipBlankRows is not read: blank rows are reported (DATA-BLANK-ROW)");
                    }
                    if (d.has("sheetName")) {
                        sheet = d.get("sheetName").asText();
                    } else if (d.has("sheetNumber")) {
                        sheet = d.get("sheetNumber").asText();
                    } else if (d.has("excel") && d.get("excel").has("sheet")) {
                        sheet = d.get("excel").get("sheet").asText();
                    }
                    Set<String> known = Set.of("delimiter", "quoteChar", "doubleQuote", "escapeChar", "skipInitialSpace",
                            "lineTerminator", "nullSequence", "header", "headerRows", "headerJoin", "headerCase",
                            "caseSensitiveHeader", "commentChar", "commentRows", "skipBlankRows", "sheetName", "sheetNumber", "csv",
                            "excel", "csvddfVersion", "$schema", "profile", "title", "description", "name");
                    for (var it = d.fieldNames(); it.hasNext(); ) {
                        String k = it.next();
                        if (!known.contains(k)) {
                            warn(dt, dptr + "/" + k, "dialect key '" + k + "' is not read by chuan; ignored");
                        }
                    }
                }
            }
            // the schema: fields, missing values, keys
            List<ColumnSpec> columns = new ArrayList<>();
            List<String> primaryKey = List.of();
            List<ForeignKeySpec> foreignKeys = new ArrayList<>();
            if (schema != null) {
                if (title == null) {
                    title = text(schema, "title");
                }
                List<String> missing = new ArrayList<>(schema.has("missingValues") ? missingValues(schema.get("missingValues"))
                        : List.of(""));
                missing.addAll(nullSequences);
                JsonNode fs = schema.get("fields");
                Set<String> seen = new HashSet<>();
                for (int i = 0; fs != null && i < fs.size(); i++) {
                    ColumnSpec c = field(fs.get(i), sptr + "/fields/" + i, missing);
                    if (c != null) {
                        if (!seen.add(caseSensitive ? c.name() : c.name().toLowerCase(Locale.ROOT))) {
                            problems.add(tree.problemAt(sptr + "/fields/" + i + "/name", "two fields are named '" + c.name() + "'"));
                        }
                        columns.add(c);
                    }
                }
                primaryKey = fieldList(schema.get("primaryKey"), sptr + "/primaryKey", columns);
                JsonNode fks = schema.get("foreignKeys");
                for (int i = 0; fks != null && i < fks.size(); i++) {
                    ForeignKeySpec fk = foreignKey(fks.get(i), sptr + "/foreignKeys/" + i, columns, paths);
                    if (fk != null) {
                        foreignKeys.add(fk);
                    }
                }
                for (String k : List.of("fieldsMatch")) {
                    if (schema.has(k) && !List.of("exact", "equal").contains(schema.get(k).asText())) {
                        warn(tree, sptr + "/" + k, "fieldsMatch '" + schema.get(k).asText() + "' is not read: header names are "
                                + "matched to fields by name; undescribed columns are DATA-HEADER-EXTRA-COLUMN, missing required "
                                + "ones DATA-HEADER-MISSING-COLUMN");
                    }
                }
                if (schema.has("uniqueKeys")) {
                    warn(tree, sptr + "/uniqueKeys", "uniqueKeys are not checked: only single columns ('unique') and the primaryKey");
                }
            } else if (!nullSequences.isEmpty()) {
                warn(resourceTree, resourcePtr + "/dialect", "nullSequence applies to a schema's fields, and this resource has none");
            }
            if (title == null) {
                title = "Frictionless " + (resource != null ? "resource " + text(resource, "name") : "Table Schema "
                        + baseName(tree.file()));
            }
            DatasetSpec ds = new DatasetSpec(format, encoding, header, delimiter, quote, true, null, columns, List.of(), false,
                    new CsvDialect(skip, comment, headerRows, headerJoin, caseSensitive, null), sheet, primaryKey, foreignKeys,
                    List.of());
            List<String> appliesTo = List.of();
            if (resource != null && resource.has("path") && resource.get("path").isTextual()) {
                try {
                    appliesTo = List.of(globLiteral(Path.of(resource.get("path").asText()).normalize().toString().replace('\\', '/')));
                } catch (java.nio.file.InvalidPathException e) {
                    appliesTo = List.of(); // refused where the path is read
                }
            }
            return new Profile(id, "1", title, text(schema == null ? resource : schema, "description"), Profile.Kind.DATASET,
                    appliesTo, Map.of(), ds, null, source);
        }

        private DataSource format(JsonNode r) {
            String f = text(r, "format");
            if (f == null && text(r, "mediatype") != null) {
                String m = text(r, "mediatype").toLowerCase(Locale.ROOT);
                f = m.contains("tab-separated") ? "tsv" : m.contains("csv") ? "csv" : m.contains("ndjson") ? "ndjson"
                        : m.contains("json") ? "json" : null;
            }
            if (f == null) {
                return null; // from the path's extension
            }
            String label = f.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
            if (label.equals("jsonl")) {
                label = "ndjson";
            }
            java.util.Optional<DataSource> s = DataSources.builtIn().byLabel(label);
            if (s.isEmpty()) {
                problems.add(resourceTree.problemAt(resourcePtr + "/format", "format '" + f + "' is not one chuan reads ("
                        + String.join(", ", DataSources.builtIn().labels()) + ")"));
                return null;
            }
            return s.get();
        }

        private String encoding(String e, String ptr) {
            if (e.equalsIgnoreCase("utf-8") || e.equalsIgnoreCase("utf8") || e.equalsIgnoreCase("utf-8-sig")) {
                return "UTF-8";
            }
            if (chuan.standard.Encodings.utf16(e) != null) {
                return chuan.standard.Encodings.utf16(e);
            }
            java.util.Optional<chuan.standard.LegacyEncoding> legacy =
                    chuan.standard.Encodings.byName(e, chuan.standard.ReferenceData.builtIn());
            if (legacy.isEmpty()) {
                problems.add(resourceTree.problemAt(ptr, "unknown encoding '" + e + "' (UTF-8, UTF-16, or one of "
                        + String.join(", ", chuan.standard.Encodings.all(chuan.standard.ReferenceData.builtIn()).stream()
                                .map(chuan.standard.LegacyEncoding::name).toList()) + ")"));
                return "UTF-8";
            }
            return legacy.get().name();
        }

        private char oneChar(LocatedTree t, String ptr, String v, char fallback) {
            if (v.length() != 1 || v.charAt(0) >= 0x80 || v.charAt(0) == '\n' || v.charAt(0) == '\r' || v.charAt(0) == 0) {
                problems.add(t.problemAt(ptr, "must be one ASCII character other than a line end, not '"
                        + v.replace("\n", "\\n").replace("\r", "\\r") + "'"));
                return fallback;
            }
            return v.charAt(0);
        }

        /** A {@code missingValues} list: strings (v1) or {@code {value, label}} objects (v2). */
        private List<String> missingValues(JsonNode n) {
            List<String> out = new ArrayList<>();
            for (JsonNode v : n) {
                out.add(v.isObject() && v.has("value") ? v.get("value").asText() : v.asText());
            }
            return out;
        }

        private ColumnSpec field(JsonNode f, String ptr, List<String> schemaMissing) {
            if (!f.isObject() || !f.has("name") || !f.get("name").isTextual() || f.get("name").asText().isEmpty()) {
                problems.add(tree.problemAt(ptr, "a field needs a 'name'"));
                return null;
            }
            String name = f.get("name").asText();
            String ftype = f.has("type") ? f.get("type").asText() : "any";
            if (!TYPES.contains(ftype)) {
                problems.add(tree.problemAt(ptr + "/type", "unknown Table Schema type '" + ftype + "' (" + String.join(", ",
                        new java.util.TreeSet<>(TYPES)) + ")"));
                ftype = "any"; // read on, so that keys naming the field are not reported as well
            }
            String fmt = text(f, "format");
            if (fmt != null && fmt.startsWith("fmt:")) {
                fmt = fmt.substring(4); // the v1.0 pre-release prefix, still read by frictionless
            }
            JsonNode cs = f.has("constraints") && f.get("constraints").isObject() ? f.get("constraints") : null;
            String cptr = ptr + "/constraints";
            ColumnType type = ColumnType.STRING;
            String layout = null;
            String pattern = null;
            String patternWhy = null;   // what a type made into a pattern means, for the warning when a constraint replaces it
            switch (ftype) {
                case "string" -> {
                    if (fmt != null && !fmt.equals("default")) {
                        switch (fmt) {
                            case "email" -> type = ColumnType.EMAIL;
                            case "uri" -> {
                                type = ColumnType.URL;
                                warn(tree, ptr + "/format", "format uri is checked as chuan's url: http, https and ftp addresses only");
                            }
                            case "uuid" -> {
                                pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
                                patternWhy = "format uuid";
                            }
                            case "binary" -> {
                                pattern = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";
                                patternWhy = "format binary (base64)";
                            }
                            default -> warn(tree, ptr + "/format", "string format '" + fmt + "' is not checked");
                        }
                    }
                }
                case "number" -> type = ColumnType.NUMBER;
                case "integer" -> type = ColumnType.INTEGER;
                case "boolean" -> type = ColumnType.BOOLEAN;
                case "duration" -> type = ColumnType.DURATION;
                case "date", "time", "datetime" -> {
                    type = ftype.equals("date") ? ColumnType.DATE : ftype.equals("time") ? ColumnType.TIME : ColumnType.DATETIME;
                    if (fmt != null && fmt.equals("any")) {
                        warn(tree, ptr + "/format", "format 'any' (any date form a person might write) is not checked: the "
                                + "column is read as text");
                        type = ColumnType.STRING;
                    } else if (fmt != null && !fmt.equals("default")) {
                        StringBuilder err = new StringBuilder();
                        layout = strftime(fmt, err);
                        if (layout == null) {
                            problems.add(tree.problemAt(ptr + "/format", err.toString()));
                        } else {
                            if (err.length() > 0) {
                                warn(tree, ptr + "/format", err.toString());
                            }
                            StringBuilder e2 = new StringBuilder();
                            TemporalFormat tf = TemporalFormat.compile(layout, e2);
                            String wrong = tf == null ? e2.toString() : tf.fitsType(type);
                            if (wrong != null) {
                                problems.add(tree.problemAt(ptr + "/format", "format '" + fmt + "' (" + layout + "): " + wrong));
                                layout = null;
                            }
                        }
                    }
                }
                case "year" -> {
                    type = ColumnType.INTEGER;
                    pattern = "^[0-9]{4}$";
                    patternWhy = "type year";
                    warn(tree, ptr + "/type", "type year is read as an integer of four digits: a value of another length is "
                            + "DATA-PATTERN, not DATA-TYPE");
                }
                case "yearmonth" -> {
                    pattern = "^[0-9]{4}-(?:0?[1-9]|1[0-2])$";
                    patternWhy = "type yearmonth";
                    warn(tree, ptr + "/type", "type yearmonth is read as text of the form YYYY-MM: a value of another form is "
                            + "DATA-PATTERN, not DATA-TYPE");
                }
                case "geopoint" -> {
                    if (fmt == null || fmt.equals("default")) {
                        pattern = "^\\s*[-+]?[0-9]+(?:\\.[0-9]+)?\\s*,\\s*[-+]?[0-9]+(?:\\.[0-9]+)?\\s*$";
                        patternWhy = "type geopoint";
                        warn(tree, ptr + "/type", "type geopoint is read as text of the form 'lon, lat' (DATA-PATTERN); the "
                                + "ranges of longitude and latitude are not checked");
                    } else {
                        warn(tree, ptr + "/type", "type geopoint in format '" + fmt + "' is not checked: the column is read as text");
                    }
                }
                case "any" -> {
                    // any value is valid, as in frictionless: nothing to check, nothing to warn of
                }
                default -> warn(tree, ptr + "/type", "type " + ftype + " is not checked: the column is read as text (its JSON "
                        + "is not parsed)");
            }
            boolean required = false;
            boolean unique = false;
            List<String> enumValues = null;
            String min = null;
            String max = null;
            String exMin = null;
            String exMax = null;
            Integer minLength = null;
            Integer maxLength = null;
            if (cs != null) {
                for (var it = cs.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    JsonNode v = cs.get(k);
                    String at = cptr + "/" + k;
                    switch (k) {
                        case "required" -> required = v.asBoolean();
                        case "unique" -> unique = v.asBoolean();
                        case "pattern" -> {
                            String p = "^(?:" + v.asText() + ")$";
                            try {
                                chuan.util.SafeRegex.compile(p);
                                if (pattern != null) {
                                    warn(tree, at, "the pattern replaces the check of " + patternWhy + ": chuan checks one pattern "
                                            + "per column");
                                }
                                pattern = p;
                            } catch (PatternSyntaxException e) {
                                problems.add(tree.problemAt(at, "pattern does not compile: " + e.getDescription()
                                        + " (RE2 syntax: no back-references or look-around)"));
                            }
                        }
                        case "enum" -> {
                            enumValues = new ArrayList<>();
                            for (JsonNode x : v) {
                                enumValues.add(x.asText());
                            }
                            if (type != ColumnType.STRING && type != ColumnType.EMAIL && type != ColumnType.URL) {
                                warn(tree, at, "enum values are compared as written, not as " + ftype + " values (frictionless "
                                        + "compares the values read: 1.0 = 1)");
                            }
                        }
                        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
                            String b = bound(v, at, type, layout, ftype);
                            switch (k) {
                                case "minimum" -> min = b;
                                case "maximum" -> max = b;
                                case "exclusiveMinimum" -> exMin = b;
                                default -> exMax = b;
                            }
                        }
                        case "minLength", "maxLength" -> {
                            if (!v.canConvertToInt() || v.asInt() < 0) {
                                problems.add(tree.problemAt(at, k + " must be a whole number"));
                            } else if (k.equals("minLength")) {
                                minLength = v.asInt();
                            } else {
                                maxLength = v.asInt();
                            }
                        }
                        case "jsonSchema" -> warn(tree, at, "the jsonSchema constraint is not checked");
                        default -> warn(tree, at, "constraint '" + k + "' is not one chuan reads; ignored");
                    }
                }
            }
            if (minLength != null && maxLength != null && minLength > maxLength) {
                problems.add(tree.problemAt(cptr + "/minLength", "minLength is greater than maxLength"));
            }
            new BoundCheck(tree, problems, cptr, type).consistent(min, max, exMin, exMax);
            // value syntax
            List<String> missing = f.has("missingValues") ? missingValues(f.get("missingValues")) : schemaMissing;
            ValueSyntax d = ValueSyntax.DEFAULT;
            char decimal = d.decimalChar();
            char group = d.groupChar();
            boolean bare = true;
            if (type.numeric()) {
                if (f.has("decimalChar")) {
                    decimal = oneChar(tree, ptr + "/decimalChar", f.get("decimalChar").asText(), '.');
                }
                if (f.has("groupChar")) {
                    group = oneChar(tree, ptr + "/groupChar", f.get("groupChar").asText(), '\0');
                }
                if (decimal == group) {
                    problems.add(tree.problemAt(ptr + "/groupChar", "the group separator must differ from the decimal separator"));
                }
                bare = !f.has("bareNumber") || f.get("bareNumber").asBoolean();
            }
            List<String> trueValues = d.trueValues();
            List<String> falseValues = d.falseValues();
            if (type == ColumnType.BOOLEAN) {
                if (f.has("trueValues")) {
                    trueValues = new ArrayList<>();
                    for (JsonNode x : f.get("trueValues")) {
                        trueValues.add(x.asText());
                    }
                }
                if (f.has("falseValues")) {
                    falseValues = new ArrayList<>();
                    for (JsonNode x : f.get("falseValues")) {
                        falseValues.add(x.asText());
                    }
                }
                for (String t : trueValues) {
                    if (falseValues.contains(t)) {
                        problems.add(tree.problemAt(ptr + "/trueValues", "'" + t + "' is both a true and a false value"));
                    }
                }
            }
            Set<String> known = Set.of("name", "type", "format", "constraints", "title", "description", "example", "rdfType",
                    "missingValues", "decimalChar", "groupChar", "bareNumber", "trueValues", "falseValues", "$schema",
                    "categories", "categoriesOrdered", "arrayItem", "delimiter", "itemType", "floatNumber");
            for (var it = f.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!known.contains(k)) {
                    warn(tree, ptr + "/" + k, "field key '" + k + "' is not a Table Schema key chuan reads; ignored");
                } else if (List.of("categories", "categoriesOrdered", "arrayItem", "delimiter", "itemType", "floatNumber").contains(k)) {
                    warn(tree, ptr + "/" + k, "'" + k + "' is not checked");
                }
            }
            ValueSyntax syntax = new ValueSyntax(decimal, group, bare, trueValues, falseValues, missing, null, ValueSyntax.PIVOT);
            return new ColumnSpec(name, List.of(), type, layout, required, unique, pattern, enumValues, min, max, minLength,
                    maxLength, false, type == ColumnType.EMAIL, null, null, null, exMin, exMax, null, null, syntax);
        }

        /** A bound as chuan writes it (a number, an ISO date, date-time or time), read in the field's own format when needed. */
        private String bound(JsonNode v, String at, ColumnType type, String layout, String ftype) {
            String s = v.asText();
            if (type.numeric()) {
                try {
                    return new BigDecimal(s.strip()).toString(); // 1E+999999999 stays short
                } catch (NumberFormatException e) {
                    problems.add(tree.problemAt(at, "a bound of " + (ftype.startsWith("i") ? "an " : "a ") + ftype + " field must be a number, not '" + s + "'"));
                    return null;
                }
            }
            if (type.temporal()) {
                boolean iso = switch (type) {
                    case DATE -> Temporal.isoDate(s) != Temporal.INVALID;
                    case TIME -> Temporal.isoTime(s) != Temporal.INVALID;
                    default -> Temporal.isoDateTime(s) != Temporal.INVALID || Temporal.isoDate(s) != Temporal.INVALID;
                };
                if (iso) {
                    return s;
                }
                if (layout != null) {
                    TemporalFormat tf = TemporalFormat.compile(layout, new StringBuilder());
                    long x = tf == null ? Temporal.INVALID : tf.parse(s);
                    if (x != Temporal.INVALID) {
                        return switch (type) {
                            case DATE -> LocalDate.ofEpochDay(x).toString();
                            case TIME -> LocalTime.ofSecondOfDay(x).toString();
                            default -> Instant.ofEpochSecond(x).toString();
                        };
                    }
                }
                problems.add(tree.problemAt(at, "'" + s + "' is not a " + ftype + (layout != null ? " in the field's format" : "")));
                return null;
            }
            warn(tree, at, "a bound on a " + ftype + " field is not checked");
            return null;
        }

        private List<String> fieldList(JsonNode n, String ptr, List<ColumnSpec> columns) {
            if (n == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (n.isTextual()) {
                out.add(n.asText());
            } else {
                n.forEach(x -> out.add(x.asText()));
            }
            for (String name : out) {
                if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                    problems.add(tree.problemAt(ptr, "no field named '" + name + "' in this schema"));
                }
            }
            return out;
        }

        private ForeignKeySpec foreignKey(JsonNode fk, String ptr, List<ColumnSpec> columns, Map<String, String> paths) {
            List<String> local = fieldList(fk.get("fields"), ptr + "/fields", columns);
            JsonNode ref = fk.get("reference");
            if (ref == null || !ref.isObject()) {
                problems.add(tree.problemAt(ptr, "a foreign key needs a 'reference'"));
                return null;
            }
            List<String> remote = new ArrayList<>();
            JsonNode rf = ref.get("fields");
            if (rf != null && rf.isTextual()) {
                remote.add(rf.asText());
            } else if (rf != null) {
                rf.forEach(x -> remote.add(x.asText()));
            }
            if (local.isEmpty() || remote.size() != local.size()) {
                problems.add(tree.problemAt(ptr + "/reference/fields", "the reference names " + remote.size() + " field(s) for "
                        + local.size() + " in the key"));
                return null;
            }
            if (ref.has("package") || ref.has("datapackage")) {
                warn(tree, ptr + "/reference", "a reference into another Data Package is not checked: chuan checks references "
                        + "within one package");
                return null;
            }
            String resource = ref.has("resource") ? ref.get("resource").asText() : "";
            if (resource.isEmpty()) {
                fieldList(rf, ptr + "/reference/fields", columns);
                return new ForeignKeySpec(local, new ForeignKeySpec.InDataset("", remote, true), null);
            }
            String dataset = resource;
            if (paths != null) {
                if (!paths.containsKey(resource)) {
                    problems.add(tree.problemAt(ptr + "/reference/resource", "no resource named '" + resource + "' in this Data Package"));
                    return null;
                }
                if (paths.get(resource) == null) {
                    problems.add(tree.problemAt(ptr + "/reference/resource", "resource '" + resource + "' has no file ('path') to "
                            + "check the key against"));
                    return null;
                }
                dataset = paths.get(resource);
            }
            // resolved against the package's folder, as a profile's reference is against the profile's
            return new ForeignKeySpec(local, new ForeignKeySpec.InDataset(dir == null ? dataset
                    : ReferencedDatasets.resolve(dataset, dir).toString(), remote, false), null);
        }
    }

    /**
     * A Python strftime layout ({@code %d/%m/%Y}) as chuan's date layout ({@code d/M/yyyy}); null with the reason in
     * {@code err} for a directive chuan cannot read; a layout with a note in {@code err} when it reads a little
     * differently from Python.
     */
    public static String strftime(String f, StringBuilder err) {
        StringBuilder out = new StringBuilder();
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '%' && i + 1 < f.length()) {
                char d = f.charAt(++i);
                switch (d) {
                    case 'Y' -> out.append("yyyy");
                    case 'y' -> out.append("yy");
                    case 'm' -> out.append('M');   // Python reads one or two digits
                    case 'd' -> out.append('d');
                    case 'H' -> out.append('H');
                    case 'M' -> out.append("mm");
                    case 'S' -> out.append("ss");
                    case 'f' -> {
                        out.append("SSSSSS");
                        note.append("%f is read as exactly six fraction digits (Python takes one to six)");
                    }
                    case 'z' -> {
                        out.append("[XXX][XX]");
                        note.append("%z is read as Z, +HHMM or +HH:MM, and a value without an offset is accepted too "
                                + "(Python refuses it)");
                    }
                    case 'T' -> out.append("HH:mm:ss");
                    case 'F' -> out.append("yyyy-MM-dd");
                    case '%' -> out.append('%');
                    default -> {
                        err.append("strftime directive %").append(d).append(" in '").append(f).append("' is not read by chuan "
                                + "(it reads %Y %y %m %d %H %M %S %f %z %F %T)");
                        return null;
                    }
                }
            } else if (Character.isLetter(c) || c == '[' || c == ']') {
                out.append('\'').append(c).append('\'');
            } else if (c == '\'') {
                out.append("''");
            } else {
                out.append(c);
            }
        }
        err.append(note);
        return out.toString();
    }

    private static String text(JsonNode n, String key) {
        return n != null && n.has(key) && !n.get(key).isNull() ? n.get(key).asText() : null;
    }

    private static String baseName(String file) {
        String n = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** A path as a glob that matches just that path: its glob characters escaped. */
    static String globLiteral(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if ("*?[]{}\\,".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** An id part: lower case letters, digits, '.', '_' and '-'. */
    static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return t.isEmpty() ? "schema" : t;
    }
}
