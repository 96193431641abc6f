package chuan.profile;

import chuan.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * A validated audit profile. {@code source} is where it was read from: a file path or
 * {@code builtin:ID}; {@code database} the table or query of a database it audits (its {@code source:}
 * block; null for none).
 */
public record Profile(
        String id,
        String version,
        String title,
        String description,
        Kind kind,
        List<String> appliesTo,
        Map<String, RuleOverride> ruleOverrides,
        DatasetSpec dataset,
        ConfigSpec config,
        String source,
        DatabaseSource database) {

    public Profile {
        appliesTo = List.copyOf(appliesTo);
        ruleOverrides = Map.copyOf(ruleOverrides);
    }

    public Profile(String id, String version, String title, String description, Kind kind, List<String> appliesTo,
                   Map<String, RuleOverride> ruleOverrides, DatasetSpec dataset, ConfigSpec config, String source) {
        this(id, version, title, description, kind, appliesTo, ruleOverrides, dataset, config, source, null);
    }

    public enum Kind {
        DATASET, CONFIG;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A profile's change to a built-in rule: another severity, or switched off. */
    public record RuleOverride(Severity severity, boolean enabled) {
    }

    /** The severity this profile gives the rule, the catalogue default when not overridden. */
    public Severity severityOf(String ruleId, Severity catalogueDefault) {
        RuleOverride o = ruleOverrides.get(ruleId);
        return o != null && o.severity() != null ? o.severity() : catalogueDefault;
    }

    public boolean enabled(String ruleId) {
        RuleOverride o = ruleOverrides.get(ruleId);
        return o == null || o.enabled();
    }
}
