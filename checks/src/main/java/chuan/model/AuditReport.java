package chuan.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything one audit produced; the canonical JSON report is this record serialized. */
public record AuditReport(
        String schemaVersion,
        Tool tool,
        Instant startedAt,
        long durationMs,
        LocalDate asOf,
        List<Target> targets,
        List<Result> results,
        List<AuditError> errors,
        Summary summary) {

    public static final String SCHEMA_VERSION = "1.0";

    public record Tool(String name, String version) {
    }
}
