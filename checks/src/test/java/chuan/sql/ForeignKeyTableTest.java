package chuan.sql;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.api.Chuan;
import chuan.api.ScanRequest;
import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Violation;
import chuan.report.AuditListener;
import chuan.testing.RealDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A foreign key into a table of the same database (real PostgreSQL and MariaDB): the referenced table's distinct
 * values read with SELECT DISTINCT, every dangling value found at its row, the same as the server's own anti-join says.
 */
class ForeignKeyTableTest {

    private static final AuditListener QUIET = new AuditListener() {
    };

    @TempDir
    Path dir;

    private static RealDatabase server(String kind) {
        return kind.equals("postgres") ? RealDatabase.postgres() : RealDatabase.mariadb();
    }

    private AuditReport scan(RealDatabase db, String reference) throws Exception {
        Path profile = dir.resolve("households.yaml");
        Files.writeString(profile, """
                profile: t.households-db
                version: "1"
                title: households
                kind: dataset
                source:
                  table: households
                dataset:
                  primary-key: [province_code, household_id]
                  foreign-keys:
                    - columns: [head_id]
                      reference: {table: %s, columns: [id]}
                  columns:
                    - {name: province_code}
                    - {name: household_id}
                    - {name: head_id, type: vn.personal-id}
                    - {name: members}
                    - {name: street}
                """.formatted(reference));
        return new Chuan("test").scan(new ScanRequest().targets(List.of(db.jdbcUrl())).profiles(List.of(profile.toString()))
                .environment(Map.of(Credentials.USER_ENV, db.user(), Credentials.PASSWORD_ENV, db.password()))
                .asOf(LocalDate.of(2025, 6, 30)).maxExamples(0).workers(2), QUIET);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void danglingHeadsAreTheServersOwnAntiJoin(String kind) throws Exception {
        RealDatabase db = server(kind);
        // the rows (in primary-key order, as the table is read) whose head is not a citizen: the server's answer
        String expected = db.sql("SELECT n FROM (SELECT row_number() OVER (ORDER BY province_code, household_id) AS n, head_id"
                + " FROM households) x WHERE head_id IS NOT NULL AND head_id NOT IN (SELECT id FROM citizens WHERE id IS NOT NULL)"
                + " ORDER BY n");
        List<Long> rows = expected.isBlank() ? List.of() : Arrays.stream(expected.split("\n")).map(String::strip).map(Long::parseLong).toList();
        assertThat(rows).as("the fixture has dangling heads").isNotEmpty();
        AuditReport r = scan(db, "citizens");
        assertThat(r.errors()).isEmpty();
        Result fk = r.results().stream().filter(x -> x.rule().equals("DATA-FOREIGN-KEY")).findFirst().orElseThrow();
        assertThat(fk.violations()).isEqualTo(rows.size());
        assertThat(fk.examples()).extracting(Violation::row).isEqualTo(rows);
        assertThat(fk.examples()).allSatisfy(v -> assertThat(v.value()).contains("*"));
        Result pk = r.results().stream().filter(x -> x.rule().equals("DATA-PRIMARY-KEY-DUPLICATE")).findFirst().orElseThrow();
        assertThat(pk.violations()).isZero(); // the table's own primary key

        // a table that does not exist: an input error of the referring table, never a pass
        AuditReport missing = scan(db, "no_such_table");
        assertThat(missing.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(chuan.model.AuditError.Kind.PROCESSING);
            assertThat(e.message()).contains("table no_such_table (id)").contains("no such table");
        });
        assertThat(missing.results()).noneMatch(x -> x.rule().equals("DATA-FOREIGN-KEY"));
    }
}
