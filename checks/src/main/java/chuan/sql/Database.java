package chuan.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * One read-only connection to a database: opened read-only in every way its product offers
 * ({@link Connection#setReadOnly}, a read-only transaction the server enforces, SQLite's read-only open mode
 * and {@code query_only}), never writing, never creating anything (no DDL, no temporary table). It
 * lists the tables the user can read, and reads them, or a SELECT, row by row with a server-side cursor.
 */
public final class Database implements AutoCloseable {

    /** Rows fetched per round trip: the cursor's window, so memory stays flat whatever the table's size. */
    static final int FETCH = 10_000;

    private final JdbcUrl url;
    private final Connection connection;
    private final String password;
    private final String quote;

    private Database(JdbcUrl url, Connection connection, String password) throws SQLException {
        this.url = url;
        this.connection = connection;
        this.password = password;
        String q = connection.getMetaData().getIdentifierQuoteString();
        this.quote = q == null || q.isBlank() ? "\"" : q.trim();
    }

    /** Why a database could not be used: one line naming the URL without its password (an input error, exit 3). */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** Connects read-only; what fails (no driver, refused, bad password, no such file) is a {@link Failure} in one line. */
    public static Database connect(JdbcUrl url, Credentials credentials, Drivers drivers) throws Failure {
        String target = url.connect();
        Properties props = new Properties();
        if (credentials.user() != null) {
            props.setProperty("user", credentials.user());
        }
        if (credentials.password() != null) {
            props.setProperty("password", credentials.password());
        }
        switch (url.product()) {
            case POSTGRESQL -> {
                props.setProperty("readOnly", "true");
                props.setProperty("ApplicationName", "chuan");
                props.setProperty("connectTimeout", "15");
            }
            case MARIADB -> {
                if (url.mysqlScheme()) {
                    props.setProperty("permitMysqlScheme", "true");
                }
                props.setProperty("connectTimeout", "15000");
            }
            case SQLITE -> {
                String file = url.sqliteFile();
                if (file == null) {
                    throw new Failure(url.shown() + ": an in-memory SQLite database holds nothing to audit");
                }
                if (!Files.isRegularFile(Path.of(file))) {
                    throw new Failure(url.shown() + ": no such database file");
                }
                props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: never created, never written
            }
            default -> {
            }
        }
        Driver driver = drivers.forUrl(target);
        if (driver == null) {
            throw new Failure(url.shown() + ": no JDBC driver takes this URL (bundled: PostgreSQL, MariaDB/MySQL, SQLite; "
                    + "others with --driver-path DIR holding the vendor's driver jar)");
        }
        Connection c;
        try {
            c = driver.connect(target, props);
            if (c == null) {
                throw new Failure(url.shown() + ": the driver " + driver.getClass().getName() + " does not take this URL");
            }
        } catch (SQLException e) {
            throw new Failure(url.shown() + ": cannot connect: " + oneLine(e, credentials.password()));
        }
        try {
            Database db = new Database(url, c, credentials.password());
            db.makeReadOnly();
            return db;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new Failure(url.shown() + ": cannot open a read-only session: " + oneLine(e, credentials.password()));
        } catch (Failure f) {
            closeQuietly(c);
            throw f;
        }
    }

    private void makeReadOnly() throws SQLException, Failure {
        switch (url.product()) {
            case POSTGRESQL -> {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (Statement s = connection.createStatement()) {
                    // every transaction of the session, this one included, is read-only: the server refuses writes
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
                    s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
                    try (ResultSet r = s.executeQuery("SHOW transaction_read_only")) {
                        if (!r.next() || !"on".equalsIgnoreCase(r.getString(1))) {
                            throw new Failure(url.shown() + ": the server did not make the session read-only");
                        }
                    }
                }
            }
            case MARIADB -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                    s.execute("SET SESSION TRANSACTION READ ONLY");
                }
                connection.setReadOnly(true);
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    s.execute("START TRANSACTION READ ONLY");
                }
            }
            case SQLITE -> {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                }
                if (!connection.isReadOnly()) {
                    throw new Failure(url.shown() + ": the database could not be opened read-only");
                }
            }
            default -> {
                connection.setReadOnly(true);
                connection.setAutoCommit(false);
            }
        }
    }

    public JdbcUrl url() {
        return url;
    }

    Connection connection() {
        return connection;
    }

    /** A driver's or server's message in one line, the password (if any) never in it. */
    static String oneLine(SQLException e, String password) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = m.strip();
        if (password != null && !password.isEmpty()) {
            m = m.replace(password, "********");
        }
        return JdbcUrl.redact(m);
    }

    String oneLine(SQLException e) {
        return oneLine(e, password);
    }

    /** An identifier quoted as this database quotes them. */
    String quote(String name) {
        return quote + name.replace(quote, quote + quote) + quote;
    }

    String quoted(TableRef t) {
        return t.schema() == null ? quote(t.name()) : quote(t.schema()) + "." + quote(t.name());
    }

    /** The tables and views the user can read in the current schema(s), by schema and name. */
    public List<TableRef> tables() throws Failure {
        List<String[]> names = new ArrayList<>();
        String sql = switch (url.product()) {
            case POSTGRESQL -> "SELECT table_schema, table_name FROM information_schema.tables"
                    + " WHERE table_schema = ANY (current_schemas(false)) AND table_type IN ('BASE TABLE', 'VIEW')"
                    + " AND has_table_privilege(quote_ident(table_schema) || '.' || quote_ident(table_name), 'SELECT')"
                    + " ORDER BY table_schema, table_name";
            case MARIADB -> "SELECT table_schema, table_name FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() ORDER BY table_name";
            case SQLITE -> "SELECT 'main', name FROM sqlite_master WHERE type IN ('table', 'view')"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
            default -> null;
        };
        try {
            if (sql != null) {
                try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
                    while (r.next()) {
                        names.add(new String[] {r.getString(1), r.getString(2)});
                    }
                }
            } else {
                DatabaseMetaData md = connection.getMetaData();
                try (ResultSet r = md.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE", "VIEW"})) {
                    while (r.next()) {
                        String schema = r.getString("TABLE_SCHEM");
                        names.add(new String[] {schema != null ? schema : r.getString("TABLE_CAT"), r.getString("TABLE_NAME")});
                    }
                }
            }
        } catch (SQLException e) {
            throw new Failure(url.shown() + ": cannot list the tables: " + oneLine(e));
        }
        List<TableRef> out = new ArrayList<>();
        for (String[] n : names) {
            out.add(new TableRef(n[0], n[1]));
        }
        return out;
    }

    /**
     * The table a user named ({@code schema.table} or {@code table}; matched exactly, else ignoring case),
     * among those the user can read; a {@link Failure} "no such table" otherwise.
     */
    public TableRef table(String named) throws Failure {
        List<TableRef> all = tables();
        for (boolean exact : new boolean[] {true, false}) {
            for (TableRef t : all) {
                if (t.matches(named, exact)) {
                    return t;
                }
            }
        }
        throw new Failure(url.shown() + ": no such table: " + named + (all.isEmpty() ? " (the user can read no table here)"
                : " (tables here: " + String.join(", ", all.stream().limit(8).map(TableRef::display).toList())
                + (all.size() > 8 ? ", ..." : "") + ")"));
    }

    /** The table's primary key columns, in key order (empty: no primary key). */
    List<String> primaryKey(TableRef t) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        List<Object[]> cols = new ArrayList<>();
        String catalog = url.product() == JdbcUrl.Product.MARIADB ? t.schema() : null;
        String schema = switch (url.product()) {
            case MARIADB, SQLITE -> null;
            default -> t.schema();
        };
        try (ResultSet r = md.getPrimaryKeys(catalog, schema, t.name())) {
            while (r.next()) {
                cols.add(new Object[] {r.getShort("KEY_SEQ"), r.getString("COLUMN_NAME")});
            }
        }
        cols.sort(java.util.Comparator.comparingInt(o -> (Short) o[0]));
        return cols.stream().map(o -> (String) o[1]).toList();
    }

    /** Reads {@code t}, ordered by its primary key when it has one (every run reads the rows in the same order). */
    public TableRows read(TableRef t, boolean reveal) throws Failure {
        List<String> key;
        try {
            key = primaryKey(t);
        } catch (SQLException e) {
            throw new Failure(url.shown() + ": " + t.display() + ": cannot read its primary key: " + oneLine(e));
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(quoted(t));
        if (!key.isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < key.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(quote(key.get(i)));
            }
        }
        return new TableRows(this, sql.toString(), t.display(), key, reveal);
    }

    /** The distinct values of {@code columns} of {@code t} (a foreign key's reference), read in the read-only transaction. */
    public TableRows distinct(TableRef t, List<String> columns, boolean reveal) {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(columns.get(i)));
        }
        sql.append(" FROM ").append(quoted(t));
        return new TableRows(this, sql.toString(), t.display(), List.of(), reveal);
    }

    /** Runs a SELECT the user gave (checked by {@link chuan.util.SqlText#refusal} first: a single SELECT or WITH). */
    public TableRows query(String select, boolean reveal) throws Failure {
        String refused = chuan.util.SqlText.refusal(select);
        if (refused != null) {
            throw new Failure("--query refused before it was sent: " + refused);
        }
        return new TableRows(this, chuan.util.SqlText.withoutFinalSemicolon(select), null, List.of(), reveal);
    }

    /** Ends the read-only transaction (nothing to keep) and closes the connection. */
    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // closing anyway
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing left to do
        }
    }

    /** A table of the database: schema (null when the database has none) and name. */
    public record TableRef(String schema, String name) {

        /** {@code schema.table}: how targets name it and {@code applies-to} globs match it. */
        public String display() {
            return schema == null ? name : schema + "." + name;
        }

        boolean matches(String named, boolean exact) {
            String n = named.trim();
            if (n.length() > 1 && n.startsWith("\"") && n.endsWith("\"") && n.indexOf('"', 1) == n.length() - 1) {
                n = n.substring(1, n.length() - 1);
            }
            return exact ? n.equals(display()) || n.equals(name)
                    : n.toLowerCase(Locale.ROOT).equals(display().toLowerCase(Locale.ROOT))
                    || n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        }
    }
}
