package chuan.sql;

import chuan.source.DataSource;
import java.util.List;

/**
 * Tables of a database server read over JDBC ({@code jdbc:postgresql://host/db#public.citizens}): typed
 * cells bound by column name, rows named by their primary key. Not a file kind, so no profile chooses it
 * with {@code format:}; a database target is read as this source.
 */
public final class SqlTables implements DataSource {

    public static final SqlTables INSTANCE = new SqlTables();

    @Override
    public String label() {
        return "sql";
    }

    @Override
    public List<String> suffixes() {
        return List.of();
    }

    @Override
    public boolean recognises(String name) {
        return JdbcUrl.isJdbc(name);
    }

    @Override
    public Shape shape() {
        return Shape.CELLS;
    }

    @Override
    public Locations locations() {
        return Locations.TABLE_ROW;
    }

    @Override
    public List<String> ownRules() {
        return List.of(TableRows.RULE);
    }
}
