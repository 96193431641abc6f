package chuan.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chuan.model.Severity;
import chuan.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileLoaderTest {

    private final ProfileLoader loader = new ProfileLoader(RuleCatalog.builtIn());

    private Profile parse(String yaml) throws ProfileException {
        return loader.parse("p.yaml", yaml, Path.of("."), "test");
    }

    private List<ProfileProblem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (ProfileException e) {
            return e.problems();
        }
        throw new AssertionError("expected the profile to be rejected");
    }

    private static final String HEAD = "profile: t\nversion: '1'\ntitle: T\nkind: dataset\n";

    @Test
    void theExampleFromTheIssueLoadsAsWritten() throws Exception {
        Profile p = loader.load(Path.of("src/test/resources/profiles/example-citizens.yaml"));
        assertThat(p.id()).isEqualTo("example.citizens");
        assertThat(p.appliesTo()).containsExactly("**/citizens*.csv");
        assertThat(p.dataset().format()).isEqualTo(DataFormat.CSV);
        assertThat(p.dataset().columns()).extracting(ColumnSpec::name)
                .containsExactly("id", "full_name", "gender", "birth_date", "household_size", "email");
        ColumnSpec id = p.dataset().columns().get(0);
        assertThat(id.aliases()).containsExactly("Số định danh", "cccd");
        assertThat(id.required()).isTrue();
        assertThat(id.unique()).isTrue();
        assertThat(p.dataset().columns().get(3).max()).isEqualTo("today");
        assertThat(p.dataset().columns().get(5).personal()).as("e-mail addresses are personal data").isTrue();
        assertThat(p.dataset().checks()).hasSize(2);
        assertThat(p.dataset().checks().get(0).warn().breachedBy(0.94)).isTrue();
        assertThat(p.dataset().checks().get(0).fail().breachedBy(0.80)).isFalse();
    }

    @Test
    void unknownKeysAreErrorsAtTheirLineAndColumn() {
        List<ProfileProblem> p = problems(HEAD + "dataset:\n  columns:\n    - name: id\n      requird: true\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).oneLine()).isEqualTo("p.yaml:8:7: unknown key 'requird' (at /dataset/columns/0)");
    }

    @Test
    void badYamlNamesTheLine() {
        List<ProfileProblem> p = problems(HEAD + "dataset:\n  columns: [\n    - name: id\n");
        assertThat(p.get(0).line()).isGreaterThanOrEqualTo(6);
        assertThat(p.get(0).message()).startsWith("invalid YAML");
    }

    @Test
    void aKeyWrittenTwiceIsAnError() {
        List<ProfileProblem> p = problems(HEAD + "title: again\n");
        assertThat(p.get(0).message()).contains("duplicate key 'title'");
        assertThat(p.get(0).line()).isEqualTo(5);
    }

    @Test
    void aRegexThatDoesNotCompileIsPlacedOnThePattern() {
        List<ProfileProblem> p = problems(HEAD + "dataset:\n  columns:\n    - name: id\n      pattern: \"^[0-9{12}$\"\n");
        assertThat(p.get(0).oneLine()).startsWith("p.yaml:8:16: pattern does not compile");
    }

    @Test
    void backReferencesAreRejectedBecauseTheyCannotRunInLinearTime() {
        List<ProfileProblem> p = problems(HEAD + "dataset:\n  columns:\n    - name: id\n      pattern: \"(a)\\\\1\"\n");
        assertThat(p.get(0).message()).contains("pattern does not compile").contains("RE2");
    }

    @Test
    void unknownRuleIdsInOverridesAreErrors() {
        List<ProfileProblem> p = problems(HEAD + "rules:\n  DATA-NOPE: {severity: high}\ndataset:\n  columns: []\n");
        assertThat(p.get(0).oneLine()).isEqualTo("p.yaml:6:3: unknown rule id 'DATA-NOPE'");
    }

    @Test
    void ruleOverridesChangeSeverityOrSwitchOff() throws Exception {
        Profile p = parse(HEAD + "rules:\n  DATA-BOM: {enabled: false}\n  DATA-UNIQUE: {severity: critical}\ndataset:\n  columns: []\n");
        assertThat(p.enabled("DATA-BOM")).isFalse();
        assertThat(p.severityOf("DATA-UNIQUE", Severity.HIGH)).isEqualTo(Severity.CRITICAL);
        assertThat(p.severityOf("DATA-ENUM", Severity.MEDIUM)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void boundsMustFitTheColumnType() {
        assertThat(problems(HEAD + "dataset:\n  columns:\n    - name: a\n      min: 3\n").get(0).message())
                .contains("needs a column of type integer, number, date or datetime");
        assertThat(problems(HEAD + "dataset:\n  columns:\n    - name: a\n      type: date\n      max: tomorrow\n").get(0).oneLine())
                .startsWith("p.yaml:9:12: 'max' of a date column must be an ISO 8601 date");
        assertThat(problems(HEAD + "dataset:\n  columns:\n    - name: a\n      type: integer\n      min: '1'\n").get(0).message())
                .contains("must be a number");
    }

    @Test
    void schemaViolationsAreAllReported() {
        List<ProfileProblem> p = problems("profile: Bad Id\nversion: 1\nkind: table\n");
        assertThat(p).extracting(ProfileProblem::message).anySatisfy(m -> assertThat(m).contains("title"));
        assertThat(p).extracting(ProfileProblem::line).contains(1L, 2L, 3L);
    }

    @Test
    void metricsNeedTheirColumnAndAThreshold() {
        assertThat(problems(HEAD + "dataset:\n  columns: [{name: a}]\n  checks:\n    - metric: completeness\n      column: b\n      fail: '< 0.5'\n")
                .get(0).message()).contains("no column named 'b'");
        assertThat(problems(HEAD + "dataset:\n  columns: [{name: a}]\n  checks:\n    - metric: row-count\n").get(0).message())
                .contains("needs a 'warn' or 'fail' threshold");
        assertThat(problems(HEAD + "dataset:\n  checks:\n    - metric: row-count\n      fail: 'less than 1'\n").get(0).oneLine())
                .startsWith("p.yaml:8:13:");
    }

    @Test
    void columnNamesAndAliasesMustBeDistinctAfterNormalisation() {
        assertThat(problems(HEAD + "dataset:\n  columns:\n    - {name: Email}\n    - {name: x, aliases: [' email ']}\n")
                .get(0).message()).contains("used twice");
    }

    @Test
    void emptyAndNonMappingFilesAreRejected() {
        assertThat(problems("").get(0).message()).contains("empty");
        assertThat(problems("- a\n- b\n").get(0).message()).contains("mapping");
    }

    @Test
    void aMissingJsonSchemaFileIsReported() {
        assertThat(problems(HEAD + "dataset:\n  format: ndjson\n  json-schema: nope.json\n").get(0).message())
                .contains("JSON Schema file not found");
    }
}
