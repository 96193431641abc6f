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
        assertThat(p.dataset().format().label()).isEqualTo("csv");
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
                .contains("needs a column of type integer, number, decimal, date, datetime or time");
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
    private String first(String dataset, String column) {
        return problems(HEAD + "dataset:\n" + dataset + "  columns:\n    - name: a\n" + column.indent(6)).get(0).oneLine();
    }

    @Test
    void valueSyntaxOptionsMustFitTheColumnType() {
        assertThat(first("", "decimal-char: \",\"")).contains("'decimal-char' belongs to integer, number and decimal columns");
        assertThat(first("", "type: date\ntrue-values: [\"Y\"]")).contains("'true-values' belongs to boolean columns");
        assertThat(first("", "type: integer\nprecision: 5")).contains("'precision' and 'scale' belong to decimal columns");
        assertThat(first("", "type: decimal\nprecision: 5\nscale: 6")).contains("scale is greater than precision");
        assertThat(first("", "type: boolean\ntrue-values: [\"x\"]\nfalse-values: [\"x\"]")).contains("'x' is both a true and a false value");
        assertThat(first("", "type: number\ndecimal-char: \",\"\ngroup-char: \",\""))
                .contains("the group separator must differ from the decimal separator");
        assertThat(first("  decimal-char: \"5\"\n", "type: number")).contains("a number separator cannot be a digit or a sign");
        assertThat(first("", "type: date\nformat: dd/MM/yyyy\nyear-pivot: 1950"))
                .contains("'year-pivot' belongs to a date format with a two-digit year (yy)");
        assertThat(first("", "separator: \";\"\nunique: true")).contains("a list column ('separator') cannot be unique");
    }

    @Test
    void boundsThatLeaveNoValueAreRefused() {
        assertThat(first("", "type: integer\nmin: 1\nexclusive-min: 0")).contains("'min' and 'exclusive-min' together");
        assertThat(first("", "type: date\nmax: 2015-06-05\nexclusive-max: 2015-06-06")).contains("'max' and 'exclusive-max' together");
        assertThat(first("", "type: date\nmin: 2015-06-06\nmax: 2015-06-05")).contains("no value fits: min 2015-06-06 and max 2015-06-05");
        assertThat(first("", "type: date\nmin: 2015-06-05\nexclusive-max: 2015-06-05")).contains("no value fits");
        assertThat(first("", "type: number\nexclusive-min: 5\nmax: 5")).contains("no value fits");
        assertThat(first("", "type: time\nmin: \"18:00\"\nmax: \"08:00\"")).contains("no value fits");
        assertThat(first("", "type: time\nmin: \"8h\"")).contains("'min' of a time column must be a time (HH:mm or HH:mm:ss)");
        assertThat(first("", "min: 1")).contains("needs a column of type integer, number, decimal, date, datetime or time");
    }

    @Test
    void formatsMustFitTheirType() {
        assertThat(first("", "type: time\nformat: dd/MM/yyyy")).contains("a time format needs HH and mm");
        assertThat(first("", "type: time\nformat: yyyy HH:mm")).contains("a time format must not have a date");
        assertThat(first("", "type: date\nformat: dd/MM/yyyy HH:mm")).contains("a date format must not have a time");
        assertThat(first("", "type: datetime\nformat: dd/MM/yyyy")).contains("a datetime format needs a year, MM, dd, HH and mm");
        assertThat(first("", "type: integer\nformat: dd/MM/yyyy")).contains("'format' applies to date, datetime and time columns");
        assertThat(first("", "type: date\nformat: dd MMM yyyy")).contains("month names (MMM) are not supported");
    }

    @Test
    void dialectKeysAreRead() throws Exception {
        Profile p = parse(HEAD + "dataset:\n  skip-rows: 2\n  comment: \"#\"\n  header-rows: 2\n  header-join: \" - \"\n"
                + "  header-case: sensitive\n  line-terminator: CRLF\n  missing-values: [\"NA\"]\n  encoding: latin-1\n"
                + "  columns:\n    - name: a\n    - name: A\n");
        CsvDialect d = p.dataset().dialect();
        assertThat(d).isEqualTo(new CsvDialect(2, "#", 2, " - ", true, "CRLF"));
        assertThat(p.dataset().encoding()).isEqualTo("ISO-8859-1");
        assertThat(p.dataset().columns().get(0).syntax().missingValues()).containsExactly("NA");
        assertThat(first("  header: false\n  header-rows: 2\n", "")).contains("'header-rows' needs a header (header: true)");
        assertThat(problems(HEAD + "dataset:\n  columns:\n    - name: a\n    - name: A\n").get(0).message())
                .as("names that differ only in case are one name unless header-case is sensitive")
                .contains("column name or alias 'A' is used twice");
        assertThat(first("  line-terminator: LFCR\n", "")).contains("line-terminator");
        assertThat(first("  encoding: EBCDIC\n", "")).contains("unknown encoding 'EBCDIC' (UTF-8, UTF-16, or one of")
                .contains("windows-1252").contains("TCVN3");
    }
}
