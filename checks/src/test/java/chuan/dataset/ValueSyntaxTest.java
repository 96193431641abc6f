package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.profile.Profile;
import chuan.profile.ProfileLoader;
import chuan.rules.RuleCatalog;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values as Table Schema writes them, declared in a profile: number separators, text around a
 * number, booleans' words, missing values, decimals with precision and scale, exclusive bounds,
 * times, durations and list cells.
 */
class ValueSyntaxTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    /** The column a profile declares as {@code column}, compiled for a scan. */
    static CompiledColumn column(String column) throws Exception {
        return column("", column);
    }

    static CompiledColumn column(String dataset, String column) throws Exception {
        String yaml = "profile: t\nversion: \"1\"\ntitle: t\nkind: dataset\ndataset:\n" + dataset
                + "  columns:\n    - name: c\n" + column.indent(6);
        Profile p = new ProfileLoader(RuleCatalog.builtIn()).parse("t.yaml", yaml, null, "test");
        return new CompiledColumn(p.dataset().columns().get(0), 0, AS_OF);
    }

    /** The check that fails for the value, or "OK". */
    static String check(CompiledColumn c, String value) {
        int code = c.check(value == null ? null : new Cell().text(value), c.newMatcher(), Long.MIN_VALUE,
                new CompiledColumn.Scratch());
        return code == CompiledColumn.OK ? "OK" : CellCheck.ALL[code].name();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.234.567,5|OK", "1.234|OK", "12,5|OK", "-0,75|OK", "1234567|OK", " 1.234,5 |OK",
        "1,234.5|TYPE", "1.234.56|TYPE", "1.23|TYPE", "12.3456|TYPE", "1..234|TYPE", ".234|TYPE", "12,5,0|TYPE", "1e5|OK", "NaN|OK", "-INF|OK"})
    void vietnameseAndEuropeanNumbersWithDecimalCommas(String value, String expected) throws Exception {
        CompiledColumn c = column("type: number\ndecimal-char: \",\"\ngroup-char: \".\"");
        assertThat(check(c, value)).as(value).isEqualTo(expected);
    }

    @Test
    void separatorsDeclaredForTheWholeDatasetApplyToEveryNumericColumn() throws Exception {
        CompiledColumn c = column("  decimal-char: \",\"\n  group-char: \" \"\n", "type: decimal");
        assertThat(check(c, "10 000 000,50")).isEqualTo("OK");
        assertThat(check(c, "10000000.50")).isEqualTo("TYPE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12%|OK", "1.000 ₫|OK", "€-12,3|OK", "VND 2.500.000|OK", "-12 €|OK", "%|TYPE",
        "abc|TYPE", "12,5,3%|TYPE"})
    void textAroundANumberWhenItIsNotBare(String value, String expected) throws Exception {
        CompiledColumn c = column("type: number\ndecimal-char: \",\"\ngroup-char: \".\"\nbare-number: false");
        assertThat(check(c, value)).as(value).isEqualTo(expected);
        assertThat(check(column("type: number"), "12%")).isEqualTo("TYPE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"INTEGER|1e3|TYPE", "INTEGER|NaN|TYPE", "INTEGER| 42 |OK", "INTEGER|000835|OK",
        "DECIMAL|1e3|TYPE", "DECIMAL|NaN|TYPE", "DECIMAL|INF|TYPE", "DECIMAL|-INF|TYPE", "DECIMAL|12.50|OK",
        "NUMBER|1e3|OK", "NUMBER|NaN|OK", "NUMBER|INF|OK", "NUMBER|-INF|OK", "NUMBER|nan|TYPE", "NUMBER|Infinity|TYPE"})
    void exponentsAndSpecialValuesAreForNumberOnly(String type, String value, String expected) throws Exception {
        assertThat(check(column("type: " + type.toLowerCase()), value)).as(type + " " + value).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12345678.12|OK", "-12345678.12|OK", "123456789.1|TYPE", "1.125|TYPE", "1.120|OK",
        "0.5|OK", "00012345678.10|OK"})
    void decimalsWithPrecisionAndScale(String value, String expected) throws Exception {
        CompiledColumn c = column("type: decimal\nprecision: 10\nscale: 2");
        assertThat(check(c, value)).as(value).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.1|OK", "0.10000000000000000001|RANGE", "0.09999999999999999999|OK",
        "-0.1|OK", "-0.10000000000000000001|RANGE", "0|OK", "-0|OK"})
    void decimalBoundsAreExactWhereDoublesAreNot(String value, String expected) throws Exception {
        CompiledColumn c = column("type: decimal\nmin: -0.1\nmax: 0.1");
        assertThat(check(c, value)).as(value).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"NUMBER|5|RANGE", "NUMBER|5.0001|OK", "NUMBER|10|RANGE", "NUMBER|9.999|OK",
        "INTEGER|6|OK", "DECIMAL|5.00|RANGE", "DECIMAL|9.99|OK", "NUMBER|NaN|RANGE"})
    void exclusiveBoundsLeaveTheBoundOut(String type, String value, String expected) throws Exception {
        CompiledColumn c = column("type: " + type.toLowerCase() + "\nexclusive-min: 5\nexclusive-max: 10");
        assertThat(check(c, value)).as(type + " " + value).isEqualTo(expected);
    }

    @Test
    void exclusiveBoundsOnDatesAndTimes() throws Exception {
        CompiledColumn d = column("type: date\nexclusive-max: today");
        assertThat(check(d, "2025-06-29")).isEqualTo("OK");
        assertThat(check(d, "2025-06-30")).isEqualTo("RANGE");
        CompiledColumn t = column("type: time\nmin: \"08:00\"\nexclusive-max: \"17:30\"");
        assertThat(check(t, "08:00")).isEqualTo("OK");
        assertThat(check(t, "17:29:59")).isEqualTo("OK");
        assertThat(check(t, "17:30")).isEqualTo("RANGE");
        assertThat(check(t, "7:59")).isEqualTo("TYPE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true|OK", "True|OK", "TRUE|OK", "1|OK", "false|OK", "False|OK", "0|OK",
        "yes|TYPE", "tRuE|TYPE", "t|TYPE", "' true'|TYPE"})
    void booleansAreTableSchemaWordsByDefault(String value, String expected) throws Exception {
        assertThat(check(column("type: boolean"), value)).as(value).isEqualTo(expected);
    }

    @Test
    void booleansWithTheirOwnWords() throws Exception {
        CompiledColumn c = column("type: boolean\ntrue-values: [\"Có\", \"x\"]\nfalse-values: [\"Không\"]");
        assertThat(check(c, "Có")).isEqualTo("OK");
        assertThat(check(c, "x")).isEqualTo("OK");
        assertThat(check(c, "Không")).isEqualTo("OK");
        assertThat(check(c, "true")).isEqualTo("TYPE");
        assertThat(c.expected(CellCheck.TYPE)).isEqualTo("boolean (Có/x or Không)");
    }

    @Test
    void missingValuesPerDatasetAndPerColumn() throws Exception {
        CompiledColumn dataset = column("  missing-values: [\"NA\", \"-\"]\n", "type: integer\nrequired: true");
        assertThat(check(dataset, "NA")).isEqualTo("REQUIRED");
        assertThat(check(dataset, "-")).isEqualTo("REQUIRED");
        assertThat(check(dataset, "")).isEqualTo("REQUIRED");
        assertThat(check(dataset, "n/a")).isEqualTo("TYPE");
        CompiledColumn own = column("  missing-values: [\"NA\"]\n", "type: integer\nmissing-values: [\"n/a\"]");
        assertThat(check(own, "n/a")).as("the column's list replaces the dataset's").isEqualTo("OK");
        assertThat(check(own, "NA")).isEqualTo("TYPE");
        assertThat(own.isMissing(new Cell().text("n/a"))).isTrue();
        assertThat(own.isMissing(new Cell().text(""))).as("an empty cell is always missing").isTrue();
    }

    @Test
    void listCellsHaveEachItemChecked() throws Exception {
        CompiledColumn c = column("type: vn.province-code\nseparator: \";\"".replace("vn.province-code", "integer")
                + "\nmin: 1\nmax: 50\nrequired: true");
        assertThat(check(c, "1;2;50")).isEqualTo("OK");
        assertThat(check(c, "1;x;3")).isEqualTo("TYPE");
        assertThat(check(c, "1;51")).isEqualTo("RANGE");
        assertThat(check(c, "7;;8")).as("an empty item is no value, not a wrong one").isEqualTo("OK");
        assertThat(check(c, "")).isEqualTo("REQUIRED");
        CompiledColumn words = column("enum: [\"Nam\", \"Nữ\"]\nseparator: \", \"\nmax-length: 3");
        assertThat(check(words, "Nam, Nữ, Nam")).isEqualTo("OK");
        assertThat(check(words, "Nam,Nữ")).isEqualTo("ENUM");
        assertThat(words.expected(CellCheck.TYPE)).contains("each item of a list separated by ', '");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"15:02|OK", "15:02:37|OK", "15:02:37.5|OK", "15:02:37+07:00|OK", "3:02|TYPE",
        "25:00|TYPE", "15h02|TYPE"})
    void timesAreHoursAndMinutesWithOptionalSeconds(String value, String expected) throws Exception {
        assertThat(check(column("type: time"), value)).as(value).isEqualTo(expected);
    }

    @Test
    void timesWithTheirOwnLayout() throws Exception {
        CompiledColumn c = column("type: time\nformat: \"H'h'mm\"");
        assertThat(check(c, "7h05")).isEqualTo("OK");
        assertThat(check(c, "07h05")).isEqualTo("OK");
        assertThat(check(c, "07:05")).isEqualTo("TYPE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"P3Y6M4DT12H30M5S|OK", "PT36H|OK", "P2W|OK", "36 hours|TYPE", "P|TYPE"})
    void durationsAreIso8601(String value, String expected) throws Exception {
        assertThat(check(column("type: duration"), value)).as(value).isEqualTo(expected);
    }

    @Test
    void datesWithUnpaddedDaysAndTwoDigitYearsUseTheColumnsPivot() throws Exception {
        CompiledColumn c = column("type: date\nformat: d/M/yy\nyear-pivot: 1950\nmax: today");
        assertThat(check(c, "5/3/85")).isEqualTo("OK");
        assertThat(check(c, "5/3/49")).as("2049, after the as-of date").isEqualTo("RANGE");
        assertThat(check(c, "5/3/1985")).isEqualTo("TYPE");
    }

    @Test
    void datetimesWithZoneNames() throws Exception {
        CompiledColumn c = column("type: datetime\nformat: \"dd/MM/yyyy HH:mm VV\"\nmax: \"2025-01-04T03:00:00Z\"");
        assertThat(check(c, "04/01/2025 10:00 Asia/Ho_Chi_Minh")).isEqualTo("OK");
        assertThat(check(c, "04/01/2025 10:01 Asia/Ho_Chi_Minh")).isEqualTo("RANGE");
        assertThat(check(c, "04/01/2025 10:00 Asia/Saigon")).as("an alias the JDK knows").isEqualTo("OK");
        assertThat(check(c, "04/01/2025 10:00 GMT+7")).isEqualTo("TYPE");
    }
}
