package chuan.cli;

import chuan.api.ChuanException;
import chuan.api.ScanRequest;
import chuan.gate.ExitCode;
import chuan.gate.FailOn;
import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.report.AuditListener;
import chuan.report.ConsoleReport;
import chuan.report.Inert;
import chuan.report.Listeners;
import chuan.report.ReportFormat;
import chuan.report.StreamingCsvReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chuan scan}: audit files and directories and decide the gate. */
@Command(name = "scan",
        description = {"Audit files and directories against profiles.",
                "Without -p, every built-in profile and every profile in a scanned directory's "
                        + ".chuan/profiles/ whose applies-to globs match a file is applied to it."},
        mixinStandardHelpOptions = true,
        resourceBundle = "chuan.cli.ScanHelp",
        sortOptions = false)
final class ScanCommand extends ChuanCommand {

    @Parameters(paramLabel = "PATH|JDBC-URL", arity = "0..*",
            description = "Files or directories to audit, or databases (jdbc:postgresql://host/db, jdbc:mariadb://..., "
                    + "jdbc:sqlite:FILE) (default: the databases the -p profiles' source: blocks name, else .).")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-p", "--profile"}, paramLabel = "ID|FILE", completionCandidates = Completions.ProfileIds.class,
            description = "Apply only this profile (repeatable): a built-in id, a project profile id, or a YAML file.")
    List<String> profiles = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FMT[=FILE]", completionCandidates = Completions.Formats.class,
            converter = Converters.Format.class,
            description = "Report format (repeatable): ${COMPLETION-CANDIDATES}. Without =FILE it goes "
                    + "to standard output (at most one). Default: console.")
    List<OutputSpec> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low", converter = Converters.FailOnSeverity.class,
            description = "Lowest severity of a failing result that fails the gate: info, low, medium, high, "
                    + "critical, or never. Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--max-examples", paramLabel = "N", defaultValue = "20",
            description = "Examples kept per result (0 = all). Counts are always exact. Default: ${DEFAULT-VALUE}.")
    int maxExamples;

    @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.AsOf.class,
            description = "The date that validity windows and 'today' use (yyyy-MM-dd). Default: today.")
    LocalDate asOf;

    @Option(names = "--level", paramLabel = "N", defaultValue = "3",
            description = "Information-security level (1-5) of the system, for baselines whose controls depend on it "
                    + "(vn.security-baseline). Default: ${DEFAULT-VALUE}.")
    int level;

    @Mixin
    SharedOptions.Reveal reveal;

    @Mixin
    SharedOptions.AssumedVersions assumed;

    @Option(names = "--reference-dir", paramLabel = "DIR",
            description = "Newer national reference data (code lists, prefixes): DIR/vn/*.csv with the built-in "
                    + "files' names and columns; files it lacks come from the built-in set.")
    Path referenceDir;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Waivers (YAML): time-limited exceptions by rule, path glob and field; see docs/waivers-and-baselines.md.")
    Path waiversFile;

    @Option(names = "--strict-waivers", description = "Waivers that match nothing or name an unknown rule are errors (exit 2).")
    boolean strictWaivers;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Fail only on violations not in this baseline (made by chuan baseline).")
    Path baselineFile;

    @Option(names = "--previous", paramLabel = "REPORT.json",
            description = "A JSON report of an earlier scan of the same targets: metrics with change, rise or fall limits are "
                    + "compared with it, and columns that appeared or disappeared are reported (DATA-SCHEMA-DRIFT).")
    Path previousReport;

    @Option(names = "--threads", paramLabel = "N",
            description = "Validator threads, 1 to 256. Default: the number of processors.")
    Integer threads;

    @Option(names = "--fingerprint-key", paramLabel = "FILE",
            description = "The project's fingerprint secret, made on first use: reports and baselines identify values by "
                    + "fingerprints keyed with it, which cannot be reversed without it. Default: CHUAN_FINGERPRINT_KEY, else "
                    + "fingerprint.key beside --baseline, else .chuan/fingerprint.key.")
    Path fingerprintKey;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "64MiB",
            description = "Largest configuration file read (bytes, or with KiB, MiB, GiB); a larger one is an input "
                    + "error. Default: ${DEFAULT-VALUE}.")
    String maxFileSize;

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE",
            description = "In the databases named: read this table (repeatable). Default: every table the user can read in "
                    + "the current schema(s) that a profile applies to (applies-to matching schema.table, or source: table:).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--query", paramLabel = "SELECT",
            description = "In the databases named: read the rows of this single SELECT or WITH statement (repeatable), "
                    + "with the profiles named by -p.")
    List<String> queries = new ArrayList<>();

    @Option(names = "--driver-path", paramLabel = "DIR",
            description = "A folder of JDBC driver jars for databases without a bundled driver (SQL Server, Oracle).")
    Path driverPath;

    @Option(names = "--pushdown",
            description = "Count rows, completeness and uniqueness in the database (SQL) instead of while reading the rows.")
    boolean pushdown;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The database password, on the file's first line. Default: CHUAN_DB_PASSWORD, else .pgpass "
                    + "(PostgreSQL). The user: CHUAN_DB_USER. Never give a password on the command line.")
    Path passwordFile;

    @Option(names = {"-q", "--quiet"}, description = "No console report; errors still go to standard error.")
    boolean quiet;

    @Mixin
    SharedOptions.NoColor noColor;

    @Option(names = "--no-progress", description = "No progress line on standard error (it is shown only on a terminal).")
    boolean noProgress;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    private long maxBytes;

    @Override
    void validate() throws ChuanException {
        if (maxExamples < 0) {
            throw usage("--max-examples must be 0 (all) or more");
        }
        if (level < 1 || level > 5) {
            throw usage("--level is an information-security level, 1 to 5 (Decree 85/2016, Decree 331/2026)");
        }
        if (threads != null && (threads < 1 || threads > 256)) {
            throw usage("--threads is 1 to 256, not " + threads);
        }
        maxBytes = Sizes.parse(maxFileSize);
        if (maxBytes < 1) {
            throw usage("--max-file-size: '" + maxFileSize + "' is not a size (a number of bytes, or with KiB, MiB, GiB)");
        }
        Optional<String> badVersion = chuan().checkAssumedVersions(assumed.versions);
        if (badVersion.isPresent()) {
            throw usage("--assume-version: " + badVersion.get());
        }
        if (outputs.stream().filter(o -> o.file() == null).count() > 1) {
            throw usage("at most one -f format can go to standard output; give the others a =FILE");
        }
        String refused = Outputs.refusal(outputs.stream().map(OutputSpec::output).filter(java.util.Objects::nonNull).toList(),
                namedInputs());
        if (refused != null) {
            throw usage(refused);
        }
    }

    @Override
    int execute() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        Outputs files = new Outputs(chuan());
        List<AuditListener> listeners = new ArrayList<>();
        boolean stdoutTaken = outputs.stream().anyMatch(o -> o.file() == null);
        if (!quiet && !stdoutTaken && outputs.stream().noneMatch(o -> o.format() == ReportFormat.CONSOLE)) {
            listeners.add(new ConsoleReport(out, Terminal.color(noColor.noColor), false)); // errors go to standard error (ErrorPrinter)
        }
        // --max-examples 0 with a CSV report: every violation streams to the CSV; the other reports keep
        // the default number of examples unless they too need every one
        StreamingCsvReport streamed = null;
        int engineExamples = maxExamples;
        for (OutputSpec o : outputs) {
            if (o.format().streamsEveryViolation() && maxExamples == 0 && o.file() != null && streamed == null) {
                Outputs.ReportFile csv = files.file(o.output());
                streamed = new StreamingCsvReport(csv);
                listeners.add(Outputs.guarded(streamed, csv));
                boolean othersNeedAll = outputs.stream().anyMatch(x -> x.format() != o.format() && x.format().wantsEveryViolation());
                engineExamples = othersNeedAll ? 0 : 20;
            } else {
                listeners.add(files.listener(o, out, !quiet && Terminal.color(noColor.noColor), false));
            }
        }
        listeners.add(0, files.inputGuard()); // first: it decides before any report file is opened
        listeners.add(new ErrorPrinter(err));
        ProgressLine progress = !noProgress && Terminal.interactive() ? new ProgressLine(err) : null;
        if (progress != null) {
            listeners.add(progress);
        }
        listeners.add(session().scanListener()); // last: told of the report every other listener has seen
        // reports that outlive the run (a baseline's JSON, SARIF for code scanning, any report kept) use the project's
        // lasting secret, so the same inputs give the same report; the console alone shows no fingerprint
        boolean lasting = baselineFile != null || outputs.stream().anyMatch(o -> o.format() != ReportFormat.CONSOLE);
        ScanRequest request = new ScanRequest().targets(paths).tables(tables).queries(queries).driverPath(driverPath)
                .pushdown(pushdown).passwordFile(passwordFile).profiles(profiles).asOf(asOf).failOn(failOn)
                .maxExamples(engineExamples).revealPersonalData(reveal.reveal).workers(threads).referenceDir(referenceDir)
                .waivers(waiversFile, strictWaivers).baseline(baselineFile).previous(previousReport).fingerprintKey(fingerprintKey, lasting)
                .level(level).maxFileSize(maxBytes).assumedVersions(assumed.versions);
        try {
            AuditReport report = chuan().scan(request, new Listeners(listeners));
            if (files.refused() != null) {
                throw usage(files.refused());
            }
            List<String> failed = files.failures();
            failed.forEach(f -> err.println("chuan: " + Inert.text(f)));
            return failed.isEmpty() ? report.summary().exitCode() : Math.max(report.summary().exitCode(), ExitCode.USAGE.code());
        } finally {
            if (progress != null) {
                progress.done();
            }
            if (streamed != null) {
                streamed.close(); // the temporary rows of a scan that failed (an internal error, Ctrl-C in the shell)
            }
        }
    }

    /** The files this scan reads before it writes anything: those named on the command line. */
    private List<Path> namedInputs() {
        List<Path> named = new ArrayList<>();
        for (String p : paths) {
            if (!p.regionMatches(true, 0, "jdbc:", 0, 5)) {
                named.add(Path.of(p));
            }
        }
        for (String p : profiles) {
            try {
                named.add(Path.of(p));
            } catch (java.nio.file.InvalidPathException e) {
                // a profile id, not a file
            }
        }
        named.add(waiversFile);
        named.add(baselineFile);
        named.add(previousReport);
        named.add(passwordFile);
        return named;
    }

    /** Prints every error, one line each, on standard error. */
    private static final class ErrorPrinter implements AuditListener {
        private final PrintWriter err;

        ErrorPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void auditFinished(AuditReport report) {
            for (AuditError e : report.errors()) {
                err.println("chuan: " + (e.kind() == AuditError.Kind.CONFIGURATION ? "configuration error: " : "error: ")
                        + Inert.text(e.oneLine()));
            }
            err.flush();
        }
    }
}
