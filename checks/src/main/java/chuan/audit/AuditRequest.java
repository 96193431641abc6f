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
 * (null for none; with {@code strictWaivers}, unknown or unused waivers are configuration errors).
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
        chuan.dataset.ViolationSink.Factory stream,
        chuan.dataset.ScanProgress progress) {

    public AuditRequest {
        inputs = List.copyOf(inputs);
        profiles = List.copyOf(profiles);
    }

    public AuditRequest(List<Path> inputs, List<String> profiles, LocalDate asOf, FailOn failOn, int maxExamples,
                        boolean revealPersonalData, int workers) {
        this(inputs, profiles, asOf, failOn, maxExamples, revealPersonalData, workers,
                chuan.standard.ReferenceData.builtIn(), null, false, null, null, null);
    }
}
