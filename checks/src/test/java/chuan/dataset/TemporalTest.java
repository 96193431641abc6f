package chuan.dataset;

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
        assertThat(TemporalFormat.compile("dd/MM/yy", err)).isNull();
        assertThat(err.toString()).contains("unsupported letter 'y'").isNotEmpty();
    }
}
