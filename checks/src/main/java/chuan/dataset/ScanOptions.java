package chuan.dataset;

import java.time.LocalDate;

/**
 * How a dataset scan runs: the as-of date ("today" for bounds and validity windows), the number
 * of examples kept per result (0 = all), whether personal values are shown unmasked, the
 * number of validator threads, the national reference data, and the keyed fingerprints of values
 * and files. Who hears of the scan as it goes is no option: it is the {@link ScanEvents} given to
 * {@link DatasetScanner#scan}.
 */
public record ScanOptions(LocalDate asOf, int maxExamples, boolean revealPersonalData, int workers,
                          chuan.standard.ReferenceData reference, chuan.model.Fingerprints fingerprints) {

    public ScanOptions(LocalDate asOf, int maxExamples, boolean revealPersonalData, int workers,
                       chuan.standard.ReferenceData reference) {
        this(asOf, maxExamples, revealPersonalData, workers, reference, chuan.model.Fingerprints.ephemeral());
    }

    public ScanOptions(LocalDate asOf, int maxExamples, boolean revealPersonalData, int workers) {
        this(asOf, maxExamples, revealPersonalData, workers, chuan.standard.ReferenceData.builtIn());
    }

    public static ScanOptions defaults(LocalDate asOf) {
        return new ScanOptions(asOf, 20, false, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
