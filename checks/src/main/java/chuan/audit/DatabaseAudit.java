package chuan.audit;

import chuan.dataset.DatasetOutcome;
import chuan.dataset.DatasetScanner;
import chuan.dataset.PushedCounts;
import chuan.dataset.ScanOptions;
import chuan.model.AuditError;
import chuan.model.Result;
import chuan.model.Target;
import chuan.profile.Profile;
import chuan.report.AuditListener;
import chuan.source.DataSource;
import chuan.sql.Credentials;
import chuan.sql.Database;
import chuan.sql.Drivers;
import chuan.sql.JdbcUrl;
import chuan.sql.Pushdown;
import chuan.sql.SqlTables;
import chuan.sql.SqliteFiles;
import chuan.sql.TableRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audits the tables of the planned databases: connects read-only with the credentials the request allows,
 * decides which tables (or queries) each profile reads, and scans each as a target of its own named
 * {@code URL#schema.table} (the URL without its password). A database that cannot be reached, a password
 * that is refused, a table that does not exist: an input error of that database or table (exit 3), in one line.
 */
final class DatabaseAudit {

    /** One thing read in a database: a table or a query, the profiles that read it. */
    private record Work(String name, Database.TableRef table, String query, List<Profile> profiles) {
    }

    private final AuditRequest request;
    private final DatasetScanner scanner;
    private final ScanOptions options;
    private final AcceptanceStage accepted;
    private final AuditListener listener;
    private final List<Target> targets;
    private final List<Result> results;
    private final List<AuditError> errors;
    private Drivers drivers;

    DatabaseAudit(AuditRequest request, DatasetScanner scanner, ScanOptions options, AcceptanceStage accepted, AuditListener listener,
                  List<Target> targets, List<Result> results, List<AuditError> errors) {
        this.request = request;
        this.scanner = scanner;
        this.options = options;
        this.accepted = accepted;
        this.listener = listener;
        this.targets = targets;
        this.results = results;
        this.errors = errors;
    }

    void run(Planner.PlannedDatabase planned) throws IOException {
        DatabaseRequest dr = request.databases();
        JdbcUrl url;
        try {
            url = JdbcUrl.parse(planned.url());
        } catch (IllegalArgumentException e) {
            processing(planned.display(), e.getMessage());
            return;
        }
        boolean file = url.product() == JdbcUrl.Product.SQLITE;
        Credentials credentials;
        try {
            credentials = file ? new Credentials(null, null, null)
                    : Credentials.resolve(url, dr.environment(), dr.passwordFile(), dr.home());
        } catch (Credentials.Unreadable e) {
            processing(planned.display(), e.getMessage());
            return;
        }
        if (drivers == null) {
            try {
                drivers = Drivers.load(dr.driverPath());
            } catch (IOException e) {
                configuration(planned.display(), e.getMessage());
                return;
            }
        }
        try (Database db = Database.connect(url, credentials, drivers)) {
            List<Work> work = work(planned, db);
            for (Work w : work) {
                audit(planned, db, w, file);
            }
        } catch (Database.Failure e) {
            String prefix = url.shown() + ": ";
            processing(planned.display(), e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage());
        }
    }

    /** What to read: the --table and --query of a database named on the command line, else the tables profiles apply to. */
    private List<Work> work(Planner.PlannedDatabase planned, Database db) throws Database.Failure, IOException {
        DatabaseRequest dr = request.databases();
        List<Work> out = new ArrayList<>();
        if (planned.commandLine() && (!dr.tables().isEmpty() || !dr.queries().isEmpty())) {
            for (String named : dr.tables()) {
                Database.TableRef t = db.table(named);
                List<Profile> profiles = planned.named() ? planned.profiles()
                        : planned.profiles().stream().filter(p -> reads(p, t, db, planned)).toList();
                if (profiles.isEmpty()) {
                    configuration(planned.display() + "#" + t.display(), "no profile applies to this table; name one with -p/--profile");
                    continue;
                }
                out.add(new Work(t.display(), t, null, profiles));
            }
            int n = 0;
            for (String q : dr.queries()) {
                n++;
                String name = dr.queries().size() == 1 ? "query" : "query " + n;
                if (!planned.named()) {
                    configuration(planned.display() + "#" + name, "a query is read with the profiles named with -p/--profile");
                    continue;
                }
                out.add(new Work(name, null, q, planned.profiles()));
            }
            return out;
        }
        Map<String, Work> byTable = new LinkedHashMap<>();
        List<Database.TableRef> tables = db.tables();
        for (Profile p : planned.profiles()) {
            if (p.database() != null && p.database().jdbc() != null && !sameDatabase(p.database().jdbc(), db)
                    && !planned.fileMatched().contains(p)) {
                if (p.appliesTo().isEmpty()) {
                    continue; // it audits another database
                }
            }
            if (p.database() != null && p.database().query() != null
                    && (p.database().jdbc() == null || sameDatabase(p.database().jdbc(), db) || planned.fileMatched().contains(p))) {
                String name = "query " + p.id();
                byTable.put(name, new Work(name, null, p.database().query(), List.of(p)));
                continue;
            }
            List<Database.TableRef> reads = new ArrayList<>();
            if (p.database() != null && p.database().table() != null
                    && (p.database().jdbc() == null || sameDatabase(p.database().jdbc(), db) || planned.fileMatched().contains(p))) {
                if (p.database().jdbc() != null || planned.fileMatched().contains(p) || hasTable(tables, p.database().table())) {
                    reads.add(db.table(p.database().table()));
                }
            } else if (planned.fileMatched().contains(p) || planned.named() && p.appliesTo().isEmpty()) {
                if (tables.size() == 1) {
                    reads.add(tables.get(0));
                } else {
                    configuration(planned.display(), "profile " + p.id() + " applies to this database, which holds " + tables.size()
                            + " tables: name the table (--table, or source: table: in the profile)");
                }
            } else if (!p.appliesTo().isEmpty()) {
                for (Database.TableRef t : tables) {
                    if (Globs.anyMatches(p.appliesTo(), t.display()) || Globs.anyMatches(p.appliesTo(), t.name())) {
                        reads.add(t);
                    }
                }
            }
            for (Database.TableRef t : reads) {
                Work w = byTable.get(t.display());
                List<Profile> ps = new ArrayList<>(w == null ? List.of() : w.profiles());
                if (!ps.contains(p)) {
                    ps.add(p);
                }
                byTable.put(t.display(), new Work(t.display(), t, null, ps));
            }
        }
        if (byTable.isEmpty() && (planned.commandLine() || planned.named())) {
            configuration(planned.display(), "no profile applies to any table here (" + tables.size() + " readable); name the table with "
                    + "--table and the profile with -p, or match schema.table with a profile's applies-to");
        }
        out.addAll(byTable.values());
        return out;
    }

    private static boolean hasTable(List<Database.TableRef> tables, String named) {
        return tables.stream().anyMatch(t -> t.display().equalsIgnoreCase(named.trim()) || t.name().equalsIgnoreCase(named.trim()));
    }

    /** Whether a profile reads table {@code t} of a database named on the command line. */
    private static boolean reads(Profile p, Database.TableRef t, Database db, Planner.PlannedDatabase planned) {
        if (p.database() != null && p.database().table() != null) {
            String named = p.database().table().trim();
            return named.equalsIgnoreCase(t.display()) || named.equalsIgnoreCase(t.name());
        }
        return planned.fileMatched().contains(p) || !p.appliesTo().isEmpty()
                && (Globs.anyMatches(p.appliesTo(), t.display()) || Globs.anyMatches(p.appliesTo(), t.name()));
    }

    private static boolean sameDatabase(String jdbc, Database db) {
        try {
            return JdbcUrl.parse(jdbc).shown().equals(db.url().shown());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void audit(Planner.PlannedDatabase planned, Database db, Work w, boolean file) throws IOException {
        String display = planned.display() + "#" + w.name();
        DataSource format = file ? new SqliteFiles() : SqlTables.INSTANCE;
        List<Result> own = new ArrayList<>();
        List<AuditError> ownErrors = new ArrayList<>();
        long records = 0;
        for (Profile p : w.profiles()) {
            try {
                PushedCounts pushed = request.databases().pushdown() ? Pushdown.count(db, w.table(), w.query(), p) : null;
                try (TableRows rows = w.table() != null ? db.read(w.table(), request.revealPersonalData())
                        : db.query(w.query(), request.revealPersonalData())) {
                    DatasetOutcome o = scanner.scan(rows, format, null, display, p, options, listener, pushed, tableKeys(db, format));
                    own.addAll(o.results());
                    ownErrors.addAll(o.errors());
                    records = Math.max(records, o.records());
                }
            } catch (Database.Failure e) {
                ownErrors.add(new AuditError(AuditError.Kind.PROCESSING, display, null, null, withoutUrl(e.getMessage(), db)));
            } catch (IOException e) {
                ownErrors.add(new AuditError(AuditError.Kind.PROCESSING, display, null, null, e.getMessage()));
            }
        }
        own = accepted.apply(own);
        Target target = new Target(display, "dataset", format.label(), w.profiles().stream().map(Profile::id).toList(), null, 0,
                records, Audit.targetStatus(own, ownErrors));
        targets.add(target);
        results.addAll(own);
        errors.addAll(ownErrors);
        listener.targetFinished(target, own, ownErrors);
    }

    /** A foreign key's table of this database: its distinct key values, read with SELECT DISTINCT in the read-only transaction. */
    private DatasetScanner.TableKeys tableKeys(Database db, DataSource format) {
        return t -> {
            String what = "the reference of a foreign key, table " + t.table() + " (" + String.join(", ", t.columns()) + ")";
            try (TableRows rows = db.distinct(db.table(t.table()), t.columns(), false)) {
                return scanner.collect(rows, format, t.table(), t.columns(), options, what);
            } catch (Database.Failure e) {
                throw new DatasetScanner.ReferenceUnreadable(what + ": " + withoutUrl(e.getMessage(), db));
            }
        };
    }

    private static String withoutUrl(String message, Database db) {
        String prefix = db.url().shown() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private void processing(String display, String message) {
        AuditError e = new AuditError(AuditError.Kind.PROCESSING, display, null, null, message);
        errors.add(e);
    }

    private void configuration(String display, String message) throws IOException {
        AuditError e = new AuditError(AuditError.Kind.CONFIGURATION, display, null, null, message);
        errors.add(e);
        listener.configurationError(e);
    }

    static Path home() {
        String h = System.getProperty("user.home");
        return h == null ? null : Path.of(h);
    }
}
