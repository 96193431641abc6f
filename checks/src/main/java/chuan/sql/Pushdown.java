package chuan.sql;

import chuan.dataset.PushedCounts;
import chuan.profile.ColumnSpec;
import chuan.profile.HeaderNames;
import chuan.profile.MetricSpec;
import chuan.profile.Profile;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --pushdown}: the row count, each measured column's filled values (completeness) and each unique
 * column's repeated values counted by the database in SQL, in the same read-only transaction (and so, on
 * PostgreSQL and MariaDB, the same snapshot) the rows are then read in. A value is missing as the scan
 * judges it: NULL, and in a text column the empty string and the column's missing values; repeats are
 * compared as stored (byte for byte on MariaDB, whose default collations fold case).
 */
public final class Pushdown {

    private Pushdown() {
    }

    /** The counts for {@code profile}'s checks on the table (or the query: {@code table} null). */
    public static PushedCounts count(Database db, Database.TableRef table, String query, Profile profile) throws Database.Failure {
        String from = table != null ? db.quoted(table) : "(" + chuan.util.SqlText.withoutFinalSemicolon(query) + ") chuan_q";
        String what = table != null ? table.display() : "the query";
        try (Statement s = db.connection().createStatement()) {
            List<String> names = new ArrayList<>();
            List<SqlTypes.Stored> stored = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT * FROM " + from + " WHERE 1 = 0")) {
                ResultSetMetaData md = r.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    names.add(md.getColumnLabel(i));
                    stored.add(SqlTypes.stored(md.getColumnType(i), md.getColumnTypeName(i), db.url().product()));
                }
            }
            int n = names.size();
            long[] filled = new long[n];
            long[] repeats = new long[n];
            Arrays.fill(filled, -1);
            Arrays.fill(repeats, -1);
            boolean sensitive = profile.dataset().dialect().headerCaseSensitive();
            List<int[]> measured = new ArrayList<>(); // {header column, profile column}
            List<int[]> unique = new ArrayList<>();
            List<ColumnSpec> specs = profile.dataset().columns();
            for (int c = 0; c < specs.size(); c++) {
                int h = bound(specs.get(c), names, sensitive);
                if (h < 0) {
                    continue;
                }
                ColumnSpec spec = specs.get(c);
                boolean isMeasured = profile.dataset().checks().stream()
                        .anyMatch(m -> m.metric() == MetricSpec.Metric.COMPLETENESS && spec.name().equals(m.column()));
                if (isMeasured) {
                    measured.add(new int[] {h, c});
                }
                if (spec.unique() && profile.enabled("DATA-UNIQUE")) {
                    unique.add(new int[] {h, c});
                }
            }
            StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
            for (int[] m : measured) {
                sql.append(", SUM(CASE WHEN ").append(missing(db, names.get(m[0]), stored.get(m[0]), specs.get(m[1])))
                        .append(" THEN 0 ELSE 1 END)");
            }
            sql.append(" FROM ").append(from);
            long rows;
            try (ResultSet r = s.executeQuery(sql.toString())) {
                r.next();
                rows = r.getLong(1);
                for (int k = 0; k < measured.size(); k++) {
                    filled[measured.get(k)[0]] = r.getLong(k + 2);
                }
            }
            for (int[] u : unique) {
                String col = db.quote(names.get(u[0]));
                String exact = db.url().product() == JdbcUrl.Product.MARIADB && stored.get(u[0]) == SqlTypes.Stored.TEXT
                        ? "BINARY " + col : col;
                String q = "SELECT COUNT(*) - COUNT(DISTINCT " + exact + ") FROM " + from + " WHERE NOT ("
                        + missing(db, names.get(u[0]), stored.get(u[0]), specs.get(u[1])) + ")";
                try (ResultSet r = s.executeQuery(q)) {
                    r.next();
                    repeats[u[0]] = r.getLong(1);
                }
            }
            long total = rows;
            return new PushedCounts() {
                @Override
                public long rows() {
                    return total;
                }

                @Override
                public long nonMissing(int column) {
                    return column < filled.length ? filled[column] : -1;
                }

                @Override
                public long repeats(int column) {
                    return column < repeats.length ? repeats[column] : -1;
                }
            };
        } catch (SQLException e) {
            throw new Database.Failure(db.url().shown() + ": --pushdown: cannot count " + what + ": " + db.oneLine(e));
        }
    }

    /** The header column a profile column is bound to, as the scan binds it (name or alias, normalised); -1 when absent. */
    private static int bound(ColumnSpec spec, List<String> names, boolean sensitive) {
        for (String name : spec.aliasesAndName()) {
            String want = HeaderNames.normalise(name, sensitive);
            for (int h = 0; h < names.size(); h++) {
                if (HeaderNames.normalise(names.get(h), sensitive).equals(want)) {
                    return h;
                }
            }
        }
        return -1;
    }

    /** The SQL condition for "this column's value is missing". */
    private static String missing(Database db, String column, SqlTypes.Stored stored, ColumnSpec spec) {
        String col = db.quote(column);
        StringBuilder b = new StringBuilder(col).append(" IS NULL");
        boolean text = stored == SqlTypes.Stored.TEXT || db.url().product() == JdbcUrl.Product.SQLITE;
        if (text) {
            List<String> words = new ArrayList<>(List.of(""));
            for (String w : spec.syntax().missingValues()) {
                if (!words.contains(w)) {
                    words.add(w);
                }
            }
            boolean maria = db.url().product() == JdbcUrl.Product.MARIADB;
            // MariaDB's default collations ignore case and trailing blanks: compared as bytes, as the scan compares
            b.append(" OR ").append(maria ? "BINARY " : "").append(col).append(" IN (");
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i).replace("'", "''");
                b.append(i == 0 ? "" : ", ").append('\'').append(maria ? w.replace("\\", "\\\\") : w).append('\'');
            }
            b.append(')');
        }
        return b.toString();
    }
}
