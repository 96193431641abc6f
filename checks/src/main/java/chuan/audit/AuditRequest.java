package chuan.audit;

import chuan.gate.FailOn;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What to audit and how: input paths, profile selectors (ids or files; empty = every profile
 * whose applies-to matches), the as-of date, the gate threshold, examples kept per result
 * (0 = all), whether personal values are shown unmasked, validator threads, and the national
 * reference data (built-in, or a newer set from {@code --reference-dir}), and the waivers to apply
 * (null for none; with {@code strictWaivers}, unknown or unused waivers are configuration errors),
 * and the information-security level (1-5) that config baselines with per-level controls audit at,
 * the keyed fingerprints of values and files (the project's secret, so a baseline matches across
 * runs), the largest configuration file read, and the program versions to assume instead of those a
 * system root's package database names ({@code nginx -> 1.22}), and the databases to read (JDBC URLs,
 * tables or queries, drivers, credentials: {@link DatabaseRequest}).
 */
public record AuditRequest(
        List<Path> inputs,
        List<String> profiles,
        LocalDate asOf,
        FailOn failOn,
        int maxExamples,
        boolean revealPersonalData,
        int workers,
        chuan.standard.ReferenceData reference,
        chuan.gate.Waivers waivers,
        boolean strictWaivers,
        chuan.gate.Baseline baseline,
        int level,
        chuan.model.Fingerprints fingerprints,
        long maxFileSize,
        java.util.Map<String, String> assumedVersions,
        DatabaseRequest databases) {

    /** The level audited when none is given: level 3, the one most agency systems connecting to national platforms hold. */
    public static final int DEFAULT_LEVEL = 3;

    public AuditRequest {
        inputs = List.copyOf(inputs);
        profiles = List.copyOf(profiles);
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("security level is 1 to 5, not " + level);
        }
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("the largest file size must be positive, not " + maxFileSize);
        }
        assumedVersions = java.util.Map.copyOf(assumedVersions);
        databases = databases == null ? DatabaseRequest.NONE : databases;
    }

    public AuditRequest(List<Path> inputs, List<String> profiles, LocalDate asOf, FailOn failOn, int maxExamples,
                        boolean revealPersonalData, int workers, chuan.standard.ReferenceData reference, chuan.gate.Waivers waivers,
                        boolean strictWaivers, chuan.gate.Baseline baseline, int level, chuan.model.Fingerprints fingerprints,
                        long maxFileSize, java.util.Map<String, String> assumedVersions) {
        this(inputs, profiles, asOf, failOn, maxExamples, revealPersonalData, workers, reference, waivers, strictWaivers, baseline,
                level, fingerprints, maxFileSize, assumedVersions, DatabaseRequest.NONE);
    }

    public AuditRequest(List<Path> inputs, List<String> profiles, LocalDate asOf, FailOn failOn, int maxExamples,
                        boolean revealPersonalData, int workers) {
        this(inputs, profiles, asOf, failOn, maxExamples, revealPersonalData, workers,
                chuan.standard.ReferenceData.builtIn(), null, false, null, DEFAULT_LEVEL, chuan.model.Fingerprints.ephemeral(),
                chuan.config.SystemRoot.DEFAULT_MAX_FILE_SIZE, java.util.Map.of());
    }
}
