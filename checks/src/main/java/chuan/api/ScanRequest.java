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
    List<String> urls = List.of();
    List<String> tables = List.of();
    List<String> queries = List.of();
    Path driverPath;
    boolean pushdown;
    Path passwordFile;
    Path home = System.getProperty("user.home") == null ? null : Path.of(System.getProperty("user.home"));
    boolean inputsGiven;

    /** The files and directories to audit; none means the working directory. */
    public ScanRequest inputs(List<Path> paths) {
        this.inputs = paths.isEmpty() ? List.of(Path.of(".")) : List.copyOf(paths);
        this.inputsGiven = !paths.isEmpty();
        return this;
    }

    /**
     * What to audit as a user names it: JDBC URLs ({@code jdbc:postgresql://host/db}; a password in one is used and
     * never shown) and paths of files and directories. None means the databases the named profiles' {@code source:}
     * blocks name, else the working directory.
     */
    public ScanRequest targets(List<String> named) {
        List<Path> paths = new java.util.ArrayList<>();
        List<String> jdbc = new java.util.ArrayList<>();
        for (String n : named) {
            if (chuan.sql.JdbcUrl.isJdbc(n)) {
                jdbc.add(n);
            } else {
                paths.add(Path.of(n));
            }
        }
        this.urls = List.copyOf(jdbc);
        this.inputs = List.copyOf(paths);
        this.inputsGiven = !named.isEmpty();
        return this;
    }

    /** In the databases named: only these tables ({@code schema.table} or {@code table}); none means every table a profile applies to. */
    public ScanRequest tables(List<String> names) {
        this.tables = List.copyOf(names);
        return this;
    }

    /** In the databases named: these SELECT (or WITH) queries, each read as a dataset with the profiles named. */
    public ScanRequest queries(List<String> selects) {
        this.queries = List.copyOf(selects);
        return this;
    }

    /** A folder of JDBC driver jars (SQL Server's, Oracle's) besides the bundled drivers; null for none. */
    public ScanRequest driverPath(Path dir) {
        this.driverPath = dir;
        return this;
    }

    /** Row count, completeness and uniqueness counted by the database in SQL. */
    public ScanRequest pushdown(boolean inDatabase) {
        this.pushdown = inDatabase;
        return this;
    }

    /** A file whose first line is the database password; null for none (then CHUAN_DB_PASSWORD, then .pgpass). */
    public ScanRequest passwordFile(Path file) {
        this.passwordFile = file;
        return this;
    }

    /** The home folder holding {@code .pgpass} (the user's unless a test says otherwise). */
    public ScanRequest home(Path dir) {
        this.home = dir;
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

    Path previous;

    /** A JSON report of an earlier scan of the same targets, whose metrics this scan's are compared with (null: none). */
    public ScanRequest previous(Path report) {
        this.previous = report;
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
