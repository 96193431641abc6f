package chuan.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.api.Chuan;
import chuan.api.ScanRequest;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.report.AuditListener;
import chuan.testing.RealDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables of real PostgreSQL and MariaDB servers ({@link RealDatabase}, never mocks) audited as the
 * sample file is: the same findings at the same records, a DATE column handed over as ISO dates, a BIGINT
 * ID reported as DATA-SQL-TYPE, credentials from the environment, a password file and .pgpass, writes
 * refused by the read-only transaction, --pushdown equal to counting while reading, places by key, and
 * a scan cancelled on the server.
 */
class RealDatabaseScanTest {

    private static final String SAMPLE = "samples/registers/citizen-register-2025-06.csv";
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final AuditListener QUIET = new AuditListener() {
    };

    @TempDir
    Path dir;

    private static RealDatabase server(String kind) {
        return kind.equals("postgres") ? RealDatabase.postgres() : RealDatabase.mariadb();
    }

    private static String schema(String kind) {
        return kind.equals("postgres") ? "public" : "registers";
    }

    private static Map<String, String> env(RealDatabase db) {
        return Map.of(Credentials.USER_ENV, db.user(), Credentials.PASSWORD_ENV, db.password());
    }

    private static AuditReport scan(ScanRequest r) throws Exception {
        return new Chuan("test").scan(r.asOf(AS_OF).maxExamples(0).workers(2), QUIET);
    }

    private static ScanRequest table(RealDatabase db, String table, String profile) {
        return new ScanRequest().targets(List.of(db.jdbcUrl())).tables(List.of(table)).profiles(List.of(profile))
                .environment(env(db));
    }

    /** rule + field -> status, violations, and the rows of the examples. */
    private static Map<String, String> byRule(AuditReport report) {
        Map<String, String> out = new TreeMap<>();
        for (Result r : report.results()) {
            List<Long> rows = r.examples().stream().map(Violation::row).toList();
            out.put(r.rule() + (r.field() == null ? "" : " " + r.field()), r.status().label() + " " + r.violations() + " " + rows);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void theRegisterInATableGivesTheFindingsOfTheFileAtTheSameRecords(String kind) throws Exception {
        RealDatabase db = server(kind);
        AuditReport table = scan(table(db, "citizens", "vn.citizen-register"));
        assertThat(table.errors()).isEmpty();
        assertThat(table.targets()).singleElement().satisfies(t -> {
            assertThat(t.path()).isEqualTo(db.jdbcUrl() + "#" + schema(kind) + ".citizens");
            assertThat(t.format()).isEqualTo("sql");
            assertThat(t.records()).isEqualTo(300);
        });
        AuditReport file = scan(new ScanRequest().inputs(List.of(RealDatabase.repositoryRoot().resolve(SAMPLE)))
                .profiles(List.of("vn.citizen-register")));
        Map<String, String> fromTable = byRule(table);
        Map<String, String> fromFile = byRule(file);
        Map<String, String> common = new HashMap<>(fromFile);
        common.keySet().retainAll(fromTable.keySet());
        assertThat(common.keySet()).as("the rules of both").contains("DATA-UNIQUE id", "VN-PID-BIRTH-DATE birth_date",
                "VN-PROVINCE-CODE province_code", "DATA-TYPE birth_date");
        for (String rule : common.keySet()) {
            assertThat(fromTable.get(rule)).as(rule).isEqualTo(fromFile.get(rule));
        }
        // what only the file has is about text (quotes, line ends), and found nothing; what only the table has is its types
        fromFile.keySet().stream().filter(k -> !fromTable.containsKey(k))
                .forEach(k -> assertThat(fromFile.get(k)).as(k).startsWith("pass 0"));
        assertThat(fromTable.keySet().stream().filter(k -> !fromFile.containsKey(k)).toList()).containsExactly("DATA-SQL-TYPE");
        Result types = table.results().stream().filter(r -> r.rule().equals("DATA-SQL-TYPE")).findFirst().orElseThrow();
        assertThat(types.examples()).extracting(Violation::field).containsExactlyInAnyOrder("birth_date", "registered_at");
        assertThat(types.examples()).allSatisfy(v -> assertThat(v.message()).containsAnyOf("stored as VARCHAR", "stored as TEXT"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void aDateColumnIsHandedOverAsIsoDatesWithoutADataSqlTypeFinding(String kind) throws Exception {
        RealDatabase db = server(kind);
        AuditReport r = scan(table(db, "citizens_typed", "vn.citizen-register"));
        assertThat(r.errors()).isEmpty();
        Result types = r.results().stream().filter(x -> x.rule().equals("DATA-SQL-TYPE")).findFirst().orElseThrow();
        assertThat(types.examples()).extracting(Violation::field).containsExactly("registered_at");
        assertThat(r.results()).filteredOn(x -> x.rule().equals("DATA-TYPE") && "birth_date".equals(x.field()))
                .singleElement().satisfies(x -> assertThat(x.violations()).isZero());
        assertThat(r.targets().get(0).records()).isEqualTo(299);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void aBigintIdIsADataSqlTypeFindingAndAPersonalKeyIsMaskedInThePlace(String kind) throws Exception {
        RealDatabase db = server(kind);
        db.sql("DROP TABLE IF EXISTS bigint_ids");
        db.sql("CREATE TABLE bigint_ids (id BIGINT PRIMARY KEY, full_name VARCHAR(100))");
        db.sql("INSERT INTO bigint_ids VALUES (79203012345, 'Nguyễn Văn An'), (1203012345, 'Trần Thị Bình')");
        AuditReport r = scan(table(db, "bigint_ids", "vn.citizen-register"));
        assertThat(r.errors()).isEmpty();
        Result types = r.results().stream().filter(x -> x.rule().equals("DATA-SQL-TYPE")).findFirst().orElseThrow();
        assertThat(types.status()).isEqualTo(Status.FAIL);
        assertThat(types.examples()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("id");
            assertThat(v.message()).contains("BIGINT").contains(", declared text").contains("leading zeros");
        });
        Result format = r.results().stream().filter(x -> x.rule().equals("VN-PID-FORMAT")).findFirst().orElseThrow();
        assertThat(format.violations()).isEqualTo(2);
        // read ORDER BY the key; the key is the personal ID: masked in the place too
        assertThat(format.examples()).extracting(Violation::place)
                .containsExactly(schema(kind) + ".bigint_ids id=1203****45", schema(kind) + ".bigint_ids id=7920*****45");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void aCompositeKeyNamesTheRow(String kind) throws Exception {
        RealDatabase db = server(kind);
        Path profile = dir.resolve("households.yaml");
        Files.writeString(profile, """
                profile: test.households
                version: "1"
                title: households
                kind: dataset
                source:
                  table: households
                dataset:
                  columns:
                    - {name: province_code, required: true}
                    - {name: household_id, type: integer}
                    - {name: head_id, type: vn.personal-id, required: true}
                    - {name: members, type: integer}
                    - {name: street}
                """);
        // no --table: the profile's source: names the table in whichever database is scanned
        AuditReport r = scan(new ScanRequest().targets(List.of(db.jdbcUrl())).profiles(List.of(profile.toString())).environment(env(db)));
        assertThat(r.errors()).isEmpty();
        assertThat(r.targets()).extracting(t -> t.path()).containsExactly(db.jdbcUrl() + "#" + schema(kind) + ".households");
        Map<String, List<String>> places = new TreeMap<>();
        r.results().forEach(x -> x.examples().forEach(v -> places.computeIfAbsent(x.rule(), k -> new ArrayList<>()).add(v.place())));
        assertThat(places.get("DATA-REQUIRED")).containsExactly(schema(kind) + ".households province_code=01 household_id=2");
        assertThat(places.get("VN-PID-FORMAT")).containsExactly(schema(kind) + ".households province_code=79 household_id=2");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void pushdownCountsWhatTheStreamCounts(String kind) throws Exception {
        RealDatabase db = server(kind);
        Path profile = dir.resolve("counts.yaml");
        Files.writeString(profile, """
                profile: test.counts
                version: "1"
                title: counts
                kind: dataset
                dataset:
                  missing-values: ["", "NA"]
                  columns:
                    - {name: id, unique: true}
                    - {name: email, unique: true}
                    - {name: phone}
                    - {name: tax_code, unique: true}
                  checks:
                    - {metric: row-count, fail: "< 301"}
                    - {metric: completeness, column: email, warn: "< 0.999"}
                    - {metric: completeness, column: phone, fail: "< 0.5"}
                    - {metric: completeness, column: tax_code, warn: "< 1"}
                """);
        for (String t : List.of("citizens", "citizens_typed")) {
            ScanRequest streamed = table(db, t, profile.toString());
            ScanRequest pushed = table(db, t, profile.toString()).pushdown(true);
            Map<String, String> a = counts(scan(streamed));
            Map<String, String> b = counts(scan(pushed));
            assertThat(b).as(t).isEqualTo(a);
            assertThat(a).as(t).containsEntry("DATA-ROW-COUNT", "fail " + (t.equals("citizens") ? 300 : 299));
            assertThat(a.get("DATA-UNIQUE id")).startsWith("fail");
        }
    }

    private static Map<String, String> counts(AuditReport r) {
        assertThat(r.errors()).isEmpty();
        Map<String, String> out = new TreeMap<>();
        for (Result x : r.results()) {
            out.put(x.rule() + (x.field() == null ? "" : " " + x.field()),
                    x.status().label() + " " + (x.rule().equals("DATA-ROW-COUNT") ? x.checked() : x.violations() + "/" + x.checked()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void credentialsComeFromTheEnvironmentOrAPasswordFileAndAWrongOneIsAnInputError(String kind) throws Exception {
        RealDatabase db = server(kind);
        Path file = dir.resolve("pw");
        Files.writeString(file, db.password() + "\n");
        AuditReport fromFile = scan(new ScanRequest().targets(List.of(db.jdbcUrl())).tables(List.of("households"))
                .profiles(List.of("vn.citizen-register")).environment(Map.of(Credentials.USER_ENV, db.user())).passwordFile(file));
        assertThat(fromFile.errors()).isEmpty();
        AuditReport wrong = scan(new ScanRequest().targets(List.of(db.jdbcUrl())).tables(List.of("households"))
                .profiles(List.of("vn.citizen-register"))
                .environment(Map.of(Credentials.USER_ENV, db.user(), Credentials.PASSWORD_ENV, "not-the-password")));
        assertThat(wrong.summary().exitCode()).isEqualTo(3);
        assertThat(wrong.errors()).singleElement().satisfies(e -> {
            assertThat(e.oneLine()).startsWith(db.jdbcUrl() + ": cannot connect: ").doesNotContain("not-the-password")
                    .doesNotContain("\n");
        });
        String withPassword = db.jdbcUrl().replace("//", "//" + db.user() + ":" + db.password() + "@");
        AuditReport inUrl = scan(new ScanRequest().targets(List.of(withPassword)).tables(List.of("households"))
                .profiles(List.of("vn.citizen-register")).environment(Map.of()));
        assertThat(inUrl.errors()).isEmpty();
        assertThat(inUrl.targets().get(0).path()).isEqualTo(db.jdbcUrl() + "#" + schema(kind) + ".households")
                .doesNotContain(db.password());
        AuditReport missing = scan(table(db, "no_such_table", "vn.citizen-register"));
        assertThat(missing.summary().exitCode()).isEqualTo(3);
        assertThat(missing.errors().get(0).oneLine()).contains("no such table: no_such_table");
    }

    @Test
    void postgresqlTakesThePasswordFromPgpass() throws Exception {
        RealDatabase db = RealDatabase.postgres();
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# host:port:database:user:password\nother:*:*:*:nope\n127.0.0.1:" + db.env("PORT") + ":registers:"
                + db.user() + ":" + db.password().replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        AuditReport ok = scan(new ScanRequest().targets(List.of(db.jdbcUrl())).tables(List.of("households"))
                .profiles(List.of("vn.citizen-register")).environment(Map.of(Credentials.USER_ENV, db.user(), "PGPASSFILE", pgpass.toString())));
        assertThat(ok.errors()).isEmpty();
        // readable by others: ignored, as libpq ignores it
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        AuditReport ignored = scan(new ScanRequest().targets(List.of(db.jdbcUrl())).tables(List.of("households"))
                .profiles(List.of("vn.citizen-register")).environment(Map.of(Credentials.USER_ENV, db.user(), "PGPASSFILE", pgpass.toString())));
        assertThat(ignored.summary().exitCode()).isEqualTo(3);
    }

    @Test
    void aWriteSmuggledInAWithIsRefusedByTheReadOnlyTransactionAndChangesNothing() throws Exception {
        RealDatabase db = RealDatabase.postgres();
        String before = db.sql("SELECT count(*) FROM public.households");
        for (String q : List.of("WITH d AS (DELETE FROM public.households RETURNING *) SELECT * FROM d",
                "WITH i AS (INSERT INTO public.households VALUES ('99', 9, NULL, 1, 'x') RETURNING *) SELECT * FROM i",
                "SELECT * FROM public.households FOR UPDATE")) {
            AuditReport r = scan(new ScanRequest().targets(List.of(db.jdbcUrl())).queries(List.of(q)).profiles(List.of("vn.citizen-register"))
                    .environment(env(db)));
            assertThat(r.summary().exitCode()).as(q).isEqualTo(3);
            assertThat(r.errors()).as(q).singleElement().satisfies(e -> assertThat(e.oneLine()).contains("read-only transaction"));
        }
        assertThat(db.sql("SELECT count(*) FROM public.households")).isEqualTo(before);
        assertThatThrownBy(() -> scan(new ScanRequest().targets(List.of(db.jdbcUrl())).queries(List.of("DELETE FROM public.households"))
                .profiles(List.of("vn.citizen-register")).environment(env(db))))
                .hasMessageContaining("--query refused before it was sent");
    }

    @Test
    void aScanIsCancelledOnTheServerWhenItsThreadIsInterrupted() throws Exception {
        RealDatabase db = RealDatabase.postgres();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                scan(new ScanRequest().targets(List.of(db.jdbcUrl())).profiles(List.of("vn.citizen-register")).environment(env(db))
                        .queries(List.of("SELECT c.* FROM public.citizens c, pg_sleep(60) s")));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        long started = System.nanoTime();
        t.start();
        Thread.sleep(1500);
        t.interrupt();
        t.join(20_000);
        assertThat(t.isAlive()).isFalse();
        assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(15);
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertThat(db.sql("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND state = 'active'"
                + " AND pid <> pg_backend_pid()")).isEqualTo("0");
    }
}
