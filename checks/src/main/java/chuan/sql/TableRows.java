package chuan.sql;

import chuan.source.CellRecord;
import chuan.source.CellRows;
import chuan.source.DeclaredColumn;
import chuan.source.RecordPlace;
import chuan.source.SourceFindings;
import chuan.source.SourceRefused;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The rows of a table (or of a SELECT) read through a server-side cursor, each handed to the scanner as
 * text in the form the checks read without ambiguity: a DATE as ISO {@code yyyy-MM-dd} (or the profile column's
 * layout), a TIMESTAMP as an ISO date-time, numbers as plain decimals, booleans as {@code true}/{@code false},
 * NULL as a missing value. A column whose SQL type does not hold what the profile declares is one
 * {@code DATA-SQL-TYPE} finding when the header is bound. A row's place is its table and primary key
 * ({@code public.households province_code=01 household_id=7}; masked where a key column is personal data), or
 * its number in a query ({@code query row 17}). Reading stops when the reading thread is interrupted: the
 * statement is cancelled on the server.
 */
public final class TableRows implements CellRows {

    static final String RULE = "DATA-SQL-TYPE";

    private final Database db;
    private final String sql;
    private final String table;
    private final List<String> key;
    private final boolean reveal;
    private Statement statement;
    private ResultSet rows;
    private List<String> header;
    private int[] sqlTypes;
    private String[] typeNames;
    private int[] keyColumns = new int[0];
    private DeclaredColumn[] declared;
    private DateTimeFormatter[] layouts;
    private long row;
    private Thread watcher;
    private volatile boolean cancelled;
    private volatile boolean closed;

    TableRows(Database db, String sql, String table, List<String> key, boolean reveal) {
        this.db = db;
        this.sql = sql;
        this.table = table;
        this.key = key;
        this.reveal = reveal;
    }

    /** How the rows are named in places: the table ({@code public.citizens}), or null for a query. */
    public String table() {
        return table;
    }

    @Override
    public List<String> header() throws IOException, SourceRefused {
        if (header != null) {
            return header;
        }
        Thread reader = Thread.currentThread();
        try {
            statement = db.connection().createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(Database.FETCH); // a cursor: PostgreSQL with autocommit off, MariaDB streams by fetch size
            startWatching(reader);
            rows = statement.executeQuery(sql);
            ResultSetMetaData md = rows.getMetaData();
            int n = md.getColumnCount();
            List<String> names = new ArrayList<>(n);
            sqlTypes = new int[n];
            typeNames = new String[n];
            for (int i = 1; i <= n; i++) {
                names.add(md.getColumnLabel(i));
                sqlTypes[i - 1] = md.getColumnType(i);
                typeNames[i - 1] = typeName(md, i);
            }
            header = List.copyOf(names);
            keyColumns = new int[key.size()];
            for (int k = 0; k < key.size(); k++) {
                keyColumns[k] = names.indexOf(key.get(k));
            }
            declared = new DeclaredColumn[n];
            java.util.Arrays.fill(declared, DeclaredColumn.UNKNOWN);
            layouts = new DateTimeFormatter[n];
            return header;
        } catch (SQLException e) {
            throw failure(e, "cannot read");
        }
    }

    /** The database's own name of the column's type, with the standard one when it differs ({@code INT8 (BIGINT)}). */
    private static String typeName(ResultSetMetaData md, int i) throws SQLException {
        String name = md.getColumnTypeName(i);
        String standard;
        try {
            standard = java.sql.JDBCType.valueOf(md.getColumnType(i)).getName();
        } catch (IllegalArgumentException e) {
            standard = null;
        }
        if (name == null || name.isBlank()) {
            return standard != null ? standard : "type " + md.getColumnType(i);
        }
        String own = name.toUpperCase(java.util.Locale.ROOT);
        return standard == null || own.startsWith(standard) || standard.equals("OTHER") || standard.equals("JAVA_OBJECT")
                ? own : own + " (" + standard + ")";
    }

    /** Cancels the statement on the server when the reading thread is interrupted (Ctrl-C in the shell). */
    private void startWatching(Thread reader) {
        watcher = new Thread(() -> {
            while (!closed) {
                if (reader.isInterrupted()) {
                    cancelled = true;
                    try {
                        statement.cancel();
                    } catch (SQLException | RuntimeException e) {
                        // the read will end anyway
                    }
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "chuan-sql-cancel");
        watcher.setDaemon(true);
        watcher.start();
    }

    private IOException failure(SQLException e, String doing) {
        if (cancelled) {
            throw new CancellationException("scan of " + (table == null ? "the query" : table) + " cancelled");
        }
        return new IOException(doing + (table == null ? " the query" : " " + table) + ": " + db.oneLine(e));
    }

    @Override
    public void bind(List<DeclaredColumn> columns, SourceFindings findings) {
        for (int c = 0; c < columns.size() && c < declared.length; c++) {
            DeclaredColumn d = columns.get(c);
            declared[c] = d;
            if (d.layout() != null && d.kind().temporal()) {
                layouts[c] = layout(d.layout());
            }
            String problem = SqlTypes.mismatch(sqlTypes[c], typeNames[c], d.kind(), db.url().product());
            if (problem != null) {
                findings.found(RULE, 0, table, c, null, SqlTypes.expected(d.kind()), problem);
            }
        }
    }

    /** A profile column's date layout as a formatter, or null when it is not one java.time writes the same way. */
    private static DateTimeFormatter layout(String layout) {
        if (!layout.matches("[yMdHms'/:. T\\-]+")) {
            return null;
        }
        try {
            return DateTimeFormatter.ofPattern(layout.replace("yyyy", "uuuu").replace("yy", "uu"), java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public boolean next(CellRecord into) throws IOException, SourceRefused {
        if (rows == null) {
            header();
        }
        try {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                cancelled = true;
                throw new CancellationException("scan of " + (table == null ? "the query" : table) + " cancelled");
            }
            if (!rows.next()) {
                return false;
            }
            row++;
            int n = header.size();
            String[] values = new String[n];
            boolean blank = true;
            for (int c = 0; c < n; c++) {
                values[c] = value(c + 1);
                blank &= values[c] == null || values[c].isEmpty();
            }
            into.values = values;
            into.blank = blank;
            into.place = place(values);
            return true;
        } catch (SQLException e) {
            throw failure(e, "cannot read row " + (row + 1) + " of");
        }
    }

    private RecordPlace place(String[] values) {
        return new Place(values, row);
    }

    /**
     * A row's place: the same for every cell of the row (a table names rows, not cells). Named only when a report
     * shows it: a scan of millions of rows builds (and masks) the few it keeps as examples, not every row's.
     */
    private final class Place implements RecordPlace {
        private final String[] values;
        private final long number;

        Place(String[] values, long number) {
            this.values = values;
            this.number = number;
        }

        @Override
        public String at(int column) {
            if (table == null) {
                return "query row " + number;
            }
            if (keyColumns.length == 0) {
                return table + " row " + number;
            }
            StringBuilder b = new StringBuilder(table);
            for (int k = 0; k < keyColumns.length; k++) {
                int c = keyColumns[k];
                String v = c < 0 ? null : values[c];
                b.append(' ').append(key.get(k)).append('=');
                if (v == null) {
                    b.append("NULL");
                } else if (declared[c].personal() && !reveal) {
                    b.append(chuan.model.Masking.mask(v));
                } else {
                    b.append(v);
                }
            }
            return b.toString();
        }
    }

    /** Column {@code i} (1-based) of the current row as the checks read it; null for SQL NULL. */
    private String value(int i) throws SQLException {
        int c = i - 1;
        if (db.url().product() == JdbcUrl.Product.SQLITE) {
            return rows.getString(i); // SQLite stores text, integers and reals as written: its declared types are advice
        }
        switch (sqlTypes[c]) {
            case Types.DATE -> {
                LocalDate d;
                try {
                    d = rows.getObject(i, LocalDate.class);
                } catch (SQLException | RuntimeException e) {
                    return rows.getString(i); // beyond java.time (PostgreSQL's infinity): as the server writes it
                }
                return d == null ? null : layouts[c] != null ? layouts[c].format(d) : d.toString();
            }
            case Types.TIMESTAMP -> {
                LocalDateTime t;
                try {
                    t = rows.getObject(i, LocalDateTime.class);
                } catch (SQLException | RuntimeException e) {
                    return rows.getString(i);
                }
                if (t == null) {
                    return null;
                }
                return layouts[c] != null ? layouts[c].format(t) : t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t;
                try {
                    t = rows.getObject(i, OffsetDateTime.class);
                } catch (SQLException | RuntimeException e) {
                    return rows.getString(i);
                }
                return t == null ? null : t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            case Types.TIME -> {
                LocalTime t;
                try {
                    t = rows.getObject(i, LocalTime.class);
                } catch (SQLException | RuntimeException e) {
                    return rows.getString(i);
                }
                return t == null ? null : t.format(DateTimeFormatter.ISO_LOCAL_TIME);
            }
            case Types.TIME_WITH_TIMEZONE -> {
                OffsetTime t;
                try {
                    t = rows.getObject(i, OffsetTime.class);
                } catch (SQLException | RuntimeException e) {
                    return rows.getString(i);
                }
                return t == null ? null : t.toString();
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal d;
                try {
                    d = rows.getBigDecimal(i);
                } catch (SQLException e) {
                    return rows.getString(i); // NaN in a PostgreSQL numeric
                }
                return d == null ? null : d.toPlainString();
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double v = rows.getDouble(i);
                if (rows.wasNull()) {
                    return null;
                }
                if (Double.isNaN(v)) {
                    return "NaN";
                }
                if (Double.isInfinite(v)) {
                    return v > 0 ? "INF" : "-INF";
                }
                return sqlTypes[c] == Types.REAL ? new BigDecimal(Float.toString((float) v)).toPlainString()
                        : BigDecimal.valueOf(v).toPlainString();
            }
            case Types.BOOLEAN -> {
                boolean b = rows.getBoolean(i);
                return rows.wasNull() ? null : Boolean.toString(b);
            }
            case Types.BIT -> {
                if (typeNames[c].startsWith("BIT") && !typeNames[c].equals("BIT") && !typeNames[c].equals("BIT(1)")) {
                    return rows.getString(i);
                }
                boolean b = rows.getBoolean(i);
                return rows.wasNull() ? null : Boolean.toString(b);
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rows.getBytes(i);
                return bytes == null ? null : java.util.HexFormat.of().formatHex(bytes);
            }
            default -> {
                return rows.getString(i);
            }
        }
    }

    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public String fingerprint() {
        return null;
    }

    /** Rows read so far. */
    public long rowsRead() {
        return row;
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (rows != null) {
                rows.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
        if (watcher != null) {
            watcher.interrupt();
        }
    }
}
