package chuan.sql;

import chuan.source.CellLayout;
import chuan.source.CellRecord;
import chuan.source.CellRows;
import chuan.source.CellSource;
import chuan.source.DeclaredColumn;
import chuan.source.SourceFindings;
import chuan.source.SourceRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An SQLite database file ({@code .sqlite}, {@code .sqlite3}, {@code .db}): opened read-only
 * ({@code jdbc:sqlite:} with SQLite's read-only open mode and {@code query_only}), never created or
 * written. A scan plans each of its tables a profile applies to as a target of its own
 * ({@code registers/households.sqlite#main.households}); opened here as a file, it reads the table the
 * layout names ({@code sheet:}), or its only table.
 */
public final class SqliteFiles implements CellSource {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public String label() {
        return "sqlite";
    }

    @Override
    public List<String> suffixes() {
        return List.of(".sqlite", ".sqlite3", ".db");
    }

    @Override
    public Locations locations() {
        return Locations.TABLE_ROW;
    }

    @Override
    public List<String> ownRules() {
        return List.of(TableRows.RULE);
    }

    /** Whether the file starts as every SQLite 3 database does (a {@code .db} may be anything else). */
    public static boolean isSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** The JDBC URL of a database file. */
    public static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath().normalize();
    }

    @Override
    public CellRows open(Path file, CellLayout layout, javax.crypto.Mac fingerprint) throws SourceRefused, IOException {
        if (!isSqlite(file)) {
            throw new SourceRefused("is not an SQLite 3 database (its first bytes are not \"SQLite format 3\")");
        }
        Database db;
        try {
            db = Database.connect(JdbcUrl.parse(url(file)), new Credentials(null, null, null), Drivers.load(null));
        } catch (Database.Failure e) {
            throw new SourceRefused(e.getMessage());
        }
        try {
            Database.TableRef table;
            if (layout.sheet() != null) {
                table = db.table(layout.sheet());
            } else {
                List<Database.TableRef> all = db.tables();
                if (all.size() != 1) {
                    throw new SourceRefused("holds " + all.size() + " tables: name the one to read (source: table: in the profile)");
                }
                table = all.get(0);
            }
            return new Owning(db, db.read(table, false));
        } catch (Database.Failure e) {
            db.close();
            throw new SourceRefused(e.getMessage());
        } catch (SourceRefused e) {
            db.close();
            throw e;
        }
    }

    /** Rows that close their database when closed. */
    private record Owning(Database db, TableRows rows) implements CellRows {
        @Override
        public List<String> header() throws IOException, SourceRefused {
            return rows.header();
        }

        @Override
        public void bind(List<DeclaredColumn> columns, SourceFindings findings) {
            rows.bind(columns, findings);
        }

        @Override
        public boolean next(CellRecord into) throws IOException, SourceRefused {
            return rows.next(into);
        }

        @Override
        public long bytes() {
            return 0;
        }

        @Override
        public String fingerprint() {
            return null;
        }

        @Override
        public void close() {
            rows.close();
            db.close();
        }
    }
}
