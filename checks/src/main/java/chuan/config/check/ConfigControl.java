package chuan.config.check;

import chuan.config.ConfigFormat;
import chuan.model.Reference;
import chuan.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One control of a config profile: the rule it reports under (with the metadata of the rule
 * catalogue, or its own for a user's control), the format and files it reads, the key, the default
 * the control states for an unset key, and what it expects. {@code byLevel} replaces
 * {@code expect} by security level (the entry of the highest level not above the one audited;
 * below the lowest entry the control does not apply). {@code ifMissing} says what an absent
 * program means: {@code skip} (not applicable) or {@code fail} (e.g. no time synchronisation at all).
 */
public record ConfigControl(
        String id,
        String title,
        Severity severity,
        String rationale,
        String remediation,
        List<Reference> references,
        ConfigFormat format,
        List<String> paths,
        String key,
        String statedDefault,
        Expectation expect,
        Map<Integer, Expectation> byLevel,
        boolean failIfMissing) {

    public ConfigControl {
        references = List.copyOf(references);
        paths = List.copyOf(paths);
        byLevel = byLevel == null ? Map.of() : Map.copyOf(byLevel);
    }

    /** What the control expects at a security level; null when it does not apply at that level. */
    public Expectation expectationAt(int level) {
        if (byLevel.isEmpty()) {
            return expect;
        }
        Map.Entry<Integer, Expectation> e = new TreeMap<>(byLevel).floorEntry(level);
        return e == null ? null : e.getValue();
    }

    /** The files to read: the control's paths, else where the format's program keeps them. */
    public List<String> searchPaths() {
        return paths.isEmpty() ? format.markers() : paths;
    }

    /** What the control expects, in words; by level when it has levels ("level 2+: at least 30; level 3+: ..."). */
    public String describeExpectation() {
        if (byLevel.isEmpty()) {
            return expect.describe();
        }
        return String.join("; ", new TreeMap<>(byLevel).entrySet().stream()
                .map(e -> "level " + e.getKey() + "+: " + e.getValue().describe()).toList());
    }
}
