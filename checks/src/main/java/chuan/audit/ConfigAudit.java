package chuan.audit;

import chuan.config.ConfigFormat;
import chuan.config.ConfigProblem;
import chuan.config.EffectiveConfig;
import chuan.config.SystemRoot;
import chuan.config.check.ConfigControl;
import chuan.config.check.Expectation;
import chuan.model.AuditError;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Target;
import chuan.model.Violation;
import chuan.profile.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Audits one system root against config profiles: finds each control's files inside the root,
 * reads them once the way their program does, and checks the control's key in every scope where it
 * is in force. Each configuration becomes a target (its main file, with the files read in order);
 * each failing scope a violation at the file and line that set the value, or at the main file when a
 * default applies. Nothing outside the root is read: every path goes through {@link SystemRoot}.
 */
final class ConfigAudit {

    /** One audited configuration: the target and what was found in it. */
    record Outcome(Target target, List<Result> results, List<AuditError> errors) {
    }

    static final String INCOMPLETE = "CHUAN-CONFIG-INCOMPLETE";

    private final SystemRoot root;
    private final chuan.model.Rule incompleteRule;
    private final int level;
    private final ConfigFiles files;
    private final ControlCheck check;
    private final chuan.model.Fingerprints fingerprints;
    private final Map<String, Loaded> loaded = new LinkedHashMap<>();
    /** Folders the walk could not read, each with the (profile, control) pairs that look there. */
    private final Map<String, List<String[]>> unreadable = new java.util.TreeMap<>();
    private final List<ConfigControl> unreadableControls = new ArrayList<>();
    private final Map<String, String> assumedVersions;
    private chuan.config.InstalledVersions versions; // read once, when a reader first needs it

    /** A configuration read once, with the results of every control on it. */
    private static final class Loaded {
        final String key;
        final ConfigFormat format;
        final EffectiveConfig config;
        final Set<String> profiles = new LinkedHashSet<>();
        final List<Result> results = new ArrayList<>();

        Loaded(String key, ConfigFormat format, EffectiveConfig config) {
            this.key = key;
            this.format = format;
            this.config = config;
        }
    }

    ConfigAudit(SystemRoot root, String display, int level, boolean reveal, int maxExamples, chuan.rules.RuleCatalog catalog,
                chuan.model.Fingerprints fingerprints, Map<String, String> assumedVersions) {
        this.root = root;
        this.assumedVersions = assumedVersions;
        this.incompleteRule = catalog.get(INCOMPLETE);
        this.level = level;
        this.files = new ConfigFiles(root);
        this.check = new ControlCheck(display, level, reveal, maxExamples, fingerprints);
        this.fingerprints = fingerprints;
    }

    List<Outcome> run(List<Profile> profiles) throws IOException {
        List<Outcome> missing = new ArrayList<>();
        files.prepare(profiles.stream().flatMap(p -> p.config().controls().stream()).toList());
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Profile p : profiles) {
            for (ConfigControl c : p.config().controls()) {
                List<String> found = files.locate(c);
                Expectation expect = c.expectationAt(level);
                if (expect != null) {
                    for (String folder : files.unreadable(c)) {
                        if (done.add(c.id() + "\u0000" + c.key() + "\u0000unreadable:" + folder)) {
                            unreadable.computeIfAbsent(folder, f -> new ArrayList<>()).add(new String[] {p.id(), c.id()});
                            unreadableControls.add(c);
                        }
                    }
                }
                if (found.isEmpty()) {
                    if (c.failIfMissing() && expect != null) {
                        missing.add(absent(p, c));
                    }
                    continue;
                }
                List<Loaded> configs = c.format().readsFilesTogether() ? List.of(loadTree(c, found))
                        : found.stream().map(f -> load(c.format(), f)).toList();
                for (Loaded l : configs) {
                    l.profiles.add(p.id());
                    // the same rule on the same key of the same configuration, from two profiles, is one result
                    if (done.add(c.id() + "\u0000" + c.key() + "\u0000" + l.key)) {
                        l.results.add(expect == null ? check.notAtThisLevel(c, l.config) : check.evaluate(c, expect, l.config));
                    }
                }
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (Loaded l : loaded.values()) {
            out.add(outcome(l));
        }
        out.addAll(missing);
        unreadable.forEach((folder, controls) -> out.add(unlisted(folder, controls)));
        return out;
    }

    /**
     * A folder under a control's globs that could not be listed or read: what it holds (a secret, an
     * application's configuration) was not audited, so each control that looks there is an error
     * for it, never a pass by omission.
     */
    private Outcome unlisted(String folder, List<String[]> controls) {
        String shown = show(folder);
        List<Result> results = new ArrayList<>();
        java.util.Set<String> profileIds = new LinkedHashSet<>();
        String format = null;
        for (String[] pc : controls) {
            ConfigControl c = unreadableControls.stream().filter(x -> x.id().equals(pc[1])).findFirst().orElseThrow();
            profileIds.add(pc[0]);
            format = format == null ? c.format().label() : format;
            results.add(Result.of(c.id(), c.title(), c.severity()).on(shown, c.key()).status(Status.ERROR)
                    .message("could not be checked: " + shown + " cannot be read by this user, and what it holds was not audited")
                    .build());
        }
        AuditError e = new AuditError(AuditError.Kind.PROCESSING, shown, null, null,
                "cannot be read (permission denied): what it holds was not audited; run as a user who can read it");
        Target t = new Target(shown, "config", format, List.copyOf(profileIds), null, 0, results.size(), null, List.of());
        return new Outcome(t, results, List.of(e));
    }

    private Loaded load(ConfigFormat format, String systemPath) {
        String key = format.readsNamedFiles() ? format.label() + ":" + systemPath : format.label();
        return loaded.computeIfAbsent(key, k -> new Loaded(k, format, format.read(root, systemPath, versions())));
    }

    /** The program versions of the root (its package database, or --assume-version): the defaults that apply. */
    private chuan.config.InstalledVersions versions() {
        if (versions == null) {
            versions = chuan.config.InstalledVersions.read(root, assumedVersions);
        }
        return versions;
    }

    /** A format that reads the files together (the secret scan) makes one target of them: the tree. */
    private Loaded loadTree(ConfigControl c, List<String> found) {
        return loaded.computeIfAbsent(c.format().label() + ":" + String.join(",", c.searchPaths()), k -> new Loaded(k, c.format(),
                new chuan.config.CombinedConfig(found.stream().map(f -> c.format().read(root, f, versions())).toList())));
    }

    /** A control that fails when its program has no configuration at all (no time synchronisation). */
    private Outcome absent(Profile p, ConfigControl c) {
        String expected = show("/" + c.searchPaths().get(0));
        Violation v = Violation.builder().field(c.key()).expected("a configuration in one of " + c.searchPaths())
                .message("no " + c.format().label() + " configuration found: looked for " + String.join(", ", c.searchPaths()))
                .key(fingerprints.key(c.key(), "")).file(expected).build();
        Result r = Result.of(c.id(), c.title(), c.severity()).on(expected, c.key()).status(Status.FAIL).counted(1, 1)
                .message(v.message()).examples(List.of(v)).build();
        Target t = new Target(expected, "config", c.format().label(), List.of(p.id()), null, 0, 0, Status.FAIL, List.of());
        return new Outcome(t, List.of(r), List.of());
    }

    private Outcome outcome(Loaded l) throws IOException {
        List<AuditError> errors = new ArrayList<>();
        List<Violation> incomplete = new ArrayList<>();
        for (ConfigProblem p : l.config.problems()) {
            if (p.malformed()) {
                errors.add(new AuditError(AuditError.Kind.PROCESSING, show(p.file()), p.line() > 0 ? (long) p.line() : null, null,
                        p.message()));
            } else {
                incomplete.add(Violation.builder().line(p.line() > 0 ? (long) p.line() : null).message(p.message())
                        .key(fingerprints.key(p.file(), p.message())).file(show(p.file())).build());
            }
        }
        List<Result> results = new ArrayList<>();
        for (Result r : l.results) {
            // what found nothing in a configuration that could not be read faithfully has not passed
            results.add(errors.isEmpty() || r.status() != Status.PASS ? r
                    : r.withStatus(Status.ERROR, "could not be checked completely: " + errors.get(0).oneLine()));
        }
        if (!incomplete.isEmpty()) {
            results.add(Result.of(INCOMPLETE, incompleteRule.title(), incompleteRule.severity()).on(show(l.config.mainFile()), null)
                    .status(Status.WARN).counted(incomplete.size(), incomplete.size()).message(incomplete.get(0).message())
                    .examples(incomplete).build());
        }
        List<String> sources = l.config.filesRead().stream().map(this::show).toList();
        long bytes = 0;
        for (String f : l.config.filesRead()) {
            Optional<Path> disk = root.resolve(f, "/");
            if (disk.isPresent() && Files.isRegularFile(disk.get())) {
                bytes += Files.size(disk.get());
            }
        }
        Target t = new Target(show(l.config.mainFile()), "config", l.format.label(), List.copyOf(l.profiles),
                fingerprint(l.config.mainFile()), bytes, l.results.size(), null, sources); // status: settled by Audit after waivers
        return new Outcome(t, results, errors);
    }

    /** The main file's keyed fingerprint: which bytes were audited, without a hash a word list could reverse. */
    private String fingerprint(String systemPath) {
        Optional<Path> disk = root.resolve(systemPath, "/");
        if (disk.isEmpty() || !Files.isRegularFile(disk.get())) {
            return null;
        }
        try {
            javax.crypto.Mac mac = fingerprints.fileDigest();
            mac.update(root.read(disk.get()));
            return chuan.model.Fingerprints.finish(mac);
        } catch (IOException e) {
            return null;
        }
    }

    private String show(String systemPath) {
        return check.show(systemPath);
    }
}
