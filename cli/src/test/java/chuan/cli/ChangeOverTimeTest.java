package chuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.model.AuditReport;
import chuan.model.Result;
import chuan.model.Status;
import chuan.model.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --previous through the CLI: a report written, then read back as the previous one. Last month: 10 records,
 * email filled in 8 (0.8), gender Nam 5 of 10 (0.5). This month: 7 records (-30%), email filled in 4 of 7
 * (0.5714, a fall of 0.2286), Nam 5 of 7 (0.7143, +0.2143); the column "note" appeared and "phone" disappeared.
 */
class ChangeOverTimeTest {

    static final String PROFILE = """
            profile: test.monthly
            version: "1"
            title: Monthly extract
            kind: dataset
            dataset:
              extra-columns: allow
              columns:
                - {name: id}
                - {name: gender, enum: [Nam, Nữ]}
                - {name: email, personal: true}
                - {name: age, type: integer}
              checks:
                - {metric: row-count, change: "> 20%"}
                - {metric: completeness, column: email, fall: "> 0.1"}
                - {metric: value-share, column: gender, value: Nam, change: "> 0.1"}
                - {metric: mean, column: age, change: "> 50%", fail: "> 200"}
                - {metric: max, column: age, rise: "> 100"}
            """;

    private static void write(Path file, String header, int records, int emails, int nam, String extra) throws Exception {
        StringBuilder sb = new StringBuilder(header + "\n");
        for (int i = 0; i < records; i++) {
            sb.append(i + 1).append(',').append(i < nam ? "Nam" : "Nữ").append(',').append(i < emails ? "a" + i + "@x.vn" : "")
                    .append(',').append(30 + i).append(',').append(extra).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    private static Result change(AuditReport r, String metric) {
        return r.results().stream().filter(x -> x.rule().equals("DATA-METRIC-CHANGE") && x.metric().metric().equals(metric))
                .findFirst().orElseThrow();
    }

    @Test
    void aReportWrittenThenReadBackAsPreviousJudgesEachChangeKind(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("monthly.yaml");
        Files.writeString(profile, PROFILE);
        Path data = dir.resolve("extract.csv");
        write(data, "id,gender,email,age,phone", 10, 8, 5, "0900000000");
        Path report = dir.resolve("june.json");
        CliRunner first = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "-q", "-f", "json=" + report);
        assertThat(first.exit()).as(first.err()).isZero();
        AuditReport june = Reports.parse(Files.readString(report));
        assertThat(june.results()).filteredOn(r -> r.rule().equals("DATA-METRIC-CHANGE")).hasSize(5)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
                    assertThat(r.message()).contains("no previous report to compare with");
                });
        assertThat(june.results()).noneMatch(r -> r.rule().equals("DATA-SCHEMA-DRIFT"));
        assertThat(june.targets().get(0).shapes()).singleElement().satisfies(s -> {
            assertThat(s.header()).containsExactly("id", "gender", "email", "age", "phone");
            assertThat(s.column("email").filled()).isEqualTo(8);
        });

        // the same file again: nothing moved
        CliRunner same = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "-f", "json", "--previous", report.toString());
        assertThat(same.exit()).as(same.err()).isZero();
        AuditReport unchanged = Reports.parse(same.out());
        assertThat(unchanged.results()).filteredOn(r -> r.rule().startsWith("DATA-METRIC-CHANGE") || r.rule().equals("DATA-SCHEMA-DRIFT"))
                .hasSize(6).allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS));

        write(data, "id,gender,email,age,note", 7, 4, 5, "x");
        CliRunner july = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "-f", "json", "--previous", report.toString());
        assertThat(july.exit()).isEqualTo(1);
        AuditReport r = Reports.parse(july.out());
        Result rows = change(r, "row-count");
        assertThat(rows.status()).isEqualTo(Status.FAIL);
        assertThat(rows.metric().previous()).isEqualTo(10.0);
        assertThat(rows.metric().moved()).isEqualTo(30.0);
        assertThat(rows.message()).contains("moved from 10 to 7 (-3, -30%)");
        Result email = change(r, "completeness");
        assertThat(email.status()).isEqualTo(Status.FAIL);
        assertThat(email.metric().previous()).isEqualTo(0.8);
        assertThat(email.metric().moved()).isEqualTo(0.228571428571);
        Result share = change(r, "value-share");
        assertThat(share.status()).isEqualTo(Status.FAIL);
        assertThat(share.metric().moved()).isEqualTo(0.214285714286);
        // mean age 34.5 -> 33: -4.3%, within 50%; max 39 -> 36 is no rise
        assertThat(change(r, "mean").status()).isEqualTo(Status.PASS);
        assertThat(change(r, "max").status()).isEqualTo(Status.PASS);
        Result drift = r.results().stream().filter(x -> x.rule().equals("DATA-SCHEMA-DRIFT")).findFirst().orElseThrow();
        assertThat(drift.status()).isEqualTo(Status.FAIL);
        assertThat(drift.violations()).isEqualTo(2);
        assertThat(drift.examples()).extracting(Violation::field).containsExactly("note", "phone");
        assertThat(drift.examples()).extracting(Violation::message)
                .containsExactly("column appeared since " + report, "column disappeared since " + report);
    }

    @Test
    void aPreviousReportMissingUnreadableOrOfOtherTargetsIsAConfigurationError(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("monthly.yaml");
        Files.writeString(profile, PROFILE);
        Path data = dir.resolve("extract.csv");
        write(data, "id,gender,email,age", 3, 3, 1, "");
        CliRunner missing = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--previous", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--previous").contains("no such file");
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"not\": \"a report\"}");
        CliRunner unreadable = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--previous", junk.toString());
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err()).contains("not a chuan JSON report");

        Path other = dir.resolve("other.csv");
        write(other, "id,gender,email,age", 3, 3, 1, "");
        Path report = dir.resolve("other.json");
        CliRunner.run("scan", "-p", profile.toString(), other.toString(), "-q", "-f", "json=" + report);
        CliRunner elsewhere = CliRunner.run("scan", "-p", profile.toString(), data.toString(), "--previous", report.toString());
        assertThat(elsewhere.exit()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("the report holds none of the datasets scanned");
    }

    @Test
    void aTargetThePreviousReportDoesNotHoldIsStatedNotPassed(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("monthly.yaml");
        Files.writeString(profile, PROFILE);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        write(a, "id,gender,email,age", 3, 3, 1, "");
        Path report = dir.resolve("a.json");
        CliRunner.run("scan", "-p", profile.toString(), a.toString(), "-q", "-f", "json=" + report);
        write(b, "id,gender,email,age", 3, 3, 1, "");
        CliRunner both = CliRunner.run("scan", "-p", profile.toString(), a.toString(), b.toString(), "-f", "json", "--previous",
                report.toString());
        AuditReport r = Reports.parse(both.out());
        List<Result> forB = r.results().stream().filter(x -> x.target().equals(b.toString())
                && (x.rule().equals("DATA-METRIC-CHANGE") || x.rule().equals("DATA-SCHEMA-DRIFT"))).toList();
        assertThat(forB).hasSize(6).allSatisfy(x -> {
            assertThat(x.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(x.message()).contains("holds no scan of " + b);
        });
    }
}
