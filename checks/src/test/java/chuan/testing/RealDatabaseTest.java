package chuan.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixture works: each real server answers over JDBC and through its own client, holds the
 * sample register exactly as the CSV has it (file order, leading zeros, NULL for an empty field),
 * a DATE column where the typed table has one, a table with a composite key, and runs under the
 * pid it recorded.
 */
class RealDatabaseTest {

    private static final String SAMPLE = "samples/registers/citizen-register-2025-06.csv";

    private static List<String> header;
    private static List<List<String>> records;

    @BeforeAll
    static void readTheSample() throws Exception {
        try (Reader in = Files.newBufferedReader(RealDatabase.repositoryRoot().resolve(SAMPLE), StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
            header = rows.get(0).getParser().getHeaderNames();
            records = new ArrayList<>();
            for (CSVRecord row : rows) {
                List<String> values = new ArrayList<>();
                row.forEach(v -> values.add(v.isEmpty() ? null : v));
                records.add(values);
            }
        }
        assertThat(records).hasSize(300);
    }

    private static RealDatabase server(String kind) {
        return kind.equals("postgres") ? RealDatabase.postgres() : RealDatabase.mariadb();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void answersOverJdbcAndThroughItsClient(String kind) throws SQLException {
        RealDatabase db = server(kind);
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:" + (kind.equals("postgres") ? "postgresql" : "mariadb") + "://127.0.0.1:"
                + db.env("PORT") + "/registers");
        assertThat(db.sql("SELECT 1")).isEqualTo("1");
        try (Connection c = db.connect()) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(c.getMetaData().getDatabaseProductName()).containsIgnoringCase(kind.equals("postgres") ? "PostgreSQL" : "MariaDB");
            assertThat(c.getMetaData().getUserName()).startsWith("chuan");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void theTestRoleNeedsItsPasswordAndIsNoSuperuser(String kind) throws SQLException {
        RealDatabase db = server(kind);
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "not-the-password").close())
                .isInstanceOf(SQLException.class);
        String superuser = kind.equals("postgres") ? "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
                : "SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE = 'SUPER'";
        assertThat(db.sql(superuser)).isIn("f", "0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void citizensHoldsTheSampleAsTheFileHasIt(String kind) throws SQLException {
        RealDatabase db = server(kind);
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM citizens")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
                assertThat(meta.getColumnType(i)).as(meta.getColumnName(i)).isEqualTo(Types.VARCHAR);
            }
            assertThat(columns).as("the header's columns in order, none added").isEqualTo(header);
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        assertThat(rows).hasSize(300);
        assertThat(rows.get(0).get(0)).as("the file's first id, leading zero kept, on the first row").isEqualTo("025174497081");
        assertThat(rows).as("every value in file order, an empty field as NULL").isEqualTo(records);
        // the CSV's empty province_code (record 15) is a NULL, and no value is an empty string
        assertThat(records.get(14).get(4)).isNull();
        assertThat(rows.get(14).get(4)).isNull();
        assertThat(db.sql("SELECT COUNT(*) FROM citizens WHERE province_code IS NULL")).isEqualTo("1");
        assertThat(db.sql("SELECT COUNT(*) FROM citizens WHERE province_code = '' OR birth_date = ''")).isEqualTo("0");
        assertThat(db.sql("SELECT COUNT(*) - COUNT(DISTINCT id) FROM citizens")).as("the duplicate ids are kept").isNotEqualTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void citizensTypedHasADateColumn(String kind) throws SQLException {
        RealDatabase db = server(kind);
        long dates = records.stream().filter(r -> r.get(3) != null).count();
        try (Connection c = db.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            TreeMap<Integer, String> types = new TreeMap<>();
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), "citizens_typed", "%")) {
                while (rs.next()) {
                    types.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
                }
            }
            assertThat(types.values()).as("the header's columns, birth_date a DATE, registered_at text").containsExactly(
                    "id:" + Types.VARCHAR, "full_name:" + Types.VARCHAR, "gender:" + Types.VARCHAR, "birth_date:" + Types.DATE,
                    "province_code:" + Types.VARCHAR, "phone:" + Types.VARCHAR, "email:" + Types.VARCHAR, "tax_code:" + Types.VARCHAR,
                    "address:" + Types.VARCHAR, "registered_at:" + Types.VARCHAR);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, birth_date FROM citizens_typed")) {
                assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(Types.DATE);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("025174497081");
                assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(1974, 11, 6));
            }
        }
        assertThat(db.sql("SELECT COUNT(*) FROM citizens_typed")).as("the rows whose birth_date is a date").isEqualTo(Long.toString(dates));
        assertThat(dates).isEqualTo(299);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void householdsHasACompositePrimaryKey(String kind) throws SQLException {
        RealDatabase db = server(kind);
        TreeMap<Integer, String> key = new TreeMap<>();
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), c.getSchema(), "households")) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        assertThat(key.values()).containsExactly("province_code", "household_id");
        assertThat(db.sql("SELECT head_id FROM households WHERE province_code = '01' AND household_id = 2")).isEqualTo("NULL");
        assertThat(db.sql("SELECT COUNT(*) FROM households")).isEqualTo("5");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void theServerRunsUnderItsRecordedPid(String kind) throws Exception {
        RealDatabase db = server(kind);
        assertThat(ProcessHandle.of(db.pid())).as("process %d", db.pid()).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        Path pidFile = Path.of(db.env("PID_FILE"));
        assertThat(pidFile).exists();
        assertThat(Files.readAllLines(pidFile).get(0).strip()).isEqualTo(Long.toString(db.pid()));
        assertThat(Files.readString(Path.of("/proc/" + db.pid() + "/cmdline"))).contains(db.env("DATA_DIR"));
        assertThat(db.dir().resolve("server.env")).exists();
    }
}
