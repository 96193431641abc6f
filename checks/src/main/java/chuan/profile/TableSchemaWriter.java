package chuan.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a chuan dataset profile as a Frictionless Table Schema (v1, with v2's {@code exclusiveMinimum},
 * {@code exclusiveMaximum} and field-level {@code missingValues} where a profile needs them), and lists what a
 * Table Schema cannot say: national types, metrics, row rules, aliases, masking, list cells, layouts with
 * optional parts. {@link FrictionlessLoader} reads the output back to the same checks, where expressible.
 */
public final class TableSchemaWriter {

    /** The schema as JSON text and one line per thing it leaves out. */
    public record Export(String json, List<String> notExpressed) {
        public Export {
            notExpressed = List.copyOf(notExpressed);
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TableSchemaWriter() {
    }

    public static Export write(Profile p) {
        List<String> lost = new ArrayList<>();
        ObjectNode root = F.objectNode();
        DatasetSpec d = p.dataset();
        if (d == null) {
            lost.add("profile " + p.id() + " is a config profile: a Table Schema describes tables only");
            return new Export(json(root.set("fields", F.arrayNode())), lost);
        }
        root.put("title", p.title());
        if (p.description() != null) {
            root.put("description", p.description());
        }
        ArrayNode fields = root.putArray("fields");
        // one missing-values list for the whole schema when every column shares it, else each field its own (v2)
        List<String> common = d.columns().isEmpty() ? List.of("") : d.columns().get(0).syntax().missingValues();
        boolean shared = d.columns().stream().allMatch(c -> c.syntax().missingValues().equals(common));
        for (ColumnSpec c : d.columns()) {
            fields.add(field(c, shared, lost));
        }
        if (shared && !common.equals(List.of(""))) {
            ArrayNode mv = root.putArray("missingValues");
            common.forEach(mv::add);
        }
        if (!d.primaryKey().isEmpty()) {
            ArrayNode pk = root.putArray("primaryKey");
            d.primaryKey().forEach(pk::add);
        }
        ArrayNode fks = F.arrayNode();
        for (ForeignKeySpec fk : d.foreignKeys()) {
            if (fk.reference() instanceof ForeignKeySpec.InDataset in) {
                ObjectNode o = fks.addObject();
                ArrayNode local = o.putArray("fields");
                fk.columns().forEach(local::add);
                ObjectNode ref = o.putObject("reference");
                ref.put("resource", in.self() ? "" : in.dataset());
                ArrayNode remote = ref.putArray("fields");
                in.columns().forEach(remote::add);
                if (!in.self()) {
                    lost.add("foreign key (" + String.join(", ", fk.columns()) + "): written as a reference to resource '"
                            + in.dataset() + "', which a Data Package must name");
                }
            } else if (fk.reference() instanceof ForeignKeySpec.InList l) {
                lost.add("foreign key (" + String.join(", ", fk.columns()) + ") into the reference list " + l.list());
            } else if (fk.reference() instanceof ForeignKeySpec.InTable t) {
                lost.add("foreign key (" + String.join(", ", fk.columns()) + ") into the database table " + t.table());
            }
        }
        if (!fks.isEmpty()) {
            root.set("foreignKeys", fks);
        }
        for (MetricSpec m : d.checks()) {
            lost.add("dataset check " + m.metric().label() + (m.column() == null ? "" : " of " + m.column()));
        }
        for (RowRuleSpec r : d.rowRules()) {
            lost.add("row rule " + r.id());
        }
        if (d.jsonSchema() != null) {
            lost.add("json-schema " + d.jsonSchema().getFileName());
        }
        if (d.forbidPersonalData()) {
            lost.add("forbid-personal-data");
        }
        if (!p.appliesTo().isEmpty()) {
            lost.add("applies-to " + String.join(", ", p.appliesTo()) + " (a Data Package names each resource's path)");
        }
        p.ruleOverrides().forEach((id, o) -> lost.add("rule override " + id));
        if (!d.reportExtraColumns()) {
            lost.add("extra-columns: allow");
        }
        if (d.format() != null || !"UTF-8".equals(d.encoding()) || !d.header() || d.delimiter() != ',' || d.quote() != '"'
                || !d.dialect().equals(new CsvDialect(0, null, 1, " ", d.dialect().headerCaseSensitive(), null)) || d.sheet() != null) {
            lost.add("format, encoding and dialect (header, delimiter, quote, skip-rows, comment, header rows, sheet): a "
                    + "Data Package resource's keys, not a Table Schema's");
        }
        if (!d.dialect().headerCaseSensitive()) {
            lost.add("header-case insensitive (a Table Schema's header names match case-sensitively by default)");
        }
        if (p.database() != null) {
            lost.add("source: (a database table or query)");
        }
        return new Export(json(root), lost);
    }

    private static ObjectNode field(ColumnSpec c, boolean sharedMissing, List<String> lost) {
        ObjectNode f = F.objectNode();
        String at = "column " + c.name() + ": ";
        f.put("name", c.name());
        ObjectNode cons = F.objectNode();
        String pattern = c.pattern();
        switch (c.type()) {
            case STRING -> f.put("type", "string");
            case EMAIL -> {
                f.put("type", "string");
                f.put("format", "email");
            }
            case URL -> {
                f.put("type", "string");
                f.put("format", "uri");
                lost.add(at + "url accepts http, https and ftp only; format uri accepts any scheme");
            }
            case INTEGER -> f.put("type", "integer");
            case NUMBER -> f.put("type", "number");
            case DECIMAL -> {
                f.put("type", "number");
                lost.add(at + "decimal (no exponent, no NaN or INF" + (c.precision() != null || c.scale() != null
                        ? ", precision and scale" : "") + ") written as number");
            }
            case BOOLEAN -> f.put("type", "boolean");
            case DATE -> f.put("type", "date");
            case DATETIME -> f.put("type", "datetime");
            case TIME -> f.put("type", "time");
            case DURATION -> f.put("type", "duration");
            default -> f.put("type", "string");
        }
        if (c.format() != null) {
            StringBuilder why = new StringBuilder();
            String s = strftime(c.format(), why);
            if (s == null) {
                lost.add(at + "format " + c.format() + ": " + why + "; written without a format");
            } else {
                f.put("format", s);
                if (c.format().contains("yy") && !c.format().contains("yyyy")) {
                    lost.add(at + "two-digit years: Python reads 69-99 as 1969-1999, chuan by year-pivot "
                            + c.syntax().yearPivot());
                }
            }
        }
        if (c.valueType() != null) {
            lost.add(at + "national type " + c.valueType() + " (written as string)");
        }
        if (c.scheme() != null) {
            lost.add(at + "scheme " + c.scheme());
        }
        c.links().forEach((role, col) -> lost.add(at + role + " " + col));
        if (!c.aliases().isEmpty()) {
            lost.add(at + "aliases " + String.join(", ", c.aliases()));
        }
        if (c.nfc()) {
            lost.add(at + "normalization NFC");
        }
        if (c.personal()) {
            lost.add(at + "personal (masked in reports)");
        }
        if (c.syntax().separator() != null) {
            lost.add(at + "list cells (separator '" + c.syntax().separator() + "'): the items' checks are written as the cell's");
        }
        if (c.required()) {
            cons.put("required", true);
        }
        if (c.unique()) {
            cons.put("unique", true);
        }
        if (pattern != null) {
            // chuan searches a pattern in the value; a Table Schema pattern must match the whole value
            boolean whole = pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$");
            cons.put("pattern", whole ? pattern : "(?s:.*)(?:" + pattern + ")(?s:.*)");
        }
        if (c.enumValues() != null) {
            ArrayNode e = cons.putArray("enum");
            c.enumValues().forEach(v -> e.add(typed(c, v)));
        }
        bound(cons, "minimum", c.min(), c, lost);
        bound(cons, "maximum", c.max(), c, lost);
        bound(cons, "exclusiveMinimum", c.exclusiveMin(), c, lost);
        bound(cons, "exclusiveMaximum", c.exclusiveMax(), c, lost);
        if (c.minLength() != null) {
            cons.put("minLength", c.minLength());
        }
        if (c.maxLength() != null) {
            cons.put("maxLength", c.maxLength());
        }
        if (!cons.isEmpty()) {
            f.set("constraints", cons);
        }
        ValueSyntax s = c.syntax();
        if (!sharedMissing) {
            ArrayNode mv = f.putArray("missingValues");
            s.missingValues().forEach(mv::add);
        }
        if (c.type().numeric()) {
            if (s.decimalChar() != '.') {
                f.put("decimalChar", String.valueOf(s.decimalChar()));
            }
            if (s.groupChar() != '\0') {
                f.put("groupChar", String.valueOf(s.groupChar()));
            }
            if (!s.bareNumber()) {
                f.put("bareNumber", false);
            }
        }
        if (c.type() == ColumnType.BOOLEAN) {
            if (!s.trueValues().equals(ValueSyntax.TRUE)) {
                ArrayNode t = f.putArray("trueValues");
                s.trueValues().forEach(t::add);
            }
            if (!s.falseValues().equals(ValueSyntax.FALSE)) {
                ArrayNode t = f.putArray("falseValues");
                s.falseValues().forEach(t::add);
            }
        }
        return f;
    }

    private static void bound(ObjectNode cons, String key, String v, ColumnSpec c, List<String> lost) {
        if (v == null) {
            return;
        }
        if ("today".equals(v)) {
            lost.add("column " + c.name() + ": " + key + " 'today' (the audit date)");
            return;
        }
        if (c.type().numeric()) {
            try {
                cons.set(key, F.numberNode(new BigDecimal(v)));
                return;
            } catch (NumberFormatException e) {
                // written as text below
            }
        }
        cons.put(key, v);
        if (c.format() != null && c.type().temporal()) {
            lost.add("column " + c.name() + ": " + key + " written in ISO form, where frictionless reads it in the field's format");
        }
    }

    /** An enum value as the field's type writes it in JSON: numbers as numbers, so frictionless compares them. */
    private static com.fasterxml.jackson.databind.JsonNode typed(ColumnSpec c, String v) {
        if (c.type() == ColumnType.INTEGER || c.type() == ColumnType.NUMBER) {
            try {
                return F.numberNode(new BigDecimal(v));
            } catch (NumberFormatException e) {
                return F.textNode(v);
            }
        }
        return F.textNode(v);
    }

    /** chuan's layout as a Python strftime one; null with the reason when it has a part strftime cannot say. */
    static String strftime(String layout, StringBuilder why) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < layout.length()) {
            char c = layout.charAt(i);
            int run = 1;
            while (i + run < layout.length() && layout.charAt(i + run) == c) {
                run++;
            }
            switch (c) {
                case 'y' -> out.append(run == 4 ? "%Y" : "%y");
                case 'M' -> out.append("%m");
                case 'd' -> out.append("%d");
                case 'H' -> out.append("%H");
                case 'm' -> out.append("%M");
                case 's' -> out.append("%S");
                case 'S' -> {
                    if (run != 6) {
                        why.append("a fraction of ").append(run).append(" digits (strftime's %f reads one to six)");
                        return null;
                    }
                    out.append("%f");
                }
                case 'X', 'x' -> out.append("%z");
                case 'V' -> {
                    why.append("zone names (VV)");
                    return null;
                }
                case '[', ']' -> {
                    why.append("optional parts [...]");
                    return null;
                }
                case '\'' -> {
                    int end = layout.indexOf('\'', i + 1);
                    String text = end == i + 1 ? "'" : layout.substring(i + 1, end);
                    out.append(text.replace("%", "%%"));
                    i = end + 1;
                    continue;
                }
                case '%' -> out.append("%%".repeat(run));
                default -> out.append(String.valueOf(c).repeat(run));
            }
            i += run;
        }
        return out.toString();
    }

    private static String json(ObjectNode root) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
