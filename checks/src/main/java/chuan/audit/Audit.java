package chuan.audit;

import chuan.dataset.DatasetOutcome;
import chuan.dataset.DatasetScanner;
import chuan.dataset.ScanOptions;
import chuan.gate.ExitCode;
import chuan.gate.Gate;
import chuan.model.AuditError;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Summary;
import chuan.model.Target;
import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.report.AuditListener;
import chuan.rules.RuleCatalog;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The library's front door: plans an audit, runs it, tells the listeners, returns the report. */
public final class Audit {

    public static final String TOOL_NAME = "chuan";

    private final RuleCatalog catalog;
    private final ProfileRegistry registry;
    private final String version;

    public Audit(RuleCatalog catalog, String version) {
        this(catalog, new ProfileRegistry(new ProfileLoader(catalog)), version);
    }

    /** An audit that finds built-in profiles in {@code registry} (one the caller keeps, so they are loaded once). */
    public Audit(RuleCatalog catalog, ProfileRegistry registry, String version) {
        this.catalog = catalog;
        this.registry = registry;
        this.version = version;
    }

    public ProfileRegistry registry() {
        return registry;
    }

    private AuditReport previous;
    private String previousName;
    private Changes changes;

    /**
     * Compares this audit's dataset metrics with a previous report ({@code --previous}; {@code name}: its file as
     * messages show it). A report holding none of the dataset targets scanned is a configuration error.
     */
    public Audit previous(AuditReport report, String name) {
        this.previous = report;
        this.previousName = name;
        return this;
    }

    public AuditReport run(AuditRequest request, AuditListener listener) throws IOException {
        Instant started = Instant.now();
        List<String> named = new ArrayList<>(request.inputs().stream().map(Object::toString).toList());
        for (String url : request.databases().urls()) {
            try {
                named.add(chuan.sql.JdbcUrl.parse(url).shown());
            } catch (IllegalArgumentException e) {
                named.add(chuan.sql.JdbcUrl.redact(url));
            }
        }
        listener.auditStarted(named);
        Planner.Plan plan = new Planner(registry).plan(request.inputs(), request.profiles(), request.databases().urls());
        List<Target> targets = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        List<AuditError> errors = new ArrayList<>();
        List<AuditError> planErrors = new ArrayList<>(plan.errors());
        if (request.baseline() != null && !request.baseline().fingerprintKey().equals(request.fingerprints().id())) {
            // under another secret every fingerprint differs: all findings would look new
            planErrors.add(new AuditError(AuditError.Kind.CONFIGURATION, request.baseline().file(), null, null,
                    "recorded with fingerprint key " + request.baseline().fingerprintKey() + ", but this scan's key is "
                            + request.fingerprints().id() + ": scan with the key the baseline was made with "
                            + "(--fingerprint-key FILE, CHUAN_FINGERPRINT_KEY, or the project's .chuan/fingerprint.key)"));
        }
        boolean configBroken = planErrors.stream().anyMatch(e -> e.kind() == AuditError.Kind.CONFIGURATION);
        for (AuditError e : planErrors) {
            if (e.kind() == AuditError.Kind.CONFIGURATION) {
                listener.configurationError(e);
            }
            errors.add(e);
        }
        if (!configBroken) {
            // against a baseline every violation is compared; the examples are cut to the cap afterwards
            AcceptanceStage accepted = new AcceptanceStage(request.waivers(), request.baseline(), request.asOf(),
                    request.maxExamples());
            ScanOptions options = new ScanOptions(request.asOf(), accepted.examplesToKeep(),
                    request.revealPersonalData(), request.workers(), request.reference(), request.fingerprints());
            DatasetScanner scanner = new DatasetScanner(catalog);
            changes = new Changes(catalog, previous, previousName);
            for (Planner.PlannedTarget t : plan.targets()) {
                auditTarget(t, scanner, options, accepted, listener, targets, results, errors);
            }
            if (previous != null && !plan.targets().isEmpty()
                    && plan.targets().stream().noneMatch(t -> changes.previousTarget(t.display()) != null)) {
                AuditError e = new AuditError(AuditError.Kind.CONFIGURATION, previousName, null, null,
                        "--previous: the report holds none of the datasets scanned (it has "
                                + previous.targets().stream().filter(x -> "dataset".equals(x.kind())).map(Target::path).limit(3).toList()
                                + "): compare with a report of the same targets, named the same way");
                listener.configurationError(e);
                errors.add(e);
            }
            DatabaseAudit databases = new DatabaseAudit(request, scanner, options, accepted, listener, targets, results, errors);
            for (Planner.PlannedDatabase d : plan.databases()) {
                databases.run(d);
            }
            for (Planner.PlannedSystem s : plan.systems()) {
                auditSystem(s, accepted, listener, targets, results, errors, request);
            }
            if (request.waivers() != null) {
                reportWaivers(request, plan.systems(), listener, targets, results, errors);
            }
        }
        ExitCode exit = Gate.exitCode(results, errors, request.failOn());
        Summary.BaselineCounts counts = request.baseline() == null ? null : new Summary.BaselineCounts(
                request.baseline().file(), request.baseline().newViolations(), request.baseline().unchanged(),
                request.baseline().fixed());
        Summary summary = new Summary(byStatus(results), failingBySeverity(results),
                exit == ExitCode.PASSED ? chuan.model.GateDecision.PASSED : chuan.model.GateDecision.FAILED, request.failOn().label(), exit.code(), counts);
        AuditReport report = new AuditReport(AuditReport.SCHEMA_VERSION, new AuditReport.Tool(TOOL_NAME, version),
                started, Duration.between(started, Instant.now()).toMillis(), request.asOf(),
                targets, results, errors, summary, request.fingerprints().id());
        listener.auditFinished(report);
        return report;
    }

    /** The waivers' own findings, as a target of their own; strict mode turns the unknown and unused into errors. */
    private void reportWaivers(AuditRequest request, List<Planner.PlannedSystem> plannedSystems, AuditListener listener,
                               List<Target> targets, List<Result> results,
                               List<AuditError> errors) throws IOException {
        List<Result> findings = new ArrayList<>();
        List<AuditError> own = new ArrayList<>();
        java.util.Set<String> profileRules = new java.util.HashSet<>();
        for (Planner.PlannedSystem s : plannedSystems) {
            s.profiles().forEach(p -> p.config().controls().forEach(c -> profileRules.add(c.id())));
        }
        for (Result f : request.waivers().findings(request.asOf(), catalog, profileRules)) {
            boolean strictError = request.strictWaivers() && f.status() == Status.WARN
                    && !f.rule().equals("CHUAN-WAIVER-EXPIRED");
            if (strictError) {
                for (var v : f.examples()) {
                    AuditError e = new AuditError(AuditError.Kind.CONFIGURATION, request.waivers().file(), v.line(), null,
                            v.message() + " (--strict-waivers)");
                    own.add(e);
                    listener.configurationError(e);
                }
                findings.add(f.withStatus(Status.ERROR, "configuration error with --strict-waivers"));
            } else {
                findings.add(f);
            }
        }
        Target t = new Target(request.waivers().file(), "waivers", "yaml", List.of("chuan.waivers"), null, 0,
                findings.isEmpty() ? 0 : findings.get(0).checked(), targetStatus(findings, List.of()));
        targets.add(t);
        results.addAll(findings);
        errors.addAll(own);
        listener.targetFinished(t, findings, List.of());
    }

    private void auditTarget(Planner.PlannedTarget t, DatasetScanner scanner, ScanOptions options, AcceptanceStage accepted,
                             AuditListener listener, List<Target> targets, List<Result> results,
                             List<AuditError> errors) throws IOException {
        List<Result> own = new ArrayList<>();
        List<AuditError> ownErrors = new ArrayList<>();
        long bytes = 0;
        long records = 0;
        String sha = null;
        String format = null;
        java.util.Set<String> parts = new java.util.LinkedHashSet<>();
        List<chuan.model.DatasetShape> shapes = new ArrayList<>();
        for (Profile p : t.profiles()) {
            DatasetOutcome o = scanner.scan(t.file(), t.display(), p, options, listener);
            own.addAll(o.results());
            own.addAll(changes.results(t.display(), p, o.shape(), o.results()));
            if (o.shape() != null) {
                shapes.add(o.shape());
            }
            ownErrors.addAll(o.errors());
            bytes = Math.max(bytes, o.bytes());
            records = Math.max(records, o.records());
            sha = sha == null ? o.fingerprint() : sha;
            parts.addAll(o.parts());
            format = p.dataset().formatOf(DatasetScanner.nameOf(t.display(), t.file())).label();
        }
        own = accepted.apply(own);
        Target target = new Target(t.display(), "dataset", format, t.profiles().stream().map(Profile::id).toList(),
                sha, bytes, records, targetStatus(own, ownErrors), parts.isEmpty() ? null : List.copyOf(parts), shapes);
        targets.add(target);
        results.addAll(own);
        errors.addAll(ownErrors);
        listener.targetFinished(target, own, ownErrors);
    }

    /** Audits a system root with its config profiles: one target per configuration read. */
    private void auditSystem(Planner.PlannedSystem s, AcceptanceStage accepted, AuditListener listener, List<Target> targets, List<Result> results,
                             List<AuditError> errors, AuditRequest request) throws IOException {
        chuan.config.SystemRoot root = new chuan.config.SystemRoot(s.root(), request.maxFileSize());
        ConfigAudit audit = new ConfigAudit(root, s.display(), request.level(), request.revealPersonalData(),
                accepted.examplesToKeep(), catalog, request.fingerprints(),
                request.assumedVersions());
        List<ConfigAudit.Outcome> outcomes = audit.run(s.profiles());
        if (outcomes.isEmpty() && s.named()) {
            // a config profile named for a tree holding none of its files audited nothing: never a silent pass
            java.util.Set<String> looked = new java.util.LinkedHashSet<>();
            s.profiles().forEach(p -> p.config().controls().forEach(c -> looked.addAll(c.searchPaths())));
            AuditError e = new AuditError(AuditError.Kind.CONFIGURATION, s.display(), null, null,
                    "nothing to audit: none of the files " + String.join(", ", s.profiles().stream().map(Profile::id).toList())
                            + " reads is here (looked for " + String.join(", ", looked.stream().limit(6).toList())
                            + (looked.size() > 6 ? ", ..." : "") + ")");
            listener.configurationError(e);
            errors.add(e);
            return;
        }
        for (ConfigAudit.Outcome o : outcomes) {
            List<Result> own = accepted.apply(o.results());
            Target t = o.target();
            Target target = new Target(t.path(), t.kind(), t.format(), t.profiles(), t.fingerprint(), t.bytes(), t.records(),
                    targetStatus(own, o.errors()), t.sources());
            targets.add(target);
            results.addAll(own);
            errors.addAll(o.errors());
            listener.targetFinished(target, own, o.errors());
        }
    }

    static Status targetStatus(List<Result> results, List<AuditError> errors) {
        if (!errors.isEmpty()) {
            return Status.ERROR;
        }
        // the worst status whatever the order: error (not audited completely), then fail, then warn
        boolean fail = false;
        boolean warn = false;
        for (Result r : results) {
            if (r.status() == Status.ERROR) {
                return Status.ERROR;
            }
            fail |= r.status() == Status.FAIL;
            warn |= r.status() == Status.WARN;
        }
        return fail ? Status.FAIL : warn ? Status.WARN : Status.PASS;
    }

    private static Map<String, Long> byStatus(List<Result> results) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s.label(), 0L);
        }
        results.forEach(r -> m.merge(r.status().label(), 1L, Long::sum));
        return m;
    }

    private static Map<String, Long> failingBySeverity(List<Result> results) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            m.put(Severity.values()[i].label(), 0L);
        }
        results.stream().filter(r -> r.status() == Status.FAIL).forEach(r -> m.merge(r.severity().label(), 1L, Long::sum));
        return m;
    }
}
