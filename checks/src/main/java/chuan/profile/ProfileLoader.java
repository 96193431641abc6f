package chuan.profile;

import chuan.profile.Temporal;
import chuan.profile.TemporalFormat;
import chuan.model.Severity;
import chuan.rules.RuleCatalog;
import chuan.source.DataSource;
import chuan.source.DataSources;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a profile: YAML syntax, then the profile JSON Schema, then meaning (patterns compile,
 * bounds fit the type, rule ids exist). Every problem names file:line:column.
 */
public final class ProfileLoader {

    private final RuleCatalog catalog;

    public ProfileLoader(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** Hears what a loaded schema asks that chuan does not check (a Frictionless Table Schema's unsupported keys). */
    private volatile java.util.function.Consumer<ProfileProblem> warnings = w -> { };

    /** Where warnings go when a profile loads (by default nowhere); errors are still thrown. */
    public void warnings(java.util.function.Consumer<ProfileProblem> sink) {
        this.warnings = sink;
    }

    /**
     * Loads one resource of a Frictionless Data Package as a profile ({@code FILE#NAME}); {@code resource} null
     * for a Table Schema, a chuan profile, or a package of one resource.
     */
    public Profile load(Path file, String resource) throws ProfileException {
        if (resource == null) {
            return load(file);
        }
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = chuan.util.SmallFiles.read(file, chuan.util.SmallFiles.PROFILE_LIMIT);
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(name, 0, 0, "cannot read the profile: " + e.getMessage()));
        }
        LocatedTree tree = LocatedTree.parse(name, decode(name, bytes));
        if (!FrictionlessLoader.recognises(tree.root()) || !tree.root().has("resources")) {
            throw new ProfileException(tree.problemAt("", "'#" + resource + "' names a resource of a Data Package, and this "
                    + "file is not one"));
        }
        return new FrictionlessLoader(warnings).profile(tree, file.toAbsolutePath().getParent(), name, resource);
    }

    /** Reads a Frictionless Data Package file with its resources' schemas (warnings go where {@link #warnings} says). */
    public FrictionlessLoader.DataPackage loadPackage(Path file) throws ProfileException {
        return new FrictionlessLoader(warnings).loadPackage(file);
    }

    /** Loads a profile file from disk. */
    public Profile load(Path file) throws ProfileException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = chuan.util.SmallFiles.read(file, chuan.util.SmallFiles.PROFILE_LIMIT);
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(name, 0, 0, "cannot read the profile: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())));
        }
        return parse(name, decode(name, bytes), file.toAbsolutePath().getParent(), name);
    }

    /** Loads a built-in profile from the classpath. */
    public Profile loadResource(String resource) throws ProfileException {
        try (InputStream in = chuan.util.ClasspathIndex.open(resource)) {
            return parse(resource, decode(resource, in.readAllBytes()), null, "builtin:" + resource);
        } catch (IOException e) {
            throw new ProfileException(new ProfileProblem(resource, 0, 0, "cannot read: " + e.getMessage()));
        }
    }

    private static String decode(String name, byte[] bytes) throws ProfileException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProfileException(new ProfileProblem(name, 0, 0, "a profile must be UTF-8 text"));
        }
    }

    /** Parses profile text; {@code baseDir} resolves relative paths such as {@code json-schema}. */
    public Profile parse(String fileName, String text, Path baseDir, String source) throws ProfileException {
        LocatedTree tree = LocatedTree.parse(fileName, text);
        if (!tree.root().isObject()) {
            throw new ProfileException(tree.problemAt("", "a profile must be a YAML mapping (key: value)"));
        }
        if (FrictionlessLoader.recognises(tree.root())) {
            return new FrictionlessLoader(warnings).profile(tree, baseDir, source, null);
        }
        List<ProfileProblem> problems = new ArrayList<>(ProfileSchema.validate(tree));
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        Profile p = new Builder(tree, baseDir, source, catalog, problems).build();
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        return p;
    }

    /** Turns a schema-valid tree into the model, collecting problems of meaning. */
    private static final class Builder {
        private final LocatedTree tree;
        private final Path baseDir;
        private final String source;
        private final RuleCatalog catalog;
        private final List<ProfileProblem> problems;

        Builder(LocatedTree tree, Path baseDir, String source, RuleCatalog catalog, List<ProfileProblem> problems) {
            this.tree = tree;
            this.baseDir = baseDir;
            this.source = source;
            this.catalog = catalog;
            this.problems = problems;
        }

        Profile build() {
            JsonNode r = tree.root();
            Profile.Kind kind = Profile.Kind.valueOf(r.get("kind").asText().toUpperCase(Locale.ROOT));
            DatasetSpec dataset = null;
            if (kind == Profile.Kind.DATASET) {
                if (!r.has("dataset")) {
                    problems.add(tree.problemAtKey("/kind", "a dataset profile needs a 'dataset' section"));
                } else {
                    dataset = dataset(r.get("dataset"));
                }
            } else if (r.has("dataset")) {
                problems.add(tree.problemAtKey("/dataset", "'dataset' belongs to profiles of kind dataset"));
            }
            JsonNode globs = r.get("applies-to");
            for (int i = 0; globs != null && i < globs.size(); i++) {
                try {
                    chuan.util.Glob.compile(globs.get(i).asText(), chuan.util.Glob.Syntax.PATH);
                } catch (chuan.util.Glob.Invalid e) {
                    problems.add(tree.problemAt("/applies-to/" + i, e.getMessage()));
                }
            }
            ConfigSpec config = null;
            if (kind == Profile.Kind.CONFIG && r.has("applies-to")) {
                problems.add(tree.problemAtKey("/applies-to", "a config profile audits system roots; its controls name their "
                        + "files with 'paths'"));
            }
            if (kind == Profile.Kind.CONFIG) {
                if (!r.has("config")) {
                    problems.add(tree.problemAtKey("/kind", "a config profile needs a 'config' section with its controls"));
                } else {
                    config = new ConfigControlReader(tree, catalog, problems).read(r.get("config"));
                }
            } else if (r.has("config")) {
                problems.add(tree.problemAtKey("/config", "'config' belongs to profiles of kind config"));
            }
            java.util.Set<String> ownControls = new java.util.HashSet<>();
            if (config != null) {
                config.controls().forEach(c -> ownControls.add(c.id()));
            }
            if (dataset != null) {
                dataset.rowRules().stream().filter(rr -> !rr.catalogued()).forEach(rr -> ownControls.add(rr.id()));
            }
            if (r.has("rules") && r.get("rules").isArray() && kind != Profile.Kind.DATASET) {
                problems.add(tree.problemAtKey("/rules", "a list of record rules belongs to dataset profiles; overrides are a mapping"));
            }
            Map<String, Profile.RuleOverride> overrides = overrides(r.has("rules") && r.get("rules").isObject() ? r.get("rules") : null,
                    ownControls);
            if (config != null && !overrides.isEmpty()) {
                config = overridden(config, overrides);
            }
            DatabaseSource database = null;
            if (r.has("source")) {
                database = database(r.get("source"), kind);
            }
            return new Profile(r.get("profile").asText(), r.get("version").asText(), r.get("title").asText(),
                    text(r, "description"), kind, strings(r.get("applies-to")), overrides, dataset, config, source, database);
        }

        /** The {@code source:} block: a table or a query (a single SELECT), of the database {@code jdbc} names or of any. */
        private DatabaseSource database(JsonNode s, Profile.Kind kind) {
            if (kind != Profile.Kind.DATASET) {
                problems.add(tree.problemAtKey("/source", "'source' belongs to profiles of kind dataset"));
                return null;
            }
            String jdbc = text(s, "jdbc");
            String table = text(s, "table");
            String query = text(s, "query");
            if ((table == null) == (query == null)) {
                problems.add(tree.problemAtKey("/source", "give the table ('table:') or a query ('query:'), one of them"));
            }
            if (query != null) {
                String refused = chuan.util.SqlText.refusal(query);
                if (refused != null) {
                    problems.add(tree.problemAt("/source/query", refused));
                }
            }
            if (jdbc != null) {
                String lower = jdbc.toLowerCase(Locale.ROOT);
                if (lower.matches("(?s).*([?&;:]password=|//[^/@]*:[^/@]*@).*")) {
                    problems.add(tree.problemAt("/source/jdbc", "a profile must not hold a password: give it with CHUAN_DB_PASSWORD, "
                            + "--password-file or .pgpass"));
                }
                if (lower.startsWith("jdbc:sqlite:") && baseDir != null) {
                    String path = jdbc.substring("jdbc:sqlite:".length());
                    int q = path.indexOf('?');
                    String file = q < 0 ? path : path.substring(0, q);
                    if (!file.isEmpty() && !file.startsWith(":") && !file.startsWith("file:") && !Path.of(file).isAbsolute()) {
                        jdbc = "jdbc:sqlite:" + baseDir.resolve(file).toAbsolutePath().normalize() + (q < 0 ? "" : path.substring(q));
                    }
                }
            }
            return new DatabaseSource(jdbc, table, query);
        }

        /**
         * A config profile's {@code rules:} overrides applied to its own controls (another severity, or
         * switched off); one that names no control of the profile is an error, never silently ignored.
         */
        private ConfigSpec overridden(ConfigSpec config, Map<String, Profile.RuleOverride> overrides) {
            List<chuan.config.check.ConfigControl> out = new ArrayList<>();
            for (String id : overrides.keySet()) {
                if (config.controls().stream().noneMatch(c -> c.id().equals(id))) {
                    problems.add(tree.problemAtKey("/rules/" + id, "rule '" + id + "' is not a control of this profile"));
                }
            }
            for (chuan.config.check.ConfigControl c : config.controls()) {
                Profile.RuleOverride o = overrides.get(c.id());
                if (o == null) {
                    out.add(c);
                } else if (o.enabled()) {
                    out.add(o.severity() == null ? c : new chuan.config.check.ConfigControl(c.id(), c.title(), o.severity(),
                            c.rationale(), c.remediation(), c.references(), c.format(), c.paths(), c.key(), c.statedDefault(),
                            c.expect(), c.byLevel(), c.failIfMissing()));
                }
            }
            return new ConfigSpec(out);
        }

        private Map<String, Profile.RuleOverride> overrides(JsonNode rules, java.util.Set<String> ownControls) {
            Map<String, Profile.RuleOverride> out = new LinkedHashMap<>();
            if (rules == null) {
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (catalog.find(e.getKey()).isEmpty() && !ownControls.contains(e.getKey())) {
                    problems.add(tree.problemAtKey("/rules/" + e.getKey(), "unknown rule id '" + e.getKey() + "'"));
                    continue;
                }
                JsonNode o = e.getValue();
                Severity sev = o.has("severity") ? Severity.parse(o.get("severity").asText()).orElseThrow() : null;
                out.put(e.getKey(), new Profile.RuleOverride(sev, !o.has("enabled") || o.get("enabled").asBoolean()));
            }
            return out;
        }

        private DatasetSpec dataset(JsonNode d) {
            DataSource format = d.has("format") ? DataSources.builtIn().byLabel(d.get("format").asText()).orElseThrow() : null;
            String encoding = d.has("encoding") ? d.get("encoding").asText() : "UTF-8";
            if (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8")) {
                encoding = "UTF-8";
            } else if (chuan.standard.Encodings.utf16(encoding) != null) {
                encoding = chuan.standard.Encodings.utf16(encoding);
            } else {
                java.util.Optional<chuan.standard.LegacyEncoding> legacy =
                        chuan.standard.Encodings.byName(encoding, chuan.standard.ReferenceData.builtIn());
                if (legacy.isEmpty()) {
                    problems.add(tree.problemAt("/dataset/encoding", "unknown encoding '" + encoding + "' (UTF-8, UTF-16, or one of "
                            + String.join(", ", chuan.standard.Encodings.all(chuan.standard.ReferenceData.builtIn()).stream()
                                    .map(chuan.standard.LegacyEncoding::name).toList()) + ")"));
                } else {
                    encoding = legacy.get().name();
                }
            }
            char defaultDelimiter = format != null && format.shape() == DataSource.Shape.DELIMITED ? format.delimiter() : ',';
            char delimiter = d.has("delimiter") ? dialectChar(d, "delimiter", defaultDelimiter) : defaultDelimiter;
            char quote = d.has("quote") ? dialectChar(d, "quote", '"') : '"';
            if (delimiter == quote) {
                problems.add(tree.problemAt("/dataset/" + (d.has("quote") ? "quote" : "delimiter"),
                        "the delimiter and the quote must differ (both are '" + delimiter + "')"));
            }
            boolean reportExtra = !d.has("extra-columns") || "report".equals(d.get("extra-columns").asText());
            Path jsonSchema = null;
            if (d.has("json-schema")) {
                jsonSchema = jsonSchema(d.get("json-schema").asText());
            }
            CsvDialect dialect = dialect(d);
            ValueSyntax defaults = datasetSyntax(d);
            List<ColumnSpec> columns = new ArrayList<>();
            JsonNode cols = d.get("columns");
            Set<String> names = new HashSet<>();
            if (cols != null) {
                for (int i = 0; i < cols.size(); i++) {
                    ColumnSpec c = column(cols.get(i), "/dataset/columns/" + i, defaults);
                    for (String n : c.aliasesAndName()) {
                        if (!names.add(HeaderNames.normalise(n, dialect.headerCaseSensitive()))) {
                            problems.add(tree.problemAt("/dataset/columns/" + i, "column name or alias '" + n + "' is used twice"));
                        }
                    }
                    columns.add(c);
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                for (var link : columns.get(i).links().entrySet()) {
                    String target = link.getValue();
                    java.util.Optional<ColumnSpec> found = columns.stream().filter(x -> x.name().equals(target)).findFirst();
                    if (found.isEmpty()) {
                        problems.add(tree.problemAt("/dataset/columns/" + i + "/" + link.getKey(), "no column named '" + target + "' in this profile"));
                    } else if ((link.getKey().equals("birth-date") || link.getKey().equals("as-of-column"))
                            && found.get().type() != ColumnType.DATE && found.get().type() != ColumnType.DATETIME) {
                        problems.add(tree.problemAt("/dataset/columns/" + i + "/" + link.getKey(), "column '" + target + "' must be of type date or datetime"));
                    }
                }
            }
            List<MetricSpec> checks = new ArrayList<>();
            JsonNode cks = d.get("checks");
            if (cks != null) {
                for (int i = 0; i < cks.size(); i++) {
                    checks.add(check(cks.get(i), "/dataset/checks/" + i, columns));
                }
            }
            boolean header = !d.has("header") || d.get("header").asBoolean();
            if (!header && d.has("header-rows")) {
                problems.add(tree.problemAtKey("/dataset/header-rows", "'header-rows' needs a header (header: true)"));
            }
            if (delimiter == quote) {
                problems.add(tree.problemAt("/dataset/quote", "the quote must differ from the delimiter"));
            }
            List<RowRuleSpec> rowRules = rowRules(d, columns);
            KeysReader keys = new KeysReader(tree, problems, baseDir);
            return new DatasetSpec(format, encoding, header, delimiter, quote, reportExtra, jsonSchema, columns, checks,
                    d.has("forbid-personal-data") && d.get("forbid-personal-data").asBoolean(), dialect,
                    d.has("sheet") ? d.get("sheet").asText() : null, keys.primaryKey(d, columns),
                    keys.foreignKeys(d, columns, tree.root().has("source")), rowRules);
        }

        /** Columns' {@code required-if} and the dataset's {@code rules}: CEL compiled and type-checked here, once. */
        private List<RowRuleSpec> rowRules(JsonNode d, List<ColumnSpec> columns) {
            JsonNode cols = d.get("columns");
            JsonNode rules = d.get("rules");
            boolean anyRequiredIf = false;
            for (int i = 0; cols != null && i < cols.size(); i++) {
                anyRequiredIf |= cols.get(i).has("required-if");
            }
            JsonNode topRules = tree.root().get("rules");
            if (rules == null && !anyRequiredIf && (topRules == null || !topRules.isArray())) {
                return List.of();
            }
            RowEnvironment env = new RowEnvironment(columns);
            java.util.Map<String, String> variables = new java.util.HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String other = variables.putIfAbsent(RowEnvironment.variableName(columns.get(i).name()), columns.get(i).name());
                if (other != null) {
                    problems.add(tree.problemAt("/dataset/columns/" + i + "/name", "columns '" + other + "' and '" + columns.get(i).name()
                            + "' are both '" + RowEnvironment.variableName(other) + "' in expressions: rename one"));
                }
            }
            List<RowRuleSpec> out = new ArrayList<>();
            for (int i = 0; cols != null && i < cols.size(); i++) {
                if (!cols.get(i).has("required-if")) {
                    continue;
                }
                String ptr = "/dataset/columns/" + i + "/required-if";
                ColumnSpec c = columns.get(i);
                if (c.required()) {
                    problems.add(tree.problemAtKey(ptr, "column '" + c.name() + "' is required in every record: remove 'required-if' or 'required'"));
                }
                String has = "has(" + RowEnvironment.variableName(c.name()) + ")";
                out.add(new RowRuleSpec("DATA-REQUIRED-IF", null, null, c.name(), expression(env, ptr, cols.get(i).get("required-if").asText()),
                        new RowRuleSpec.Expression(has, env.compile(has))));
            }
            // the record rules: under dataset, and a top-level list of them (as the top-level mapping overrides rules)
            List<String> pointers = new ArrayList<>();
            for (int i = 0; rules != null && i < rules.size(); i++) {
                pointers.add("/dataset/rules/" + i);
            }
            JsonNode top = tree.root().get("rules");
            for (int i = 0; top != null && top.isArray() && i < top.size(); i++) {
                pointers.add("/rules/" + i);
            }
            Set<String> ids = new HashSet<>();
            for (String ptr : pointers) {
                JsonNode r = tree.root().at(ptr);
                String id = r.get("id").asText();
                if (catalog.find(id).isPresent()) {
                    problems.add(tree.problemAt(ptr + "/id", "'" + id + "' is the id of a built-in rule: give the profile's rule its own id"));
                } else if (!ids.add(id)) {
                    problems.add(tree.problemAt(ptr + "/id", "rule id '" + id + "' is used twice"));
                }
                Severity severity = r.has("severity") ? Severity.parse(r.get("severity").asText()).orElseThrow() : Severity.MEDIUM;
                RowRuleSpec.Expression when = r.has("when") ? expression(env, ptr + "/when", r.get("when").asText()) : null;
                out.add(new RowRuleSpec(id, r.has("title") ? r.get("title").asText() : id, severity, null, when,
                        expression(env, ptr + "/expect", r.get("expect").asText())));
            }
            return out;
        }

        /** An expression compiled; each of its problems is reported at its own character in the profile where that is known. */
        private RowRuleSpec.Expression expression(RowEnvironment env, String ptr, String text) {
            RowEnvironment.Compiled compiled = env.compile(text);
            for (RowEnvironment.Issue issue : compiled.issues()) {
                SourcePosition at = issue.line() == 1 && text.indexOf('\n') < 0 ? tree.insideValue(ptr, issue.column()) : tree.valueAt(ptr);
                String where = issue.line() == 1 && text.indexOf('\n') < 0 ? "" : " (line " + issue.line() + ", column " + issue.column()
                        + " of the expression)";
                problems.add(new ProfileProblem(tree.file(), at.line(), at.column(), "expression: " + issue.message() + where));
            }
            return new RowRuleSpec.Expression(text, compiled);
        }

        private CsvDialect dialect(JsonNode d) {
            String comment = text(d, "comment");
            String terminator = text(d, "line-terminator");
            // a workbook's header-row (its 1-based row) says the same as skip-rows: the rows above it are not data
            int skip = d.has("header-row") ? d.get("header-row").asInt() - 1 : d.has("skip-rows") ? d.get("skip-rows").asInt() : 0;
            if (d.has("header-row") && d.has("skip-rows")) {
                problems.add(tree.problemAtKey("/dataset/header-row", "give either 'header-row' or 'skip-rows', not both"));
            }
            return new CsvDialect(skip, comment,
                    d.has("header-rows") ? d.get("header-rows").asInt() : 1,
                    d.has("header-join") ? d.get("header-join").asText() : " ",
                    "sensitive".equals(text(d, "header-case")), terminator);
        }

        /** The value syntax a dataset gives all its columns: missing values and number separators. */
        private ValueSyntax datasetSyntax(JsonNode d) {
            ValueSyntax base = ValueSyntax.DEFAULT;
            char decimal = d.has("decimal-char") ? d.get("decimal-char").asText().charAt(0) : base.decimalChar();
            char group = d.has("group-char") ? d.get("group-char").asText().charAt(0) : base.groupChar();
            separators("/dataset", decimal, group);
            List<String> missing = d.has("missing-values") ? strings(d.get("missing-values")) : base.missingValues();
            return new ValueSyntax(decimal, group, base.bareNumber(), base.trueValues(), base.falseValues(), missing, null,
                    base.yearPivot());
        }

        private void separators(String ptr, char decimal, char group) {
            if (decimal == group) {
                problems.add(tree.problemAt(ptr + "/group-char", "the group separator must differ from the decimal separator"));
            }
            if (Character.isDigit(decimal) || Character.isDigit(group) || decimal == '-' || group == '-' || decimal == '+'
                    || group == '+') {
                problems.add(tree.problemAt(ptr + (Character.isDigit(decimal) ? "/decimal-char" : "/group-char"),
                        "a number separator cannot be a digit or a sign"));
            }
        }

        /**
         * A delimiter or quote: one ASCII character that is not a line end (the reader splits bytes, and
         * a multi-byte or line-ending separator would split records in the middle).
         */
        private char dialectChar(JsonNode d, String key, char fallback) {
            String v = d.get(key).asText();
            if (v.length() != 1 || v.charAt(0) >= 0x80 || v.charAt(0) == '\n' || v.charAt(0) == '\r' || v.charAt(0) == 0) {
                problems.add(tree.problemAt("/dataset/" + key, "the " + key + " must be one ASCII character other than a line "
                        + "end, not '" + v.replace("\n", "\\n").replace("\r", "\\r") + "'"));
                return fallback;
            }
            return v.charAt(0);
        }

        private Path jsonSchema(String ref) {
            if (baseDir == null) {
                problems.add(tree.problemAt("/dataset/json-schema", "built-in profiles cannot name a schema file"));
                return null;
            }
            Path p = baseDir.resolve(ref).normalize();
            if (!Files.isRegularFile(p)) {
                problems.add(tree.problemAt("/dataset/json-schema", "JSON Schema file not found: " + p));
                return null;
            }
            // its $refs resolve only to files in its own folder or the profile's: an audit is offline
            String err = chuan.profile.RecordSchema.check(p, List.of(p.getParent(), baseDir));
            if (err != null) {
                problems.add(tree.problemAt("/dataset/json-schema", err));
                return null;
            }
            return p;
        }

        private ColumnSpec column(JsonNode c, String ptr, ValueSyntax defaults) {
            String typeName = c.has("type") ? c.get("type").asText() : "string";
            String valueType = chuan.standard.ValueTypes.exists(typeName) ? typeName : null;
            ColumnType type = valueType != null ? ColumnType.STRING : ColumnType.fromLabel(typeName).orElseThrow();
            java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
            for (String role : List.of("birth-date", "gender", "province", "as-of-column")) {
                if (c.has(role)) {
                    // a sibling column is read by the pack types that say they read it
                    boolean allowed = role.equals("as-of-column")
                            || valueType != null && chuan.standard.ValueTypes.descriptor(valueType).links().contains(role);
                    if (!allowed) {
                        problems.add(tree.problemAt(ptr + "/" + role, "'" + role + "' belongs to columns of type "
                                + String.join(" or ", typesWhere(t -> t.links().contains(role)))));
                    }
                    links.put(role, c.get(role).asText());
                }
            }
            String scheme = c.has("scheme") ? c.get("scheme").asText() : null;
            if (scheme != null && (valueType == null || !chuan.standard.ValueTypes.descriptor(valueType).schemes())) {
                problems.add(tree.problemAt(ptr + "/scheme", "'scheme' belongs to "
                        + String.join(" and ", typesWhere(chuan.standard.TypeDescriptor::schemes)) + " columns"));
            }
            String format = text(c, "format");
            if (format != null) {
                if (!type.temporal()) {
                    problems.add(tree.problemAt(ptr + "/format", "'format' applies to date, datetime and time columns"));
                } else {
                    StringBuilder err = new StringBuilder();
                    TemporalFormat f = TemporalFormat.compile(format, err);
                    if (f == null) {
                        problems.add(tree.problemAt(ptr + "/format", err.toString()));
                    } else {
                        String wrong = f.fitsType(type);
                        if (wrong != null) {
                            problems.add(tree.problemAt(ptr + "/format", wrong));
                        }
                    }
                }
            }
            String pattern = text(c, "pattern");
            if (pattern != null) {
                try {
                    chuan.util.SafeRegex.compile(pattern);
                } catch (PatternSyntaxException e) {
                    problems.add(tree.problemAt(ptr + "/pattern", "pattern does not compile: " + e.getDescription()
                            + " (RE2 syntax: no back-references or look-around)"));
                }
            }
            List<String> enumValues = null;
            if (c.has("enum")) {
                enumValues = new ArrayList<>();
                for (JsonNode v : c.get("enum")) {
                    enumValues.add(v.asText());
                }
            }
            String min = bound(c, ptr, "min", type);
            String max = bound(c, ptr, "max", type);
            String exclusiveMin = bound(c, ptr, "exclusive-min", type);
            String exclusiveMax = bound(c, ptr, "exclusive-max", type);
            new BoundCheck(tree, problems, ptr, type).consistent(min, max, exclusiveMin, exclusiveMax);
            Integer minLength = c.has("min-length") ? c.get("min-length").asInt() : null;
            Integer maxLength = c.has("max-length") ? c.get("max-length").asInt() : null;
            if (minLength != null && maxLength != null && minLength > maxLength) {
                problems.add(tree.problemAt(ptr + "/min-length", "min-length is greater than max-length"));
            }
            Integer precision = c.has("precision") ? c.get("precision").asInt() : null;
            Integer scale = c.has("scale") ? c.get("scale").asInt() : null;
            if ((precision != null || scale != null) && type != ColumnType.DECIMAL) {
                problems.add(tree.problemAtKey(ptr + (precision != null ? "/precision" : "/scale"),
                        "'precision' and 'scale' belong to decimal columns"));
            } else if (precision != null && scale != null && scale > precision) {
                problems.add(tree.problemAt(ptr + "/scale", "scale is greater than precision"));
            }
            ValueSyntax syntax = syntax(c, ptr, type, format, defaults);
            boolean personal = flag(c, "personal") || type == ColumnType.EMAIL
                    || (valueType != null && chuan.standard.ValueTypes.personal(valueType));
            return new ColumnSpec(c.get("name").asText(), strings(c.get("aliases")), type, format,
                    flag(c, "required"), flag(c, "unique"), pattern, enumValues, min, max, minLength, maxLength,
                    c.has("normalization"), personal, valueType, scheme, links, exclusiveMin, exclusiveMax, precision, scale,
                    syntax);
        }

        /** How the column writes its values; options that do not fit its type are errors. */
        private ValueSyntax syntax(JsonNode c, String ptr, ColumnType type, String format, ValueSyntax defaults) {
            for (String k : List.of("decimal-char", "group-char", "bare-number")) {
                if (c.has(k) && !type.numeric()) {
                    problems.add(tree.problemAtKey(ptr + "/" + k, "'" + k + "' belongs to integer, number and decimal columns"));
                }
            }
            for (String k : List.of("true-values", "false-values")) {
                if (c.has(k) && type != ColumnType.BOOLEAN) {
                    problems.add(tree.problemAtKey(ptr + "/" + k, "'" + k + "' belongs to boolean columns"));
                }
            }
            if (c.has("year-pivot") && (format == null || !format.contains("yy") || format.contains("yyyy"))) {
                problems.add(tree.problemAtKey(ptr + "/year-pivot", "'year-pivot' belongs to a date format with a two-digit year (yy)"));
            }
            char decimal = c.has("decimal-char") ? c.get("decimal-char").asText().charAt(0) : defaults.decimalChar();
            char group = c.has("group-char") ? c.get("group-char").asText().charAt(0) : defaults.groupChar();
            if (c.has("decimal-char") || c.has("group-char")) {
                separators(ptr, decimal, group);
            }
            List<String> trueValues = c.has("true-values") ? strings(c.get("true-values")) : defaults.trueValues();
            List<String> falseValues = c.has("false-values") ? strings(c.get("false-values")) : defaults.falseValues();
            for (String t : trueValues) {
                if (falseValues.contains(t)) {
                    problems.add(tree.problemAt(ptr + (c.has("true-values") ? "/true-values" : "/false-values"),
                            "'" + t + "' is both a true and a false value"));
                }
            }
            if (trueValues.isEmpty() || falseValues.isEmpty()) {
                problems.add(tree.problemAt(ptr + (trueValues.isEmpty() ? "/true-values" : "/false-values"),
                        "a boolean needs at least one true and one false value"));
            }
            List<String> missing = c.has("missing-values") ? strings(c.get("missing-values")) : defaults.missingValues();
            String separator = text(c, "separator");
            if (separator != null && (c.has("unique") && flag(c, "unique"))) {
                problems.add(tree.problemAtKey(ptr + "/separator", "a list column ('separator') cannot be unique: uniqueness is per value"));
            }
            return new ValueSyntax(decimal, group, !c.has("bare-number") || c.get("bare-number").asBoolean(), trueValues,
                    falseValues, missing, separator, c.has("year-pivot") ? c.get("year-pivot").asInt() : defaults.yearPivot());
        }

        private String bound(JsonNode c, String ptr, String key, ColumnType type) {
            if (!c.has(key)) {
                return null;
            }
            String v = c.get(key).asText();
            String at = ptr + "/" + key;
            if (!type.ordered()) {
                problems.add(tree.problemAt(at, "'" + key + "' needs a column of type integer, number, decimal, date, datetime or time (this one is " + type.label() + ")"));
                return v;
            }
            boolean ok = switch (type) {
                case INTEGER, NUMBER, DECIMAL -> c.get(key).isNumber();
                case DATE -> "today".equals(v) || Temporal.isoDate(v) != Temporal.INVALID;
                case TIME -> Temporal.isoTime(v) != Temporal.INVALID;
                default -> "today".equals(v) || Temporal.isoDateTime(v) != Temporal.INVALID || Temporal.isoDate(v) != Temporal.INVALID;
            };
            if (!ok) {
                problems.add(tree.problemAt(at, "'" + key + "' of a " + type.label() + " column must be "
                        + (type == ColumnType.DATE || type == ColumnType.DATETIME ? "an ISO 8601 date (yyyy-MM-dd) or 'today'"
                        : type == ColumnType.TIME ? "a time (HH:mm or HH:mm:ss)" : "a number")
                        + ", not '" + v + "'"));
            }
            return v;
        }

        private MetricSpec check(JsonNode k, String ptr, List<ColumnSpec> columns) {
            MetricSpec.Metric metric = MetricSpec.Metric.fromLabel(k.get("metric").asText());
            String column = text(k, "column");
            ColumnSpec spec = column == null ? null : columns.stream().filter(c -> c.name().equals(column)).findFirst().orElse(null);
            if (metric.ofColumn() && column == null) {
                problems.add(tree.problemAt(ptr, "the " + metric.label() + " metric needs a 'column'"));
            } else if (column != null && !metric.ofColumn()) {
                problems.add(tree.problemAt(ptr + "/column", "the " + metric.label() + " metric is about the whole dataset; remove 'column'"));
            } else if (column != null && spec == null) {
                problems.add(tree.problemAt(ptr + "/column", "no column named '" + column + "' in this profile"));
            }
            boolean dated = spec != null && (spec.type() == ColumnType.DATE || spec.type() == ColumnType.DATETIME);
            if (spec != null) {
                metricOnColumn(metric, spec, dated, ptr);
            }
            Double q = k.has("q") ? k.get("q").asDouble() : null;
            if (metric == MetricSpec.Metric.QUANTILE && q == null) {
                problems.add(tree.problemAt(ptr, "the quantile metric needs 'q', the fraction of values at or below it (0.5: the median)"));
            } else if (q != null && metric != MetricSpec.Metric.QUANTILE) {
                problems.add(tree.problemAtKey(ptr + "/q", "'q' belongs to the quantile metric"));
            }
            String value = text(k, "value");
            if (value != null && metric != MetricSpec.Metric.VALUE_SHARE) {
                problems.add(tree.problemAtKey(ptr + "/value", "'value' belongs to the value-share metric"));
            } else if (metric == MetricSpec.Metric.VALUE_SHARE && value == null && spec != null && spec.enumValues() == null) {
                problems.add(tree.problemAt(ptr, "value-share needs a 'value', or a column with an 'enum' (each value's share is measured)"));
            }
            List<String> groups = strings(k.get("groups"));
            if (k.has("groups") && metric != MetricSpec.Metric.ROWS_PER_GROUP) {
                problems.add(tree.problemAtKey(ptr + "/groups", "'groups' belongs to the rows-per-group metric"));
            }
            String groupsFrom = text(k, "groups-from");
            if (groupsFrom != null && metric != MetricSpec.Metric.ROWS_PER_GROUP) {
                problems.add(tree.problemAtKey(ptr + "/groups-from", "'groups-from' belongs to the rows-per-group metric"));
            } else if (groupsFrom != null && k.has("groups")) {
                problems.add(tree.problemAtKey(ptr + "/groups-from", "give either 'groups' or 'groups-from', not both"));
            } else if (groupsFrom != null && !chuan.standard.Packs.referenceLists().containsKey(groupsFrom)) {
                problems.add(tree.problemAt(ptr + "/groups-from", "no built-in reference list '" + groupsFrom + "' (there are: "
                        + String.join(", ", chuan.standard.Packs.referenceLists().keySet()) + ")"));
            }
            List<MetricSpec.Change> changes = new ArrayList<>();
            for (MetricSpec.Change.Direction dir : MetricSpec.Change.Direction.values()) {
                if (!k.has(dir.key())) {
                    continue;
                }
                MetricSpec.Change c = MetricSpec.Change.parse(dir, k.get(dir.key()).asText());
                if (c == null) {
                    problems.add(tree.problemAt(ptr + "/" + dir.key(), "'" + dir.key() + "' must be a comparison with an amount, such as \"> 20%\" or \"> 0.05\""));
                } else if (c.percent() && dated && metric.valueOfColumn()) {
                    problems.add(tree.problemAt(ptr + "/" + dir.key(), "a date moves by days, not by a percentage: write the number of days"));
                } else if (metric == MetricSpec.Metric.ROWS_PER_GROUP || (metric == MetricSpec.Metric.VALUE_SHARE && value == null)) {
                    problems.add(tree.problemAtKey(ptr + "/" + dir.key(), "'" + dir.key() + "' compares one value with the previous report's: "
                            + (metric == MetricSpec.Metric.VALUE_SHARE ? "name the 'value' whose share it follows" : "not available for rows-per-group")));
                } else {
                    changes.add(c);
                }
            }
            if (!k.has("warn") && !k.has("fail") && changes.isEmpty() && !k.has("change") && !k.has("rise") && !k.has("fall")) {
                problems.add(tree.problemAt(ptr, "a check needs a 'warn' or 'fail' threshold (or a 'change', 'rise' or 'fall' limit)"));
            }
            boolean byDate = dated && metric.valueOfColumn();
            Threshold warn = k.has("warn") ? threshold(k.get("warn").asText(), ptr + "/warn", byDate, spec) : null;
            Threshold fail = k.has("fail") ? threshold(k.get("fail").asText(), ptr + "/fail", byDate, spec) : null;
            Severity sev = k.has("severity") ? Severity.parse(k.get("severity").asText()).orElseThrow() : null;
            return new MetricSpec(metric, column, warn, fail, sev, q, value, groups, changes, groupsFrom);
        }

        /** Whether the column can be measured so: numbers and dates for the numeric metrics, a date for freshness, no list cells. */
        private void metricOnColumn(MetricSpec.Metric metric, ColumnSpec spec, boolean dated, String ptr) {
            if (metric == MetricSpec.Metric.COMPLETENESS) {
                return;
            }
            if (spec.syntax().separator() != null) {
                problems.add(tree.problemAt(ptr + "/column", "column '" + spec.name() + "' holds lists ('separator'): the "
                        + metric.label() + " metric measures single values"));
            } else if (metric == MetricSpec.Metric.FRESHNESS && !dated) {
                problems.add(tree.problemAt(ptr + "/column", "freshness needs a date or datetime column; '" + spec.name() + "' is "
                        + spec.type().label()));
            } else if (metric.numeric() && !dated && !spec.type().numeric()) {
                problems.add(tree.problemAt(ptr + "/column", "the " + metric.label() + " metric needs a column of type integer, number, "
                        + "decimal, date or datetime; '" + spec.name() + "' is " + spec.type().label()));
            }
        }

        /** A threshold as the metric is measured: a date on a date column's values, a number otherwise. */
        private Threshold threshold(String text, String at, boolean byDate, ColumnSpec spec) {
            if (byDate) {
                Threshold t = Threshold.parseDated(text, spec.type() == ColumnType.DATETIME);
                if (t == null) {
                    problems.add(tree.problemAt(at, "column '" + spec.name() + "' holds dates: compare with a date, such as \"< 2020-01-01\""));
                }
                return t;
            }
            Threshold t = Threshold.parse(text);
            if (t == null) {
                problems.add(tree.problemAt(at, Threshold.isDated(text) ? "this metric is a number, not a date: compare with a number"
                        : "not a comparison such as \"< 0.95\""));
            }
            return t;
        }

        /** The standards packs' types with a property, in the packs' order. */
        private static List<String> typesWhere(java.util.function.Predicate<chuan.standard.TypeDescriptor> p) {
            return chuan.standard.Packs.types().values().stream().filter(p).map(chuan.standard.TypeDescriptor::name).toList();
        }

        private static boolean flag(JsonNode n, String key) {
            return n.has(key) && n.get(key).asBoolean();
        }

        private static String text(JsonNode n, String key) {
            return n.has(key) && !n.get(key).isNull() ? n.get(key).asText() : null;
        }

        private static List<String> strings(JsonNode arr) {
            List<String> out = new ArrayList<>();
            if (arr != null) {
                arr.forEach(v -> out.add(v.asText()));
            }
            return out;
        }
    }
}
