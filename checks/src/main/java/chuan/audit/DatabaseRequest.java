package chuan.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The databases an audit reads and how: JDBC URLs named as inputs (a password in one is used, never shown),
 * the tables ({@code schema.table}) or SELECT queries to read in each (none: every readable table of the
 * current schema(s) a profile applies to), a folder of vendors' driver jars, whether the row count,
 * completeness and uniqueness are counted by the database ({@code pushdown}), and where credentials come
 * from: a password file, the environment ({@code CHUAN_DB_USER}, {@code CHUAN_DB_PASSWORD}, {@code PGPASSFILE})
 * and the home folder holding {@code .pgpass}.
 */
public record DatabaseRequest(List<String> urls, List<String> tables, List<String> queries, Path driverPath, boolean pushdown,
                              Path passwordFile, Map<String, String> environment, Path home) {

    public static final DatabaseRequest NONE = new DatabaseRequest(List.of(), List.of(), List.of(), null, false, null, Map.of(), null);

    public DatabaseRequest {
        urls = List.copyOf(urls);
        tables = List.copyOf(tables);
        queries = List.copyOf(queries);
        environment = Map.copyOf(environment);
    }

    @Override
    public String toString() {
        return "DatabaseRequest[" + urls.size() + " URL(s), tables=" + tables + ", " + queries.size() + " query(ies), pushdown=" + pushdown + "]";
    }
}
