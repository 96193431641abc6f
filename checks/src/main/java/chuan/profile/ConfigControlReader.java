package chuan.profile;

import chuan.config.ConfigFormat;
import chuan.config.check.ConfigControl;
import chuan.config.check.ConfigFormats;
import chuan.config.check.Expectation;
import chuan.config.check.TlsProtocols;
import chuan.model.Reference;
import chuan.model.Rule;
import chuan.model.Severity;
import chuan.rules.RuleCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the controls of a config profile after the schema has checked their shape: a control of
 * the rule catalogue takes the catalogue's title, severity and references unless it overrides them;
 * a control of the profile's own must give a title and a severity. Problems name file:line:column.
 */
final class ConfigControlReader {

    private final LocatedTree tree;
    private final RuleCatalog catalog;
    private final List<ProfileProblem> problems;

    ConfigControlReader(LocatedTree tree, RuleCatalog catalog, List<ProfileProblem> problems) {
        this.tree = tree;
        this.catalog = catalog;
        this.problems = problems;
    }

    ConfigSpec read(JsonNode config) {
        List<ConfigControl> out = new ArrayList<>();
        JsonNode controls = config.get("controls");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < controls.size(); i++) {
            String ptr = "/config/controls/" + i;
            control(controls.get(i), ptr).ifPresent(c -> {
                out.add(c);
            });
            String id = controls.get(i).get("id").asText();
            String where = controls.get(i).get("format").asText() + " " + controls.get(i).get("key").asText();
            if (!seen.add(id + "\u0000" + where)) {
                problems.add(tree.problemAt(ptr + "/id", "control " + id + " checks " + where + " twice"));
            }
        }
        return new ConfigSpec(out);
    }

    private Optional<ConfigControl> control(JsonNode c, String ptr) {
        String id = c.get("id").asText();
        Optional<Rule> rule = catalog.find(id);
        String title = text(c, "title").orElse(rule.map(Rule::title).orElse(null));
        Severity severity = text(c, "severity").flatMap(Severity::parse).orElse(rule.map(Rule::severity).orElse(null));
        if (title == null || severity == null) {
            problems.add(tree.problemAt(ptr + "/id", "control " + id + " is not in the rule catalogue, so it needs its own "
                    + "'title' and 'severity'"));
            return Optional.empty();
        }
        ConfigFormat format = ConfigFormats.builtIn().byLabel(c.get("format").asText()).orElseThrow(); // the schema lists them
        List<String> paths = new ArrayList<>();
        if (c.has("paths")) {
            for (int i = 0; i < c.get("paths").size(); i++) {
                String path = c.get("paths").get(i).asText().replaceFirst("^/+", "");
                try {
                    chuan.util.Glob.compile(path.startsWith("!") ? path.substring(1) : path, chuan.util.Glob.Syntax.PATH);
                } catch (chuan.util.Glob.Invalid e) {
                    problems.add(tree.problemAt(ptr + "/paths/" + i, e.getMessage()));
                    return Optional.empty();
                }
                paths.add(path);
            }
        }
        if (format.readsNamedFiles() && paths.isEmpty()) {
            problems.add(tree.problemAtKey(ptr + "/format", "format " + format.label() + " reads the files a control names: "
                    + "give 'paths'"));
            return Optional.empty();
        }
        String key = c.get("key").asText();
        Optional<String> badKey = format.keyProblem(key);
        if (badKey.isPresent()) {
            problems.add(tree.problemAt(ptr + "/key", badKey.get()));
            return Optional.empty();
        }
        Expectation expect = null;
        Map<Integer, Expectation> byLevel = new LinkedHashMap<>();
        if (c.has("expect") == c.has("levels")) {
            problems.add(tree.problemAtKey(ptr + "/id", "control " + id + " needs either 'expect' or 'levels'"));
            return Optional.empty();
        }
        if (c.has("expect")) {
            expect = expectation(c.get("expect"), ptr + "/expect");
            if (expect == null) {
                return Optional.empty();
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = c.get("levels").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Expectation x = expectation(e.getValue(), ptr + "/levels/" + e.getKey());
                if (x == null) {
                    return Optional.empty();
                }
                byLevel.put(Integer.parseInt(e.getKey()), x);
            }
        }
        List<Reference> refs = new ArrayList<>();
        if (c.has("references")) {
            c.get("references").forEach(r -> refs.add(new Reference(r.get("standard").asText(), text(r, "clause").orElse(null),
                    text(r, "url").orElse(null))));
        } else {
            rule.ifPresent(r -> refs.addAll(r.references()));
        }
        return Optional.of(new ConfigControl(id, title, severity,
                text(c, "rationale").orElse(rule.map(Rule::rationale).orElse(null)),
                text(c, "remediation").orElse(rule.map(Rule::remediation).orElse(null)),
                refs, format, paths, key, text(c, "default").orElse(null), expect, byLevel,
                "fail".equals(text(c, "if-missing").orElse("skip"))));
    }

    /** One expectation; null (with a problem recorded) when it does not make sense. */
    private Expectation expectation(JsonNode x, String ptr) {
        if (x.has("min") || x.has("max")) {
            if (x.size() == 2 && !(x.has("min") && x.has("max"))) {
                problems.add(tree.problemAt(ptr, "only 'min' and 'max' go together in one expectation"));
                return null;
            }
            for (String k : List.of("min", "max")) {
                if (x.has(k) && !chuan.config.check.Expectation.isBound(x.get(k).asText())) {
                    problems.add(tree.problemAt(ptr + "/" + k, "'" + k + "' is a number, or a time span such as 15m or 90d"));
                    return null;
                }
            }
            if (x.has("min") && x.has("max")) {
                return new Expectation.Between(x.get("min").asText(), x.get("max").asText());
            }
            return x.has("min") ? new Expectation.Min(x.get("min").asText()) : new Expectation.Max(x.get("max").asText());
        }
        if (x.size() != 1) {
            problems.add(tree.problemAt(ptr, "an expectation has one test (only 'min' and 'max' go together)"));
            return null;
        }
        String test = x.fieldNames().next();
        JsonNode v = x.get(test);
        return switch (test) {
            case "equals" -> new Expectation.Equals(v.asText());
            case "in" -> new Expectation.In(texts(v));
            case "not-in" -> new Expectation.NotIn(texts(v));
            case "contains-none" -> new Expectation.ContainsNone(texts(v));
            case "present" -> new Expectation.Present();
            case "absent" -> new Expectation.Absent();
            case "tls-min" -> new Expectation.TlsMinimum(TlsProtocols.Version.parse(v.asText()).orElseThrow());
            case "matches" -> {
                try {
                    yield new Expectation.Matches(v.asText(), chuan.util.SafeRegex.compile(v.asText()));
                } catch (PatternSyntaxException e) {
                    problems.add(tree.problemAt(ptr + "/matches", "not a valid regular expression (RE2 syntax): " + e.getDescription()));
                    yield null;
                }
            }
            default -> throw new IllegalStateException("the profile schema lets through expectation " + test);
        };
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Optional<String> text(JsonNode n, String key) {
        return n.has(key) && !n.get(key).isNull() ? Optional.of(n.get(key).asText()) : Optional.empty();
    }
}
