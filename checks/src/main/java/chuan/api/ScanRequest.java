package chuan.api;

import chuan.gate.FailOn;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan is asked, by name and with the library's defaults: personal data masked, every
 * processor, the built-in reference data, no waivers or baseline, a secret for this run only.
 * Files it names (waivers, baseline, reference folder, fingerprint key) are read by {@link Chuan#scan}.
 */
public final class ScanRequest {

    List<Path> inputs = List.of(Path.of("."));
    List<String> profiles = List.of();
    LocalDate asOf;
    FailOn failOn = FailOn.parse("low").orElseThrow();
    int maxExamples = 20;
    boolean revealPersonalData;
    Integer workers;
    Path referenceDir;
    Path waivers;
    boolean strictWaivers;
    Path baseline;
    Path fingerprintKey;
    boolean lasting;
    Map<String, String> environment = System.getenv();
    int level = 3;
    long maxFileSize = chuan.config.SystemRoot.DEFAULT_MAX_FILE_SIZE;
    Map<String, String> assumedVersions = Map.of();

    /** The files and directories to audit; none means the working directory. */
    public ScanRequest inputs(List<Path> paths) {
        this.inputs = paths.isEmpty() ? List.of(Path.of(".")) : List.copyOf(paths);
        return this;
    }

    /** Only these profiles (ids or files); none means every profile whose globs match. */
    public ScanRequest profiles(List<String> selectors) {
        this.profiles = List.copyOf(selectors);
        return this;
    }

    /** The date validity windows use; null means today. */
    public ScanRequest asOf(LocalDate date) {
        this.asOf = date;
        return this;
    }

    public ScanRequest failOn(FailOn gate) {
        this.failOn = gate;
        return this;
    }

    /** Examples kept per result, 0 for all. */
    public ScanRequest maxExamples(int n) {
        this.maxExamples = n;
        return this;
    }

    /** Personal values and secrets unmasked: only when a person asks for it. */
    public ScanRequest revealPersonalData(boolean reveal) {
        this.revealPersonalData = reveal;
        return this;
    }

    /** Validator threads; null means the number of processors. */
    public ScanRequest workers(Integer threads) {
        this.workers = threads;
        return this;
    }

    /** Newer national reference data; null means the built-in set. */
    public ScanRequest referenceDir(Path dir) {
        this.referenceDir = dir;
        return this;
    }

    public ScanRequest waivers(Path file, boolean strict) {
        this.waivers = file;
        this.strictWaivers = strict;
        return this;
    }

    public ScanRequest baseline(Path file) {
        this.baseline = file;
        return this;
    }

    /**
     * The fingerprint secret's file (null: the environment, else beside the baseline, else the
     * project's), and whether anything written outlives the run (then a lasting secret is chosen).
     */
    public ScanRequest fingerprintKey(Path file, boolean lastingReports) {
        this.fingerprintKey = file;
        this.lasting = lastingReports;
        return this;
    }

    /** Where {@code CHUAN_FINGERPRINT_KEY} is looked up (the process environment unless a test says otherwise). */
    public ScanRequest environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    /** The information-security level, 1 to 5. */
    public ScanRequest level(int n) {
        this.level = n;
        return this;
    }

    public ScanRequest maxFileSize(long bytes) {
        this.maxFileSize = bytes;
        return this;
    }

    public ScanRequest assumedVersions(Map<String, String> versions) {
        this.assumedVersions = new LinkedHashMap<>(versions);
        return this;
    }
}
