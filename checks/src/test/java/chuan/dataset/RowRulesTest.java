package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.model.Result;
import chuan.model.Severity;
import chuan.model.Status;
import chuan.model.Violation;
import chuan.profile.Profile;
import chuan.profile.ProfileException;
import chuan.profile.ProfileLoader;
import chuan.profile.ProfileProblem;
import chuan.rules.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row rules in CEL and columns' required-if: judged per record, reported at the record with the cells read. */
class RowRulesTest {

    private static final String HEAD = """
            profile: people
            version: "1"
            title: People
            kind: dataset
            dataset:
              columns:
                - {name: id, type: integer, required: true}
                - {name: name, type: string, personal: true}
                - {name: status, type: string, enum: [alive, deceased]}
                - {name: birth_date, type: date}
                - {name: death_date, type: date, required-if: "status == 'deceased'"}
                - {name: income, type: number}
            """;

    private static final String RULES = HEAD + """
              rules:
                - id: death-after-birth
                  title: Death date is not before birth date
                  severity: high
                  when: "has(death_date)"
                  expect: "death_date >= birth_date"
                - id: income-positive
                  expect: "income > 0"
                - id: named-before-today
                  expect: "birth_date <= today && name.size() > 1"
            """;

    private static final String DATA = """
            id,name,status,birth_date,death_date,income
            1,An Nguyen,alive,1980-01-02,,100
            2,Binh Tran,deceased,1950-03-04,1940-01-01,200
            3,Chi Le,deceased,1960-05-06,,-5
            4,Dung Pham,alive,2090-07-08,,x
            5,E,deceased,notadate,2001-01-01,7
            """;

    static Profile load(String text) throws ProfileException {
        return new ProfileLoader(RuleCatalog.builtIn()).parse("people.yaml", text, Path.of("."), "people.yaml");
    }

    static List<Result> scan(Profile p, Path f, int workers) {
        return new DatasetScanner(RuleCatalog.builtIn()).scan(f, f.getFileName().toString(), p,
                new ScanOptions(LocalDate.of(2026, 11, 30), 20, false, workers)).results();
    }

    static Result result(List<Result> results, String rule) {
        return results.stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void eachRuleIsReportedAtTheRecordsThatBreakItWithTheCellsItReads(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("people.csv"), DATA);
        List<Result> results = scan(load(RULES), f, 1);

        Result death = result(results, "death-after-birth");
        assertThat(death.status()).isEqualTo(Status.FAIL);
        assertThat(death.title()).isEqualTo("Death date is not before birth date");
        assertThat(death.severity()).isEqualTo(Severity.HIGH);
        // record 5 has a death date, but its birth date is not a date: the rule cannot judge it
        assertThat(death.violations()).isEqualTo(1);
        assertThat(death.checked()).as("records with both dates").isEqualTo(1);
        Violation v = death.examples().get(0);
        assertThat(v.row()).isEqualTo(2L);
        assertThat(v.line()).isEqualTo(3L);
        assertThat(v.value()).isEqualTo("birth_date=1950-03-04, death_date=1940-01-01");
        assertThat(v.expected()).isEqualTo("death_date >= birth_date");

        Result income = result(results, "income-positive");
        assertThat(income.severity()).as("the default severity").isEqualTo(Severity.MEDIUM);
        assertThat(income.violations()).isEqualTo(1);
        assertThat(income.checked()).as("record 4's income is not a number").isEqualTo(4);
        assertThat(income.examples().get(0).row()).isEqualTo(3L);
        assertThat(income.examples().get(0).value()).isEqualTo("income=-5");
    }

    @Test
    void aPersonalCellReadByARuleIsMaskedInItsFinding(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("people.csv"), DATA);
        Result named = result(scan(load(RULES), f, 1), "named-before-today");
        // record 4 was born after the as-of date; record 5's one-letter name makes the rule false even though
        // its birth date is unreadable (CEL: unknown && false is false)
        assertThat(named.violations()).isEqualTo(2);
        assertThat(named.examples().get(1).value()).as("a one-letter name is masked whole").doesNotContain("=E,").doesNotContain("=E");
        Violation v = named.examples().get(0);
        assertThat(v.row()).isEqualTo(4L);
        assertThat(v.value()).startsWith("name=").contains("birth_date=2090-07-08").doesNotContain("Dung Pham").doesNotContain("Pham");
    }

    @Test
    void requiredIfReportsTheMissingCellWhereTheConditionHolds(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("people.csv"), DATA);
        Result r = result(scan(load(HEAD), f, 1), "DATA-REQUIRED-IF");
        assertThat(r.field()).isEqualTo("death_date");
        assertThat(r.violations()).isEqualTo(1);
        assertThat(r.checked()).as("the deceased").isEqualTo(3);
        Violation v = r.examples().get(0);
        assertThat(v.row()).isEqualTo(3L);
        assertThat(v.column()).isEqualTo(5);
        assertThat(v.value()).isEqualTo("status=deceased");
        assertThat(v.message()).isEqualTo("value is missing where status == 'deceased'");
    }

    @Test
    void countsAreTheSameWhateverTheNumberOfThreads(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("id,name,status,birth_date,death_date,income\n");
        long expected = 0;
        for (int i = 1; i <= 200_000; i++) {
            boolean bad = i % 97 == 0;
            expected += bad ? 1 : 0;
            sb.append(i).append(",Name ").append(i).append(",deceased,1950-01-01,").append(bad ? "1949-12-31" : "2000-01-01")
                    .append(',').append(i).append('\n');
        }
        Path f = Files.writeString(dir.resolve("many.csv"), sb);
        Profile p = load(RULES);
        Result one = result(scan(p, f, 1), "death-after-birth");
        Result two = result(scan(p, f, 2), "death-after-birth");
        assertThat(one.violations()).isEqualTo(expected);
        assertThat(two.violations()).isEqualTo(expected);
        assertThat(two.checked()).isEqualTo(200_000);
        assertThat(two.examples().stream().map(Violation::row).toList()).isEqualTo(one.examples().stream().map(Violation::row).toList());
        assertThat(one.examples().get(0).row()).isEqualTo(97L);
    }

    @Test
    void aRuleOverAColumnTheFileLacksIsNotApplicable(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("people.csv"), "id,name,status,birth_date,income\n1,An,alive,1980-01-01,5\n");
        Result r = result(scan(load(RULES), f, 1), "death-after-birth");
        assertThat(r.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(r.message()).contains("death_date");
    }

    @Test
    void anExpressionThatCannotBeEvaluatedIsAFindingNotAPass(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("people.csv"), "id,name,status,birth_date,death_date,income\n1,An,alive,1980-01-01,,0\n");
        Result r = result(scan(load(HEAD + """
                  rules:
                    - id: ratio
                      expect: "100 / int(income) > 1"
                """), f, 1), "ratio");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.examples().get(0).message()).startsWith("the rule could not be evaluated").contains("by zero");
    }

    @Test
    void aRunawayExpressionStopsAtTheIterationBudget(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("people.csv"), "id,name,status,birth_date,death_date,income\n1,An,alive,1980-01-01,,1\n");
        String ten = "[1,2,3,4,5,6,7,8,9,10]";
        Result r = result(scan(load(HEAD + "  rules:\n    - id: nested\n      expect: \"" + ten + ".all(a, " + ten + ".all(b, " + ten
                + ".all(c, " + ten + ".all(d, a + b + c + d > 0))))\"\n"), f, 1), "nested");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.examples().get(0).message()).contains("budget");
    }

    @Test
    void typeAndSyntaxErrorsAreProfileErrorsAtTheirCharacter() {
        String text = HEAD.replace("required-if: \"status == 'deceased'\"", "required-if: \"status >\"") + """
                  rules:
                    - id: r1
                      expect: "birth_date > 'x'"
                    - id: r2
                      expect: nope == 1
                    - id: DATA-TYPE
                      expect: "true"
                """;
        assertThatThrownBy(() -> load(text)).isInstanceOf(ProfileException.class).satisfies(e -> {
            List<ProfileProblem> problems = ((ProfileException) e).problems();
            assertThat(problems).extracting(ProfileProblem::line).containsExactlyInAnyOrder(11L, 15L, 17L, 18L);
            ProfileProblem syntax = problems.stream().filter(p -> p.line() == 11).findFirst().orElseThrow();
            String line11 = text.lines().toList().get(10);
            assertThat(syntax.column()).as("just after the '>'").isEqualTo(line11.indexOf('>') + 2);
            ProfileProblem type = problems.stream().filter(p -> p.line() == 15).findFirst().orElseThrow();
            assertThat(type.column()).isEqualTo(text.lines().toList().get(14).indexOf('>') + 1);
            assertThat(type.message()).contains("'_>_' applied to '(timestamp, string)'");
            ProfileProblem undeclared = problems.stream().filter(p -> p.line() == 17).findFirst().orElseThrow();
            assertThat(undeclared.column()).isEqualTo(text.lines().toList().get(16).indexOf("nope") + 1);
            assertThat(problems.stream().filter(p -> p.line() == 18).findFirst().orElseThrow().message()).contains("built-in rule");
        });
    }

    @Test
    void columnsWhoseNamesAreNotIdentifiersAreNamedWithoutAccentsOrSpaces(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("ho.csv"), "Mã hộ,Số thành viên\nH1,0\nH2,3\n");
        Profile p = load("""
                profile: ho
                version: "1"
                title: Hộ
                kind: dataset
                dataset:
                  columns:
                    - {name: "Mã hộ", type: string}
                    - {name: "Số thành viên", type: integer}
                  rules:
                    - id: members
                      expect: "So_thanh_vien >= 1 && Ma_ho.startsWith('H')"
                """);
        Result r = result(scan(p, f, 1), "members");
        assertThat(r.violations()).isEqualTo(1);
        assertThat(r.examples().get(0).value()).isEqualTo("Mã hộ=H1, Số thành viên=0");
    }

    @Test
    void theIssuesTopLevelListOfRulesIsReadAsUnderDatasetAndOverridesReachTheProfilesOwnRules(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("people.csv"), DATA);
        String topLevel = HEAD + """
                rules:
                  - id: death-after-birth
                    title: Death date is not before birth date
                    severity: high
                    when: "has(death_date)"
                    expect: "death_date >= birth_date"
                  - id: deceased-has-date
                    expect: "status != 'deceased' || has(death_date)"
                """;
        List<Result> results = scan(load(topLevel), f, 1);
        assertThat(result(results, "death-after-birth").violations()).isEqualTo(1);
        assertThat(result(results, "deceased-has-date").violations()).as("record 3").isEqualTo(1);
        assertThat(result(results, "deceased-has-date").examples().get(0).row()).isEqualTo(3L);

        String overridden = RULES + """
                rules:
                  death-after-birth: {enabled: false}
                  income-positive: {severity: critical}
                """;
        List<Result> after = scan(load(overridden), f, 1);
        assertThat(after).noneMatch(r -> r.rule().equals("death-after-birth"));
        assertThat(result(after, "income-positive").severity()).isEqualTo(Severity.CRITICAL);
        assertThatThrownBy(() -> load(RULES + "rules:\n  no-such-rule: {enabled: false}\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("unknown rule id 'no-such-rule'");
    }
}
