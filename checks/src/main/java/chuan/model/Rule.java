package chuan.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One rule's metadata, loaded from the rule catalogue: the single source of truth that reports,
 * {@code chuan explain} and docs/rules.md are built from. Profiles name rules by id, checked
 * against the catalogue when they load (the profile schema does not list them).
 */
public record Rule(
        String id,
        String title,
        Severity severity,
        String rationale,
        String remediation,
        List<Reference> references,
        List<String> tags,
        LocalDate validFrom,
        LocalDate validUntil) {

    public Rule {
        references = List.copyOf(references);
        tags = List.copyOf(tags);
    }

    /** Whether the rule is in force on the given date. */
    public boolean inForceOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom))
                && (validUntil == null || !date.isAfter(validUntil));
    }
}
