package chuan.dataset;

import java.time.LocalDate;

/**
 * How a dataset scan runs: the as-of date ("today" for bounds and validity windows), the number
 * of examples kept per result (0 = all), whether personal values are shown unmasked, the
 * number of validator threads, the national reference data, where to stream every violation
 * (null: only the examples are kept), and the keyed fingerprints of values and files.
 */
public record ScanOptions(LocalDate asOf, int maxExamples, boolean revealPersonalData, int workers,
                          chuan.standard.ReferenceData reference, ViolationSink.Factory stream, ScanProgress progress,
                          chuan.model.Fingerprints fingerprints) {

    public ScanOptions(LocalDate asOf, int maxExamples, boolean revealPersonalData, int workers,
                       chuan.standard.ReferenceData reference, ViolationSink.Factory stream, ScanProgress progress) {
        this(asOf, maxExamples, revealPersonalData, workers, reference, stream, progress, chuan.model.Fingerprints.ephemeral());
    }

    public ScanOptions(LocalDate asOf, int maxExamples, boolean revealPersonalData, int workers,
                       chuan.standard.ReferenceData reference, ViolationSink.Factory stream) {
        this(asOf, maxExamples, revealPersonalData, workers, reference, stream, null);
    }

    public ScanOptions(LocalDate asOf, int maxExamples, boolean revealPersonalData, int workers) {
        this(asOf, maxExamples, revealPersonalData, workers, chuan.standard.ReferenceData.builtIn(), null);
    }

    public ScanOptions(LocalDate asOf, int maxExamples, boolean revealPersonalData, int workers,
                       chuan.standard.ReferenceData reference) {
        this(asOf, maxExamples, revealPersonalData, workers, reference, null);
    }

    public static ScanOptions defaults(LocalDate asOf) {
        return new ScanOptions(asOf, 20, false, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
