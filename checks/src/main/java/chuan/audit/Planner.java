package chuan.audit;

import chuan.model.AuditError;
import chuan.profile.Profile;
import chuan.profile.ProfileException;
import chuan.profile.ProfileProblem;
import chuan.profile.ProfileRegistry;
import chuan.source.DataSources;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which profile applies to which file. Directories are walked recursively, hidden files
 * and folders skipped unless named, and nothing that resolves outside a scanned directory is read.
 * A directory holding a system's {@code etc/} (an image, a mounted disk, a repository of server
 * configuration, or {@code /}) is a system root: config profiles audit it as a whole, and the
 * walk for datasets does not go into it.
 */
final class Planner {

    /** One file to audit and the profiles that apply to it. */
    record PlannedTarget(Path file, String display, List<Profile> profiles) {
    }

    /** A system root and the config profiles that audit it; {@code named}: the profiles were named with -p. */
    record PlannedSystem(Path root, String display, List<Profile> profiles, boolean named) {
    }

    /**
     * A database to read: its URL ({@code url}, as given: it may hold a password and is never shown), how targets
     * name it ({@code display}: the URL without its password, or an SQLite file's path), the dataset profiles that
     * may apply to its tables, those whose {@code applies-to} matched the file itself ({@code fileMatched}, an SQLite
     * file in a scanned folder), whether the profiles were named with -p, and whether it was named on the command
     * line (then {@code --table} and {@code --query} are about it).
     */
    record PlannedDatabase(String url, String display, List<Profile> profiles, List<Profile> fileMatched, boolean named,
                           boolean commandLine) {
    }

    /** The plan, or the configuration errors that prevent one. */
    record Plan(List<PlannedTarget> targets, List<PlannedSystem> systems, List<PlannedDatabase> databases, List<AuditError> errors) {
    }

    private final ProfileRegistry registry;

    Planner(ProfileRegistry registry) {
        this.registry = registry;
    }

    Plan plan(List<Path> inputs, List<String> selectors) {
        return plan(inputs, selectors, List.of());
    }

    /**
     * {@code urls}: JDBC URLs named as inputs. With neither paths nor URLs, the databases the named profiles'
     * {@code source:} blocks name are read, else the working directory.
     */
    Plan plan(List<Path> inputs, List<String> selectors, List<String> urls) {
        List<AuditError> errors = new ArrayList<>();
        List<PlannedTarget> targets = new ArrayList<>();
        List<PlannedSystem> systems = new ArrayList<>();
        List<PlannedDatabase> databases = new ArrayList<>();
        if (!urls.isEmpty() || inputs.isEmpty()) {
            List<Profile> here = databaseProfiles(selectors, errors);
            List<Profile> datasets = here.stream().filter(p -> p.kind() == Profile.Kind.DATASET).toList();
            for (String url : urls) {
                databases.add(new PlannedDatabase(url, shown(url), datasets, List.of(), !selectors.isEmpty(), true));
            }
            if (urls.isEmpty() && errors.isEmpty()) {
                java.util.Set<String> named = new java.util.LinkedHashSet<>();
                if (!selectors.isEmpty()) {
                    datasets.stream().filter(p -> p.database() != null && p.database().jdbc() != null)
                            .forEach(p -> named.add(p.database().jdbc()));
                }
                for (String url : named) {
                    databases.add(new PlannedDatabase(url, shown(url), datasets, List.of(), true, false));
                }
                if (named.isEmpty()) {
                    inputs = List.of(Path.of("."));
                }
            }
        }
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                errors.add(config(input.toString(), "no such file or directory"));
                continue;
            }
            Path dir = Files.isDirectory(input) ? input : parentOf(input);
            List<Profile> project;
            try {
                project = registry.projectProfiles(dir);
            } catch (ProfileException e) {
                e.problems().forEach(p -> errors.add(config(p)));
                continue;
            }
            List<Profile> explicit = new ArrayList<>();
            for (String s : selectors) {
                try {
                    explicit.add(registry.resolve(s, project));
                } catch (ProfileException e) {
                    e.problems().forEach(p -> errors.add(config(p)));
                }
            }
            if (!errors.isEmpty()) {
                continue;
            }
            List<Profile> all = new ArrayList<>();
            if (selectors.isEmpty()) {
                all.addAll(registry.builtIns().values());
                all.addAll(project);
            } else {
                all.addAll(explicit);
            }
            List<Profile> candidates = all.stream().filter(p -> p.kind() == Profile.Kind.DATASET).toList();
            List<Profile> config = all.stream().filter(p -> p.kind() == Profile.Kind.CONFIG).toList();
            if (Files.isDirectory(input)) {
                List<Path> roots = new ArrayList<>();
                walk(input, candidates, !selectors.isEmpty(), targets, databases, errors, config.isEmpty() ? null : roots);
                if (roots.isEmpty() && !config.isEmpty() && !selectors.isEmpty()) {
                    roots.add(input); // a config profile named for a directory with no etc/: the directory is the root
                }
                for (Path r : roots) {
                    systems.add(new PlannedSystem(r, display(r), config, !selectors.isEmpty()));
                }
            } else if (chuan.profile.FrictionlessLoader.packageName(input)) {
                planPackage(input, targets, errors);
            } else if (!config.isEmpty() && candidates.isEmpty()) {
                errors.add(config(input.toString(), "config profiles audit a directory (a system root), not a single file"));
            } else {
                String name = input.getFileName().toString();
                List<Profile> applies = new ArrayList<>();
                for (Profile p : candidates) {
                    if (!selectors.isEmpty() || Globs.anyMatches(p.appliesTo(), name)
                            || Globs.anyMatches(p.appliesTo(), display(input))) {
                        applies.add(p);
                    }
                }
                if (isDatabaseFile(input)) {
                    List<Profile> matched = applies;
                    databases.add(new PlannedDatabase(chuan.sql.SqliteFiles.url(real(input)), display(input), candidates,
                            selectors.isEmpty() ? matched : candidates, !selectors.isEmpty(), true));
                } else if (!applies.isEmpty()) {
                    targets.add(new PlannedTarget(real(input), display(input), applies));
                } else {
                    errors.add(config(input.toString(), "no profile applies to this file; name one with -p/--profile"));
                }
            }
        }
        if (errors.isEmpty() && targets.isEmpty() && systems.isEmpty() && databases.isEmpty()) {
            errors.add(config(String.join(", ", inputs.stream().map(Path::toString).toList()),
                    "nothing to audit: no profile applies to any file here (see 'chuan profiles', or name one with -p)"));
        }
        targets.sort(Comparator.comparing(PlannedTarget::display));
        databases.sort(Comparator.comparing(PlannedDatabase::commandLine).reversed().thenComparing(PlannedDatabase::display));
        systems.sort(Comparator.comparing(PlannedSystem::display));
        return new Plan(targets, systems, databases, errors);
    }

    /**
     * A Frictionless Data Package named on the command line: each resource's file, inside the package's folder
     * (links too), scanned with the profile its schema, dialect and encoding make; the profiles named with -p do not
     * apply to them. A resource whose file is missing is an error of that resource; inline data is not scanned
     * (the loader warns).
     */
    private void planPackage(Path input, List<PlannedTarget> targets, List<AuditError> errors) {
        chuan.profile.FrictionlessLoader.DataPackage pkg;
        try {
            pkg = registry.loader().loadPackage(input);
        } catch (ProfileException e) {
            e.problems().forEach(p -> errors.add(config(p)));
            return;
        }
        Path realDir = real(pkg.dir());
        for (chuan.profile.FrictionlessLoader.Resource r : pkg.resources()) {
            if (r.file() == null) {
                continue;
            }
            Path shown = parentOf(input).equals(Path.of(".")) ? Path.of(r.path()) : input.getParent() == null
                    ? Path.of(r.path()) : input.getParent().resolve(r.path());
            if (!Files.isRegularFile(r.file())) {
                errors.add(new AuditError(AuditError.Kind.PROCESSING, display(shown), null, null,
                        "resource '" + r.name() + "' of " + display(input) + ": no such file"));
                continue;
            }
            if (!real(r.file()).startsWith(realDir)) {
                errors.add(config(display(shown), "resource '" + r.name() + "' of " + display(input)
                        + " links outside the package's folder; not read"));
                continue;
            }
            targets.add(new PlannedTarget(real(r.file()), display(shown), List.of(r.profile())));
        }
    }

    /** The profiles a database named by URL may be read with: those named with -p, else every built-in and project one. */
    private List<Profile> databaseProfiles(List<String> selectors, List<AuditError> errors) {
        List<Profile> project;
        try {
            project = registry.projectProfiles(Path.of("."));
        } catch (ProfileException e) {
            e.problems().forEach(p -> errors.add(config(p)));
            return List.of();
        }
        if (selectors.isEmpty()) {
            List<Profile> all = new ArrayList<>(registry.builtIns().values());
            all.addAll(project);
            return all;
        }
        List<Profile> out = new ArrayList<>();
        for (String s : selectors) {
            try {
                out.add(registry.resolve(s, project));
            } catch (ProfileException e) {
                e.problems().forEach(p -> errors.add(config(p)));
            }
        }
        return out;
    }

    /** A URL as shown: without its password. */
    private static String shown(String url) {
        try {
            return chuan.sql.JdbcUrl.parse(url).shown();
        } catch (IllegalArgumentException e) {
            return chuan.sql.JdbcUrl.redact(url);
        }
    }

    /** An SQLite database: one of its endings, and SQLite's first bytes (a {@code .db} may be anything else). */
    static boolean isDatabaseFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return new chuan.sql.SqliteFiles().recognises(name) && chuan.sql.SqliteFiles.isSqlite(file);
    }

    /** Walks for datasets; with {@code systems} non-null, also collects the system roots found (not walked into). */
    private void walk(Path root, List<Profile> candidates, boolean explicit, List<PlannedTarget> targets,
                      List<PlannedDatabase> databases, List<AuditError> errors, List<Path> systems) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            errors.add(config(root.toString(), "cannot read: " + e.getMessage()));
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && hidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (systems != null && isSystemRoot(dir)) {
                        systems.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (hidden(file) || !Files.isRegularFile(file) || !inside(file, realRoot)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    if (isDatabaseFile(file)) {
                        // a database: its tables are planned once it is open (profiles by table name, applies-to or source:)
                        List<Profile> matched = candidates.stream().filter(p -> !p.appliesTo().isEmpty()
                                && Globs.anyMatches(p.appliesTo(), rel)).toList();
                        databases.add(new PlannedDatabase(chuan.sql.SqliteFiles.url(real(file)), display(file), candidates,
                                matched, explicit, false));
                        return FileVisitResult.CONTINUE;
                    }
                    List<Profile> applies = new ArrayList<>();
                    for (Profile p : candidates) {
                        boolean matches = p.appliesTo().isEmpty()
                                ? explicit && DataSources.builtIn().recognise(rel).isPresent()
                                : Globs.anyMatches(p.appliesTo(), rel);
                        if (matches) {
                            applies.add(p);
                        }
                    }
                    if (!applies.isEmpty()) {
                        targets.add(new PlannedTarget(real(file), display(file), applies));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    errors.add(new AuditError(AuditError.Kind.PROCESSING, display(file), null, null,
                            "cannot read: " + exc.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(config(root.toString(), "cannot walk: " + e.getMessage()));
        }
    }

    /** Whether the directory holds a system's configuration: an {@code etc/} with a known daemon's files. */
    static boolean isSystemRoot(Path dir) {
        if (!Files.isDirectory(dir.resolve("etc"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            chuan.config.SystemRoot root = new chuan.config.SystemRoot(dir);
            for (chuan.config.ConfigFormat f : chuan.config.check.ConfigFormats.builtIn().all()) {
                if (!f.readsNamedFiles() && ConfigFiles.installed(root, f)) {
                    return true;
                }
            }
            return root.resolve("/etc/pam.d", "/").map(Files::isDirectory).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The file itself, links resolved now: the scan opens it without following links, so a link
     * swapped in after planning (to a file outside the scanned folder) fails the read instead.
     */
    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file; // reading it will say why
        }
    }

    /** A symbolic link that leads out of the scanned directory is not followed. */
    private static boolean inside(Path file, Path realRoot) {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static String display(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }

    private static AuditError config(String path, String message) {
        return new AuditError(AuditError.Kind.CONFIGURATION, path, null, null, message);
    }

    private static AuditError config(ProfileProblem p) {
        return new AuditError(AuditError.Kind.CONFIGURATION, p.file(), p.line() > 0 ? p.line() : null,
                p.line() > 0 ? p.column() : null, p.message());
    }
}
