package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chuan scan} of a database, end to end on an SQLite file the test makes: a table named with
 * --table, places by primary key, a password in the URL that no report format shows, exit codes of a
 * database that cannot be read, a --query refused before it is sent, and a file left as it was.
 */
class SqlScanTest {

    private static final String PASSWORD = "Sup3r-S3cret-pw";

    @TempDir
    Path dir;
    Path db;
    Path profile;

    @BeforeEach
    void makeDatabase() throws Exception {
        db = dir.resolve("registers.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE households (province_code TEXT NOT NULL, household_id INTEGER NOT NULL, head_id TEXT,"
                    + " members INTEGER, PRIMARY KEY (province_code, household_id))");
            s.execute("INSERT INTO households VALUES ('79', 2, '079203012345', 4), ('01', 7, '001203012345', 0),"
                    + " ('01', 1, NULL, 3), ('79', 1, '079203012345', 2)");
        }
        profile = dir.resolve("households.yaml");
        Files.writeString(profile, """
                profile: test.households
                version: "1"
                title: households
                kind: dataset
                dataset:
                  columns:
                    - name: province_code
                      required: true
                    - name: household_id
                      type: integer
                    - name: head_id
                      required: true
                      unique: true
                      personal: true
                    - name: members
                      type: integer
                      min: 1
                """);
    }

    private String url() {
        return "jdbc:sqlite:" + db;
    }

    @Test
    void aTableIsReadInKeyOrderAndEachFindingIsPlacedByItsKey() {
        CliRunner r = CliRunner.run("scan", url(), "--table", "main.households", "-p", profile.toString(), "-f", "json",
                "--max-examples", "0");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        chuan.model.AuditReport report = Reports.parse(r.out());
        assertThat(report.targets()).singleElement().satisfies(t -> {
            assertThat(t.path()).isEqualTo(url() + "#main.households");
            assertThat(t.format()).isEqualTo("sqlite");
            assertThat(t.records()).isEqualTo(4);
        });
        java.util.Map<String, List<String>> places = new java.util.TreeMap<>();
        report.results().forEach(res -> res.examples().forEach(v -> places.computeIfAbsent(res.rule() + " " + res.field(),
                k -> new ArrayList<>()).add(v.row() + " " + v.place() + " " + v.value())));
        // rows are read ORDER BY the key: (01,1) (01,7) (79,1) (79,2)
        assertThat(places).containsEntry("DATA-REQUIRED head_id", List.of("1 main.households province_code=01 household_id=1 null"))
                .containsEntry("DATA-RANGE members", List.of("2 main.households province_code=01 household_id=7 0"))
                .containsEntry("DATA-UNIQUE head_id", List.of("4 main.households province_code=79 household_id=2 0792******45"))
                .doesNotContainKey("DATA-SQL-TYPE province_code");
        assertThat(r.out()).doesNotContain("079203012345");
    }

    @Test
    void noReportFormatShowsThePasswordOfTheUrl() throws Exception {
        List<String> args = new ArrayList<>(List.of("scan", url() + "?password=" + PASSWORD, "--table", "households",
                "-p", profile.toString(), "--no-color"));
        List<Path> files = new ArrayList<>();
        for (ReportFormat f : ReportFormat.values()) {
            Path file = dir.resolve("report." + f.name().toLowerCase(Locale.ROOT));
            files.add(file);
            args.add("-f");
            args.add(f.name().toLowerCase(Locale.ROOT) + "=" + file);
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        for (Path f : files) {
            String text = Files.readString(f);
            assertThat(text).as(f.getFileName().toString()).doesNotContain(PASSWORD);
            if (!f.toString().endsWith(".markdown")) {
                assertThat(text).as(f.getFileName().toString()).contains("registers.sqlite").contains("main.households");
            }
        }
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
        // and the error of a database that cannot be read names it without the password either
        CliRunner missing = CliRunner.run("scan", "jdbc:sqlite:" + dir.resolve("none.sqlite") + "?password=" + PASSWORD,
                "--table", "households", "-p", profile.toString(), "-f", "json=" + dir.resolve("missing.json"));
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("none.sqlite").contains("no such database file").doesNotContain(PASSWORD)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readString(dir.resolve("missing.json"))).doesNotContain(PASSWORD);
    }

    @Test
    void anUnreachableDatabaseOrAMissingTableIsAnInputErrorInOneLine() {
        CliRunner refused = CliRunner.run("scan", "jdbc:postgresql://127.0.0.1:1/registers?user=chuan&password=" + PASSWORD,
                "--table", "citizens", "-p", profile.toString());
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err().strip().lines().toList()).hasSize(1);
        assertThat(refused.err()).contains("chuan: error: jdbc:postgresql://127.0.0.1:1/registers").contains("cannot connect")
                .doesNotContain(PASSWORD).doesNotContain("\tat ");
        CliRunner table = CliRunner.run("scan", url(), "--table", "public.nope", "-p", profile.toString());
        assertThat(table.exit()).isEqualTo(3);
        assertThat(table.err()).contains("no such table: public.nope").contains("main.households");
    }

    @Test
    void aQueryIsASingleSelectRefusedBeforeItIsSentOtherwise() throws Exception {
        long before = Files.size(db);
        byte[] bytes = Files.readAllBytes(db);
        for (String q : List.of("DELETE FROM households", "SELECT 1; DELETE FROM households", "SELECT * INTO t2 FROM households",
                "SELECT 'a\\'; DELETE FROM households")) {
            CliRunner r = CliRunner.run("scan", url(), "--query", q, "-p", profile.toString());
            assertThat(r.exit()).as(q).isEqualTo(2);
            assertThat(r.err()).as(q).contains("--query refused before it was sent");
        }
        // a write the guard lets through (SQLite has no DML in WITH): the read-only connection refuses it
        CliRunner cte = CliRunner.run("scan", url(), "--query", "WITH d AS (DELETE FROM households RETURNING *) SELECT * FROM d",
                "-p", profile.toString());
        assertThat(cte.exit()).isEqualTo(3);
        CliRunner ok = CliRunner.run("scan", url(), "--query", "SELECT * FROM households WHERE members > 1 ORDER BY head_id;",
                "-p", profile.toString(), "--no-color", "--max-examples", "0");
        assertThat(ok.exit()).as(ok.err()).isEqualTo(1);
        assertThat(ok.out()).contains(url() + "#query").contains("row 1 query row 1:");
        assertThat(Files.size(db)).isEqualTo(before);
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .as("no journal, no temporary file").noneMatch(n -> n.contains("-journal") || n.contains("-wal"));
    }

    @Test
    void aTypeThatCannotHoldTheDeclaredValueIsOneFindingPerColumn() throws Exception {
        Path typed = dir.resolve("typed.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + typed); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE citizens (id BIGINT PRIMARY KEY, birth_date VARCHAR(10), registered DATE)");
            s.execute("INSERT INTO citizens VALUES (79203012345, '2003-03-12', '2020-01-01'), (1203012345, '12/03/2003', '2021-02-03')");
        }
        Path p = dir.resolve("citizens.yaml");
        Files.writeString(p, """
                profile: test.citizens
                version: "1"
                title: citizens
                kind: dataset
                dataset:
                  columns:
                    - {name: id, type: vn.personal-id}
                    - {name: birth_date, type: date}
                    - {name: registered, type: date}
                """);
        CliRunner r = CliRunner.run("scan", typed.toString(), "--table", "citizens", "-p", p.toString(), "--no-color",
                "-f", "json=" + dir.resolve("typed.json"));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        String json = Files.readString(dir.resolve("typed.json"));
        assertThat(json).contains("\"DATA-SQL-TYPE\"").contains("stored as BIGINT, declared text")
                .contains("stored as VARCHAR, declared date");
        assertThat(json).doesNotContain("stored as DATE");
    }
}
