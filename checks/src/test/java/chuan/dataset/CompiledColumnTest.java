package chuan.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import chuan.profile.ColumnSpec;
import chuan.profile.ColumnType;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each cell check with passing and failing values, and the order in which they run. */
class CompiledColumnTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private static ColumnSpec spec(ColumnType type, boolean required, String pattern, List<String> enumValues,
                                   String min, String max, Integer minLen, Integer maxLen, boolean nfc, String format) {
        return new ColumnSpec("c", List.of(), type, format, required, false, pattern, enumValues, min, max,
                minLen, maxLen, nfc, false);
    }

    private static CellCheck check(ColumnSpec s, String value) {
        CompiledColumn c = new CompiledColumn(s, 0, AS_OF);
        int code = c.check(value == null ? null : new Cell().text(value), c.newMatcher());
        return code == CompiledColumn.OK ? null : CellCheck.ALL[code];
    }

    private static ColumnSpec typed(ColumnType t) {
        return spec(t, false, null, null, null, null, null, null, false, null);
    }

    @Test
    void requiredFailsOnEmptyAndMissingOnly() {
        ColumnSpec s = spec(ColumnType.STRING, true, null, null, null, null, null, null, false, null);
        assertThat(check(s, "")).isEqualTo(CellCheck.REQUIRED);
        assertThat(check(s, null)).isEqualTo(CellCheck.REQUIRED);
        assertThat(check(s, " ")).isNull();
        assertThat(check(s, "x")).isNull();
    }

    @Test
    void anOptionalEmptyValueIsNotCheckedFurther() {
        ColumnSpec s = spec(ColumnType.INTEGER, false, "^[0-9]+$", null, "1", "5", 1, 2, true, null);
        assertThat(check(s, "")).isNull();
        assertThat(check(s, null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"INTEGER,42,true", "INTEGER,-7,true", "INTEGER,+7,true", "INTEGER,4.2,false", "INTEGER,12a,false", "INTEGER,-,false",
            "NUMBER,4.25,true", "NUMBER,-1e-3,true", "NUMBER,.5,true", "NUMBER,1e,false", "NUMBER,1.2.3,false", "NUMBER,abc,false",
            "BOOLEAN,true,true", "BOOLEAN,FALSE,true", "BOOLEAN,yes,false",
            "DATE,2024-02-29,true", "DATE,2023-02-29,false", "DATETIME,2024-02-29T10:00:00+07:00,true", "DATETIME,2024-02-29,false",
            "EMAIL,lan.nguyen@gmail.com,true", "EMAIL,a+b_c%d@sub.example.vn,true", "EMAIL,lan.nguyen@gmail,false",
            "EMAIL,lan@@gmail.com,false", "EMAIL,lan nguyen@gmail.com,false", "EMAIL,lan@gmail..com,false", "EMAIL,@gmail.com,false",
            "EMAIL,lan@.gmail.com,false", "EMAIL,lan@gmail.c0m,false",
            "URL,https://dichvucong.gov.vn/p/home,true", "URL,http://x.vn,true", "URL,dichvucong.gov.vn,false", "URL,https://,false",
            "URL,https://a b.vn,false", "URL,mailto:x@y.vn,false"})
    void typesAcceptTheirValuesAndRejectOthers(ColumnType type, String value, boolean valid) {
        assertThat(check(typed(type), value)).isEqualTo(valid ? null : CellCheck.TYPE);
    }

    @Test
    void customDateFormatIsTheTypeCheck() {
        ColumnSpec s = spec(ColumnType.DATE, false, null, null, null, null, null, null, false, "dd/MM/yyyy");
        assertThat(check(s, "31/12/2024")).isNull();
        assertThat(check(s, "2024-12-31")).isEqualTo(CellCheck.TYPE);
    }

    @Test
    void patternUsesFindSemanticsAndAnchorsWhenWritten() {
        ColumnSpec anchored = spec(ColumnType.STRING, false, "^[0-9]{12}$", null, null, null, null, null, false, null);
        assertThat(check(anchored, "079203012345")).isNull();
        assertThat(check(anchored, "07920301234")).isEqualTo(CellCheck.PATTERN);
        assertThat(check(anchored, "079203012345\n")).isEqualTo(CellCheck.PATTERN);
        ColumnSpec unanchored = spec(ColumnType.STRING, false, "[0-9]{3}", null, null, null, null, null, false, null);
        assertThat(check(unanchored, "abc123def")).isNull();
        assertThat(check(unanchored, "ab12")).isEqualTo(CellCheck.PATTERN);
    }

    @Test
    void enumIsExact() {
        ColumnSpec s = spec(ColumnType.STRING, false, null, List.of("Nam", "Nữ"), null, null, null, null, false, null);
        assertThat(check(s, "Nữ")).isNull();
        assertThat(check(s, "Nu")).isEqualTo(CellCheck.ENUM);
        assertThat(check(s, "nam")).isEqualTo(CellCheck.ENUM);
    }

    @ParameterizedTest
    @CsvSource({"0,RANGE", "1,", "50,", "51,RANGE", "-3,RANGE"})
    void integerRangeIsInclusive(String v, CellCheck expected) {
        ColumnSpec s = spec(ColumnType.INTEGER, false, null, null, "1", "50", null, null, false, null);
        assertThat(check(s, v)).isEqualTo(expected);
    }

    @Test
    void numberRangeComparesNumerically() {
        ColumnSpec s = spec(ColumnType.NUMBER, false, null, null, "0.5", "10", null, null, false, null);
        assertThat(check(s, "9.99")).isNull();
        assertThat(check(s, "10.01")).isEqualTo(CellCheck.RANGE);
        assertThat(check(s, "0.4")).isEqualTo(CellCheck.RANGE);
    }

    @Test
    void dateRangeUsesTheAsOfDateForToday() {
        ColumnSpec s = spec(ColumnType.DATE, false, null, null, "1900-01-01", "today", null, null, false, null);
        assertThat(check(s, "2025-06-30")).isNull();
        assertThat(check(s, "2025-07-01")).isEqualTo(CellCheck.RANGE);
        assertThat(check(s, "1899-12-31")).isEqualTo(CellCheck.RANGE);
    }

    @Test
    void datetimeRangeWithDateBoundsCoversTheWholeLastDay() {
        ColumnSpec s = spec(ColumnType.DATETIME, false, null, null, "2016-01-01", "today", null, null, false, null);
        assertThat(check(s, "2025-06-30T23:59:59+00:00")).isNull();
        assertThat(check(s, "2025-07-01T00:00:00+00:00")).isEqualTo(CellCheck.RANGE);
        assertThat(check(s, "2016-01-01T06:59:59+07:00")).isEqualTo(CellCheck.RANGE);
    }

    @Test
    void lengthCountsCodePointsNotBytesOrUtf16Units() {
        ColumnSpec s = spec(ColumnType.STRING, false, null, null, null, null, 2, 4, false, null);
        assertThat(check(s, "Hồng")).isNull();
        assertThat(check(s, "𝔸𝔹𝔺𝔻")).isNull();
        assertThat(check(s, "Hồngg")).isEqualTo(CellCheck.LENGTH);
        assertThat(check(s, "H")).isEqualTo(CellCheck.LENGTH);
    }

    @Test
    void nfcRejectsDecomposedAndMixedText() {
        ColumnSpec s = spec(ColumnType.STRING, false, null, null, null, null, null, null, true, null);
        assertThat(check(s, "Nguyễn Thị Mỹ")).isNull();
        assertThat(check(s, Normalizer.normalize("Nguyễn", Normalizer.Form.NFD))).isEqualTo(CellCheck.NFC);
        assertThat(check(s, "Lê " + Normalizer.normalize("Văn", Normalizer.Form.NFD))).isEqualTo(CellCheck.NFC);
        assertThat(check(s, "plain ascii")).isNull();
    }

    @Test
    void onlyTheFirstFailingCheckIsReported() {
        ColumnSpec s = spec(ColumnType.INTEGER, true, "^[0-9]{2}$", List.of("10", "20"), "15", "30", 2, 2, true, null);
        assertThat(check(s, "")).isEqualTo(CellCheck.REQUIRED);
        assertThat(check(s, "x")).isEqualTo(CellCheck.TYPE);
        assertThat(check(s, "123")).isEqualTo(CellCheck.PATTERN);
        assertThat(check(s, "11")).isEqualTo(CellCheck.ENUM);
        assertThat(check(s, "10")).isEqualTo(CellCheck.RANGE);
        assertThat(check(s, "20")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQUIRED", "NFC", "TYPE", "PATTERN", "ENUM", "RANGE", "LENGTH", "UNIQUE"})
    void everyCheckSaysWhatItExpects(CellCheck k) {
        ColumnSpec s = new ColumnSpec("c", List.of(), ColumnType.DATE, null, true, true, "^2", List.of("a"), "2000-01-01",
                "today", 1, 10, true, false);
        assertThat(new CompiledColumn(s, 0, AS_OF).expected(k)).isNotBlank();
    }
}
