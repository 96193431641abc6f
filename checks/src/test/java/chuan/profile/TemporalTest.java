package chuan.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemporalTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "1900-01-01", "2025-12-31", "0001-01-01"})
    void validIsoDatesGiveTheirEpochDay(String s) {
        assertThat(Temporal.isoDate(s)).isEqualTo(LocalDate.parse(s).toEpochDay());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024/01/01", "2024-1-01", "2024-01-01 "})
    void invalidIsoDatesAreRejected(String s) {
        assertThat(Temporal.isoDate(s)).isEqualTo(Temporal.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-30T23:59:59+07:00", "2016-01-01T00:00:00Z", "2020-02-29T12:30:00.123-05:30"})
    void validDateTimesGiveEpochSecondsWithTheOffsetApplied(String s) {
        assertThat(Temporal.isoDateTime(s)).isEqualTo(OffsetDateTime.parse(s).toEpochSecond());
    }

    @Test
    void aDateTimeWithoutOffsetIsTakenAsUtc() {
        assertThat(Temporal.isoDateTime("2020-01-01T00:00:00")).isEqualTo(LocalDate.of(2020, 1, 1).toEpochDay() * 86_400L);
        assertThat(Temporal.isoDateTime("2020-01-01 00:00:00")).isEqualTo(LocalDate.of(2020, 1, 1).toEpochDay() * 86_400L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-30T24:00:00+07:00", "2025-06-30T23:60:00Z", "2025-06-30T23:59:59+7:00", "2025-06-30", "2025-06-30T23:59:59.Z", "2025-02-30T00:00:00Z"})
    void invalidDateTimesAreRejected(String s) {
        assertThat(Temporal.isoDateTime(s)).isEqualTo(Temporal.INVALID);
    }

    @Test
    void customLayoutsParseDayMonthYear() {
        TemporalFormat f = TemporalFormat.compile("dd/MM/yyyy", new StringBuilder());
        assertThat(f.parse("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(f.parse("29/02/2023")).isEqualTo(Temporal.INVALID);
        assertThat(f.parse("2024-02-29")).isEqualTo(Temporal.INVALID);
        assertThat(f.parse("1/2/2024")).isEqualTo(Temporal.INVALID);
    }

    @Test
    void customLayoutsWithTimeGiveSeconds() {
        TemporalFormat f = TemporalFormat.compile("dd/MM/yyyy HH:mm", new StringBuilder());
        assertThat(f.hasTime()).isTrue();
        assertThat(f.parse("01/01/1970 01:02")).isEqualTo(3720L);
        assertThat(f.parse("01/01/1970 25:02")).isEqualTo(Temporal.INVALID);
    }

    @Test
    void unsupportedLayoutLettersAreExplained() {
        StringBuilder err = new StringBuilder();
        assertThat(TemporalFormat.compile("dd MMM yyyy", err)).isNull();
        assertThat(err.toString()).contains("month names (MMM) are not supported");
        err.setLength(0);
        assertThat(TemporalFormat.compile("dd/MM/yyy", err)).isNull();
        assertThat(err.toString()).contains("write the year as yyyy or yy");
        err.setLength(0);
        assertThat(TemporalFormat.compile("dd/MM/yyyy hh:mm", err)).isNull();
        assertThat(err.toString()).contains("unsupported letter 'h'");
        err.setLength(0);
        assertThat(TemporalFormat.compile("HH:mm[:ss", err)).isNull();
        assertThat(err.toString()).contains("'[' without ']'");
    }

    @Test
    void unpaddedDaysAndMonthsAndTwoDigitYearsWithAPivot() {
        TemporalFormat f = TemporalFormat.compile("d/M/yy", new StringBuilder());
        assertThat(f.parse("5/3/85")).isEqualTo(LocalDate.of(1985, 3, 5).toEpochDay());
        assertThat(f.parse("15/11/06")).isEqualTo(LocalDate.of(2006, 11, 15).toEpochDay());
        assertThat(f.parse("05/03/29")).isEqualTo(LocalDate.of(2029, 3, 5).toEpochDay());
        assertThat(f.parse("05/03/30")).isEqualTo(LocalDate.of(1930, 3, 5).toEpochDay());
        assertThat(f.parse("5/3/1985")).isEqualTo(Temporal.INVALID);
        assertThat(f.parse("5//85")).isEqualTo(Temporal.INVALID);
        TemporalFormat pivot1950 = TemporalFormat.compile("dd/MM/yy", 1950, new StringBuilder());
        assertThat(pivot1950.parse("01/01/49")).isEqualTo(LocalDate.of(2049, 1, 1).toEpochDay());
        assertThat(pivot1950.parse("01/01/50")).isEqualTo(LocalDate.of(1950, 1, 1).toEpochDay());
    }

    @ParameterizedTest
    @ValueSource(strings = {"15:02|54120", "15:02:37|54157", "15:02:37.143|54157", "06:00:00Z|21600", "06:00:00+07:00|21600",
        "23:59:59-0330|86399"})
    void isoTimesGiveTheSecondsOfTheDay(String c) {
        String[] p = c.split("\\|");
        assertThat(Temporal.isoTime(p[0])).isEqualTo(Long.parseLong(p[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "9:00", "09:60", "09:00:61", "09:00:00.", "09:00+1:00", "09:00:00+07:00x", "0900"})
    void invalidTimesAreRejected(String s) {
        assertThat(Temporal.isoTime(s)).isEqualTo(Temporal.INVALID);
    }

    @Test
    void timeLayoutsAndOptionalParts() {
        TemporalFormat f = TemporalFormat.compile("HH:mm:ss[XXX]", new StringBuilder());
        assertThat(f.parse("06:00:00")).isEqualTo(21600L);
        assertThat(f.parse("06:00:00+01:00")).isEqualTo(21600L);
        assertThat(f.parse("06:00:00Z")).isEqualTo(21600L);
        assertThat(f.parse("06:00:00+1:00")).isEqualTo(Temporal.INVALID);
        assertThat(f.parse("06:00")).isEqualTo(Temporal.INVALID);
        TemporalFormat fraction = TemporalFormat.compile("HH:mm:ss.SS", new StringBuilder());
        assertThat(fraction.parse("15:02:37.14")).isEqualTo(54157L);
        assertThat(fraction.parse("15:02:37.143")).isEqualTo(Temporal.INVALID);
        assertThat(TemporalFormat.compile("H:mm", new StringBuilder()).parse("7:05")).isEqualTo(25500L);
    }

    @Test
    void zoneOffsetsAndNamesShiftDateTimesToUtc() {
        long utc = LocalDate.of(2025, 1, 4).toEpochDay() * 86_400L + 3 * 3600L;
        assertThat(TemporalFormat.compile("yyyy-MM-dd HH:mm:ss X", new StringBuilder()).parse("2025-01-04 10:00:00 +0700"))
                .isEqualTo(utc);
        assertThat(TemporalFormat.compile("yyyy-MM-dd HH:mm:ss X", new StringBuilder()).parse("2025-01-04 10:00:00 +07"))
                .isEqualTo(utc);
        assertThat(TemporalFormat.compile("dd/MM/yyyy HH:mm VV", new StringBuilder()).parse("04/01/2025 10:00 Asia/Ho_Chi_Minh"))
                .isEqualTo(utc);
        assertThat(TemporalFormat.compile("dd/MM/yyyy HH:mm VV", new StringBuilder()).parse("04/01/2025 10:00 Asia/Hanoi"))
                .isEqualTo(Temporal.INVALID);
        assertThat(Temporal.isoDateTime("2025-01-04T10:00:00+0700")).isEqualTo(utc);
        assertThat(Temporal.isoDateTime("2025-01-04T10:00:00[Asia/Ho_Chi_Minh]")).isEqualTo(utc);
        assertThat(Temporal.isoDateTime("2025-01-04T10:00:00+07:00[Asia/Ho_Chi_Minh]")).isEqualTo(utc);
        assertThat(Temporal.isoDateTime("2025-01-04T10:00:00[Mars/Olympus]")).isEqualTo(Temporal.INVALID);
        // a zone's own rules: New York is UTC-5 in January and UTC-4 in July
        assertThat(Temporal.isoDateTime("2025-07-04T10:00:00[America/New_York]"))
                .isEqualTo(LocalDate.of(2025, 7, 4).toEpochDay() * 86_400L + 14 * 3600L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1Y10M3DT5H11M7S", "P1Y", "P1M", "PT1S", "P2W", "PT0.5S", "-P60D", "P0Y20M0D", "PT130H"})
    void isoDurationsAreAccepted(String s) {
        assertThat(Temporal.isoDuration(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P", "PT", "P1M1Y", "P-1Y", "year", "1D", "P1DT", "P1.5Y", "PT1H1H", "P1YT", "-", "P1D2H"})
    void malformedDurationsAreRejected(String s) {
        assertThat(Temporal.isoDuration(s)).isFalse();
    }
}
