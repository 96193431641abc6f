package chuan.rules;

import chuan.model.Reference;
import chuan.model.Rule;
import chuan.model.Severity;
import chuan.util.ClasspathIndex;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule the engine knows, read once from the catalogue files in the profiles module. */
public final class RuleCatalog {

    private static final RuleCatalog BUILT_IN = load();

    private final Map<String, Rule> rules;

    private RuleCatalog(Map<String, Rule> rules) {
        this.rules = rules;
    }

    public static RuleCatalog builtIn() {
        return BUILT_IN;
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The rule with this id; asking for an id that is not in the catalogue is a programming error. */
    public Rule get(String id) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalArgumentException("rule " + id + " is not in the catalogue");
        }
        return r;
    }

    /**
     * The rule's metadata for a report: the catalogue's, or, for a control a user's config profile
     * defines itself, what its result says (title and severity).
     */
    public Rule describe(String id, String title, chuan.model.Severity severity) {
        Rule r = rules.get(id);
        // a rule a profile defines for itself: its profile is its reference; tagged so a report can tell it from built-in ones
        return r != null ? r : new Rule(id, title, severity, title, "See the profile that defines " + id + ".",
                List.of(new Reference("the profile that defines it", id, null)), List.of("profile-rule"), null, null);
    }

    public Collection<Rule> all() {
        return rules.values();
    }

    /** The catalogue of only the rules that pass the test (for a page of one pack's rules, say). */
    public RuleCatalog restrictedTo(java.util.function.Predicate<Rule> test) {
        Map<String, Rule> kept = new LinkedHashMap<>();
        rules.forEach((id, r) -> {
            if (test.test(r)) {
                kept.put(id, r);
            }
        });
        return new RuleCatalog(java.util.Collections.unmodifiableMap(kept));
    }

    private static RuleCatalog load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Map<String, Rule> rules = new LinkedHashMap<>();
        java.util.List<String> files = new java.util.ArrayList<>(ClasspathIndex.list("chuan/rules"));
        chuan.standard.Packs.ruleFiles().forEach(f -> files.add("chuan/rules/" + f)); // each standards pack's own rules
        for (String resource : files) {
            try (InputStream in = ClasspathIndex.open(resource)) {
                for (RuleEntry e : yaml.readValue(in, RuleFile.class).rules()) {
                    Rule rule = e.toRule(resource);
                    if (rules.put(rule.id(), rule) != null) {
                        throw new IllegalStateException(resource + ": rule " + rule.id() + " defined twice");
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(resource + ": " + ex.getMessage(), ex);
            }
        }
        return new RuleCatalog(Map.copyOf(rules));
    }

    private record RuleFile(List<RuleEntry> rules) {
    }

    private record RuleEntry(
            String id, String title, String severity, String rationale, String remediation,
            List<Reference> references, List<String> tags,
            @JsonProperty("valid-from") LocalDate validFrom,
            @JsonProperty("valid-until") LocalDate validUntil) {

        Rule toRule(String resource) {
            Severity sev = Severity.parse(severity).orElseThrow(
                    () -> new IllegalStateException(resource + ": rule " + id + " has severity " + severity));
            return new Rule(id, title, sev, rationale, remediation,
                    references == null ? List.of() : references, tags == null ? List.of() : tags,
                    validFrom, validUntil);
        }
    }
}
