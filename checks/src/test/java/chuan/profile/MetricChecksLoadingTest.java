package chuan.profile;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric checks as a profile writes them: what loads, and each mistake as a problem at its line and column. */
class MetricChecksLoadingTest {

    private final ProfileLoader loader = new ProfileLoader(RuleCatalog.builtIn());

    private static final String HEAD = "profile: t\nversion: '1'\ntitle: T\nkind: dataset\ndataset:\n  columns:\n"
            + "    - {name: age, type: integer}\n    - {name: joined, type: date}\n    - {name: gender, enum: [Nam, Nữ]}\n"
            + "    - {name: code}\n    - {name: tags, separator: ';'}\n  checks:\n";

    private Profile parse(String checks) throws ProfileException {
        return loader.parse("p.yaml", HEAD + checks, Path.of("."), "test");
    }

    private List<String> problems(String checks) {
        try {
            parse(checks);
        } catch (ProfileException e) {
            return e.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.message()).toList();
        }
        throw new AssertionError("expected the profile to be rejected");
    }

    @Test
    void everyMetricLoadsWithItsOwnKeys() throws Exception {
        Profile p = parse("""
                    - {metric: quantile, column: age, q: 0.9, fail: "> 80"}
                    - {metric: min, column: joined, fail: "< 2000-01-01"}
                    - {metric: value-share, column: gender, value: Nam, fail: "< 0.3", change: "> 0.05"}
                    - {metric: rows-per-group, column: code, groups: ["01", 79], fail: "< 100"}
                    - {metric: row-count, change: "> 20%", fall: "> 5"}
                """);
        List<MetricSpec> checks = p.dataset().checks();
        assertThat(checks.get(0).q()).isEqualTo(0.9);
        assertThat(checks.get(1).fail().display()).isEqualTo("< 2000-01-01");
        assertThat(checks.get(1).fail().breachedBy(java.time.LocalDate.of(1999, 12, 31).toEpochDay())).isTrue();
        assertThat(checks.get(1).fail().breachedBy(java.time.LocalDate.of(2000, 1, 1).toEpochDay())).isFalse();
        assertThat(checks.get(2).value()).isEqualTo("Nam");
        assertThat(checks.get(3).groups()).containsExactly("01", "79");
        MetricSpec.Change pct = checks.get(4).changes().get(0);
        assertThat(pct.percent()).isTrue();
        assertThat(pct.breachedBy(pct.moved(1000, 750))).as("-25% is a change of more than 20%").isTrue();
        assertThat(pct.breachedBy(pct.moved(1000, 850))).isFalse();
        MetricSpec.Change fall = checks.get(4).changes().get(1);
        assertThat(fall.breachedBy(fall.moved(100, 94))).isTrue();
        assertThat(fall.breachedBy(fall.moved(100, 200))).as("a rise is no fall").isFalse();
    }

    @Test
    void eachMistakeIsAProblemAtItsPlace() {
        assertThat(problems("    - {metric: quantile, column: age, fail: \"> 1\"}\n"))
                .containsExactly("13:7 the quantile metric needs 'q', the fraction of values at or below it (0.5: the median)");
        assertThat(problems("    - {metric: freshness, column: age, fail: \"> 1\"}\n"))
                .containsExactly("13:35 freshness needs a date or datetime column; 'age' is integer");
        assertThat(problems("    - {metric: mean, column: gender, fail: \"> 1\"}\n")).singleElement().asString()
                .contains("needs a column of type integer, number, decimal, date or datetime");
        assertThat(problems("    - {metric: min, column: joined, fail: \"< 5\"}\n")).singleElement().asString()
                .startsWith("13:43 column 'joined' holds dates");
        assertThat(problems("    - {metric: min, column: age, fail: \"< 2020-01-01\"}\n")).singleElement().asString()
                .contains("compare with a number");
        assertThat(problems("    - {metric: value-share, column: code, fail: \"< 0.1\"}\n")).singleElement().asString()
                .contains("needs a 'value', or a column with an 'enum'");
        assertThat(problems("    - {metric: distinct-count, column: tags, fail: \"< 2\"}\n")).singleElement().asString()
                .contains("holds lists");
        assertThat(problems("    - {metric: mean, column: nope, fail: \"< 2\"}\n")).singleElement().asString()
                .contains("no column named 'nope'");
        assertThat(problems("    - {metric: row-count, q: 0.5, fail: \"< 2\"}\n")).singleElement().asString()
                .contains("'q' belongs to the quantile metric");
        assertThat(problems("    - {metric: max, column: joined, change: \"> 5%\"}\n")).singleElement().asString()
                .contains("a date moves by days");
        assertThat(problems("    - {metric: mean, column: age}\n")).singleElement().asString()
                .contains("needs a 'warn' or 'fail' threshold");
    }
}
