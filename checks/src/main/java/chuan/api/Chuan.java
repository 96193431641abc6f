package chuan.api;

import chuan.audit.Audit;
import chuan.audit.AuditRequest;
import chuan.config.ConfigFormat;
import chuan.config.ConfigProblem;
import chuan.config.EffectiveRequest;
import chuan.config.EffectiveView;
import chuan.config.InstalledVersions;
import chuan.config.SystemRoot;
import chuan.config.check.ConfigControl;
import chuan.config.check.ConfigFormats;
import chuan.dataset.Inference;
import chuan.gate.Baseline;
import chuan.gate.FingerprintKey;
import chuan.gate.Waivers;
import chuan.model.AuditReport;
import chuan.model.Rule;
import chuan.profile.Profile;
import chuan.profile.ProfileException;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileRegistry;
import chuan.report.AuditListener;
import chuan.report.JsonReport;
import chuan.report.ReportFormat;
import chuan.report.SavedReport;
import chuan.rules.RuleCatalog;
import chuan.standard.PersonalData;
import chuan.standard.ReferenceData;
import chuan.synth.Synthesizer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The library's one front door: everything {@code chuan}'s commands do, each as one call. It owns
 * the registries (rule catalogue, built-in profiles and their packs, config formats, report formats)
 * and the masking policy (personal values and secrets are masked unless a request reveals them), so
 * a caller parses its options, calls here and prints what it gets back.
 */
public final class Chuan {

    private final String version;
    private final RuleCatalog rules;
    private final ProfileRegistry profiles;
    private final ConfigFormats configFormats;

    /** The built-in registries; {@code version} is the tool's, written into reports. */
    public Chuan(String version) {
        this.version = version;
        this.rules = RuleCatalog.builtIn();
        this.profiles = new ProfileRegistry(new ProfileLoader(rules));
        this.configFormats = ConfigFormats.builtIn();
    }

    // ---- scan

    /**
     * Audits what the request names and tells {@code listener} as it goes (every report, the gate,
     * the caller's own hooks: combine several with {@link chuan.report.Listeners}); returns the report.
     * A waiver file, baseline, reference folder or fingerprint key that cannot be used is a
     * {@link ChuanException} before anything is audited.
     */
    public AuditReport scan(ScanRequest r, AuditListener listener) throws ChuanException, IOException {
        if (r.referenceDir != null && !Files.isDirectory(r.referenceDir)) {
            throw ChuanException.usage("--reference-dir: " + r.referenceDir + " is not a directory");
        }
        Waivers waivers = null;
        if (r.waivers != null) {
            try {
                waivers = Waivers.load(r.waivers);
            } catch (ProfileException e) {
                throw ChuanException.problems("configuration error: ", e.problems());
            }
        }
        Baseline baseline = null;
        if (r.baseline != null) {
            try {
                baseline = Baseline.load(r.baseline);
            } catch (ProfileException e) {
                throw ChuanException.problems("configuration error: ", e.problems());
            }
        }
        // reports that outlive the run use the project's lasting secret, so the same inputs give the same report
        FingerprintKey.Chosen key;
        try {
            key = FingerprintKey.choose(r.fingerprintKey, r.environment, r.baseline, Path.of(""), r.lasting);
        } catch (IOException e) {
            throw ChuanException.usage("fingerprint key: " + e.getMessage());
        }
        if ((!r.tables.isEmpty() || !r.queries.isEmpty()) && r.urls.isEmpty()
                && r.inputs.stream().noneMatch(p -> new chuan.sql.SqliteFiles().recognises(p.toString()))) {
            throw ChuanException.usage("--table and --query read a database named as input (jdbc:... or an SQLite file)");
        }
        for (String q : r.queries) {
            String refused = chuan.util.SqlText.refusal(q);
            if (refused != null) {
                throw ChuanException.usage("--query refused before it was sent: " + refused);
            }
        }
        if (!r.queries.isEmpty() && r.profiles.isEmpty()) {
            throw ChuanException.usage("--query needs the profile to read its rows with: name it with -p/--profile");
        }
        if (r.driverPath != null && !Files.isDirectory(r.driverPath)) {
            throw ChuanException.usage("--driver-path: " + r.driverPath + " is not a directory");
        }
        List<Path> inputs = r.inputsGiven ? r.inputs : List.of();
        chuan.audit.DatabaseRequest databases = new chuan.audit.DatabaseRequest(r.urls, r.tables, r.queries, r.driverPath, r.pushdown,
                r.passwordFile, r.environment, r.home);
        AuditRequest request = new AuditRequest(inputs, r.profiles, r.asOf == null ? LocalDate.now() : r.asOf, r.failOn,
                r.maxExamples, r.revealPersonalData, r.workers == null ? Runtime.getRuntime().availableProcessors() : r.workers,
                r.referenceDir == null ? ReferenceData.builtIn() : ReferenceData.fromDirectory(r.referenceDir),
                waivers, r.strictWaivers, baseline, r.level, key.fingerprints(), r.maxFileSize,
                r.assumedVersions, databases);
        Audit audit = new Audit(rules, profiles, version);
        if (r.previous != null) {
            audit.previous(previousReport(r.previous), r.previous.toString());
        }
        return audit.run(request, listener);
    }

    /** The report {@code --previous} names: one that cannot be read, or is not a chuan report, is a configuration error. */
    private static AuditReport previousReport(Path file) throws ChuanException {
        try {
            return SavedReport.read(file);
        } catch (ProfileException e) {
            throw ChuanException.problems("configuration error: --previous: ", e.problems());
        }
    }

    /** Why {@code --assume-version}'s programs and versions cannot be used, if they cannot. */
    public Optional<String> checkAssumedVersions(Map<String, String> assumed) {
        return InstalledVersions.checkAssumed(assumed);
    }

    // ---- reports

    /** The listener that writes a report in {@code format} to {@code sink}, naming rules from the catalogue. */
    public AuditListener report(ReportFormat format, JsonReport.Sink sink) {
        return format.listener(sink, rules);
    }

    /** A report saved by {@code scan -f json=FILE}, read back; a file that is not one is exit 2. */
    public AuditReport readReport(Path file) throws ChuanException {
        try {
            return SavedReport.read(file);
        } catch (ProfileException e) {
            throw ChuanException.problems("", e.problems());
        }
    }

    /**
     * Records a saved report's violations as a baseline at {@code output}; returns how many. A report
     * that cannot be one ({@link IllegalArgumentException}) or a file that cannot be written is exit 2.
     */
    public long writeBaseline(AuditReport report, Path reportFile, Path output) throws ChuanException {
        Baseline.Content content;
        try {
            content = Baseline.fromReport(report, reportFile.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw ChuanException.usage(reportFile + ": " + e.getMessage());
        }
        try {
            Baseline.write(content, output);
        } catch (IOException e) {
            throw ChuanException.usage("-o " + output + ": cannot write: " + e.getMessage());
        }
        return content.findings().stream().mapToLong(Baseline.Finding::count).sum();
    }

    /** What became of the fingerprint key a baseline needs: a line to print, and whether it is a note to heed. */
    public record KeyNote(boolean heed, String text) {
    }

    /**
     * Later scans find the key beside the baseline: copies the one the report was made with there,
     * when it is a file ({@code keyFile}, else the project's). A key from the environment stays where
     * it is (a CI secret): nothing to say then.
     */
    public Optional<KeyNote> keepKeyBeside(String reportKey, Path keyFile, Path baselineFile) {
        Path beside = baselineFile.toAbsolutePath().getParent().resolve(FingerprintKey.FILE_NAME);
        if (keyFile == null && System.getenv(FingerprintKey.ENV) != null) {
            return Optional.empty();
        }
        Path source = keyFile != null ? keyFile : Path.of(".chuan", FingerprintKey.FILE_NAME);
        try {
            if (!Files.exists(source) || !FingerprintKey.load(source).id().equals(reportKey)) {
                return Optional.of(new KeyNote(true, "note: keep the fingerprint key the report was made with (id " + reportKey
                        + ") beside " + baselineFile + " as " + FingerprintKey.FILE_NAME
                        + ", or give it to later scans with --fingerprint-key"));
            }
            if (!Files.exists(beside) && FingerprintKey.copy(source, beside)) {
                return Optional.of(new KeyNote(false, beside
                        + ": the fingerprint key, kept beside the baseline (keep it out of public repositories)"));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new KeyNote(true, source + ": " + e.getMessage()));
        }
    }

    // ---- explain

    /** Every rule of the catalogue, by id. */
    public List<Rule> rules() {
        return rules.all().stream().sorted(Comparator.comparing(Rule::id)).toList();
    }

    /** The rule with this id, written in any case and with spaces around it. */
    public Optional<Rule> rule(String id) {
        return rules.find(id.trim().toUpperCase(Locale.ROOT));
    }

    /** Every rule as Markdown (the text of docs/rules.md). */
    public String rulesMarkdown() {
        return chuan.rules.RuleDocs.markdown(rules);
    }

    /** For a config rule: the built-in profiles whose controls check it, what they read and expect, one line each. */
    public List<String> checkedBy(String ruleId) {
        List<String> lines = new ArrayList<>();
        for (Profile p : profiles.builtIns().values()) {
            if (p.config() == null) {
                continue;
            }
            for (ConfigControl c : p.config().controls()) {
                if (c.id().equals(ruleId)) {
                    lines.add(p.id() + ": " + c.format().label() + " " + c.key() + ", " + c.describeExpectation()
                            + (c.statedDefault() == null ? "" : " (unset: " + c.statedDefault() + ")"));
                }
            }
        }
        return lines;
    }

    // ---- profiles

    private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Where the warnings of loading profiles go, each once as {@code file:line:col: warning: message}: what a
     * Frictionless Table Schema or Data Package asks that chuan does not check.
     */
    public void profileWarnings(java.util.function.Consumer<String> lines) {
        profiles.loader().warnings(w -> {
            String line = w.location().oneLine("warning: " + w.message());
            if (warned.add(line)) {
                lines.accept(line);
            }
        });
    }

    /** A profile written in another schema language, and what of it that language cannot say (one line each). */
    public record Exported(String text, List<String> notExpressed) {
        public Exported {
            notExpressed = List.copyOf(notExpressed);
        }
    }

    /** A dataset profile as Frictionless Table Schema JSON, and what of it a Table Schema cannot say. */
    public Exported tableSchema(Profile p) {
        chuan.profile.TableSchemaWriter.Export e = chuan.profile.TableSchemaWriter.write(p);
        return new Exported(e.json(), e.notExpressed());
    }

    /** The built-in profiles (dataset profiles first), then the project's in {@code projectDir/.chuan/profiles}. */
    public List<Profile> profiles(Path projectDir) throws ChuanException {
        List<Profile> all = new ArrayList<>(profiles.builtIns().values());
        all.addAll(projectProfiles(projectDir));
        return all;
    }

    /** The built-in profiles' ids, sorted. */
    public List<String> builtInProfileIds() {
        return profiles.builtIns().keySet().stream().sorted().toList();
    }

    /** A profile named by a user: a file, a built-in id, or the id of one in {@code projectDir/.chuan/profiles}. */
    public Profile profile(String selector, Path projectDir) throws ChuanException {
        try {
            return profiles.resolve(selector, profiles.projectProfiles(projectDir));
        } catch (ProfileException e) {
            throw ChuanException.problems("", e.problems());
        }
    }

    /** A profile file, checked; its problems are the exception's lines, as {@code file:line:col: message}. */
    public Profile checkProfile(Path file) throws ChuanException {
        try {
            return profiles.loader().load(file);
        } catch (ProfileException e) {
            throw ChuanException.problems("", e.problems());
        }
    }

    /** A profile's documentation page (docs/profiles/ID.md). */
    public String profileMarkdown(Profile p) {
        return chuan.profile.ProfileDocs.markdown(p, rules);
    }

    private List<Profile> projectProfiles(Path dir) throws ChuanException {
        try {
            return profiles.projectProfiles(dir);
        } catch (ProfileException e) {
            throw ChuanException.problems("", e.problems());
        }
    }

    // ---- effective

    /** The formats {@code effective} shows: those shown whole first, then by key, then the file formats. */
    public List<ConfigFormat> effectiveFormats() {
        List<ConfigFormat> out = new ArrayList<>();
        for (EffectiveView.Needs needs : EffectiveView.Needs.values()) {
            out.addAll(effectiveFormats(needs));
        }
        return out;
    }

    /** The formats that need this much to be shown, in registration order. */
    public List<ConfigFormat> effectiveFormats(EffectiveView.Needs needs) {
        return configFormats.all().stream().filter(f -> f.effective().map(v -> v.needs() == needs).orElse(false)).toList();
    }

    /** The format a user named: its label, or with {@code _} or {@code -} for a dot ({@code login_defs}). */
    public Optional<ConfigFormat> effectiveFormat(String name) {
        return effectiveFormats().stream().filter(f -> comparable(f.label()).equals(comparable(name))).findFirst();
    }

    private static String comparable(String name) {
        return name.replace('.', '_').replace('-', '_');
    }

    /** What {@code effective} is asked; secrets are masked unless {@code reveal}. */
    public record EffectiveQuery(Path root, ConfigFormat format, List<String> keys, String file, String service,
                                 String connection, Map<String, String> assumedVersions, boolean reveal) {
    }

    /**
     * Writes, one line each, the configuration {@code q.format()} runs with under {@code q.root()};
     * returns what the daemon would warn of or refuse. A request the view cannot answer is exit 2, a
     * root that cannot be read exit 3.
     */
    public List<ConfigProblem> effective(EffectiveQuery q, Consumer<String> lines) throws ChuanException {
        if (!Files.isDirectory(q.root())) {
            throw ChuanException.usage(q.root() + ": not a directory");
        }
        Optional<String> badVersion = checkAssumedVersions(q.assumedVersions());
        if (badVersion.isPresent()) {
            throw ChuanException.usage("--assume-version: " + badVersion.get());
        }
        SystemRoot system;
        try {
            system = new SystemRoot(q.root());
        } catch (IOException e) {
            throw ChuanException.input(q.root() + ": cannot read: " + e.getMessage());
        }
        EffectiveView view = q.format().effective()
                .orElseThrow(() -> ChuanException.usage(q.format().label() + " has no effective view"));
        if (q.connection() != null && !view.answersForConnection()) {
            throw ChuanException.usage("--match applies to " + String.join(", ", effectiveFormats().stream()
                    .filter(f -> f.effective().orElseThrow().answersForConnection()).map(ConfigFormat::label).toList()) + " only");
        }
        boolean needsFile = view.needs() == EffectiveView.Needs.KEY_AND_FILE;
        if (view.needs() != EffectiveView.Needs.NOTHING && (q.keys().isEmpty() || needsFile && q.file() == null)) {
            throw ChuanException.usage(q.format().label() + " needs --key" + (needsFile ? " and --file" : "")
                    + " (keys as written in config profiles: docs/config-audits.md)");
        }
        try {
            return view.show(new EffectiveRequest(system, q.keys(), q.file(), q.service(), q.connection(), q.assumedVersions(),
                    q.reveal()), lines::accept);
        } catch (EffectiveRequest.Invalid e) {
            throw ChuanException.usage(e.getMessage());
        }
    }

    // ---- infer and synth

    /** A drafted profile: its id and its YAML. */
    public record Draft(String id, String yaml) {
    }

    /** The id a draft of this file gets when none is given: {@code draft.} and the file's name, folded. */
    public String draftId(Path dataset) {
        return "draft." + PersonalData.fold(dataset.getFileName().toString().replaceAll("\\.[A-Za-z]+$", "")).replace('_', '-');
    }

    /** Drafts a dataset profile with this id from the data (the first {@code sample} records; 0 for all). */
    public Draft infer(Path dataset, String id, long sample, LocalDate asOf) throws IOException {
        return new Draft(id, Inference.draft(dataset, id, sample, asOf == null ? LocalDate.now() : asOf));
    }

    /** What a synthesis wrote: rows, and how many carry a defect. */
    public record Synthesized(long rows, long defects) {
    }

    /**
     * Test data for a profile, ready to write; a profile it cannot write data for is an
     * {@link IllegalArgumentException} here, before any file is opened.
     */
    public Synthesis synth(Profile profile, LocalDate asOf) {
        return new Synthesis(profile, new Synthesizer(profile, asOf == null ? LocalDate.now() : asOf, ReferenceData.builtIn()));
    }

    /** A synthesis prepared by {@link #synth}. */
    public static final class Synthesis {
        private final Profile profile;
        private final Synthesizer synthesizer;

        private Synthesis(Profile profile, Synthesizer synthesizer) {
            this.profile = profile;
            this.synthesizer = synthesizer;
        }

        /** The character set the data is written in (the profile's legacy encoding, else UTF-8). */
        public Charset charset() {
            return Synthesizer.charset(profile);
        }

        /**
         * Writes {@code rows} rows, a fraction {@code errorRate} with one defect each, and the truth file that lists them:
         * the data as the file name says (a workbook for {@code .xlsx}, else text in {@link #charset()}).
         */
        public Synthesized write(long rows, double errorRate, long seed, String fileName, java.io.OutputStream data, Writer truth)
                throws IOException {
            Synthesizer.Summary s = synthesizer.write(rows, errorRate, seed, fileName, data, truth);
            return new Synthesized(s.rows(), s.defects());
        }
    }
}
