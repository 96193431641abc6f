package chuan.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one audit produced; the canonical JSON report is this record serialized.
 * {@code fingerprintKey} is the {@link Fingerprints#id} of the secret its fingerprints were made
 * with, so that a baseline made from it is compared under the same secret.
 */
public record AuditReport(
        String schemaVersion,
        Tool tool,
        Instant startedAt,
        long durationMs,
        LocalDate asOf,
        List<Target> targets,
        List<Result> results,
        List<AuditError> errors,
        Summary summary,
        String fingerprintKey) {

    /** 2.0: targets' sha256 became a keyed fingerprint, and the report names the key's id. */
    public static final String SCHEMA_VERSION = "2.0";

    public record Tool(String name, String version) {
    }
}
