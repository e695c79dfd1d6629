package org.hrnode.storage.index.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DicomDateTimesTest {

    @Test
    void datesParseStrictlyAndFormatBack() {
        assertThat(DicomDateTimes.parseDate("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(DicomDateTimes.parseDate("20230229")).isNull();
        assertThat(DicomDateTimes.parseDate("2024-02-01")).isNull();
        assertThat(DicomDateTimes.parseDate("")).isNull();
        assertThat(DicomDateTimes.formatDate(LocalDate.of(987, 1, 2))).isEqualTo("09870102");
    }

    @Test
    void partialTimesCoverTheirWholePrecision() {
        assertThat(DicomDateTimes.timeBounds("10")).containsExactly(LocalTime.of(10, 0),
                LocalTime.of(10, 59, 59, 999_999_000));
        assertThat(DicomDateTimes.timeBounds("1030")).containsExactly(LocalTime.of(10, 30),
                LocalTime.of(10, 30, 59, 999_999_000));
        assertThat(DicomDateTimes.timeBounds("103015.1")).containsExactly(LocalTime.of(10, 30, 15, 100_000_000),
                LocalTime.of(10, 30, 15, 199_999_000));
        assertThat(DicomDateTimes.timeBounds("23")).containsExactly(LocalTime.of(23, 0),
                LocalTime.of(23, 59, 59, 999_999_000));
        assertThat(DicomDateTimes.parseTime("10:30:15")).isEqualTo(LocalTime.of(10, 30, 15));
        assertThat(DicomDateTimes.parseTime("25")).isNull();
        assertThat(DicomDateTimes.parseTime("1")).isNull();
    }

    @Test
    void dateTimesIgnoreTheOffsetAndCoverTheirPrecision() {
        assertThat(DicomDateTimes.dateTimeBounds("2024")).containsExactly(LocalDateTime.of(2024, 1, 1, 0, 0),
                LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(DicomDateTimes.dateTimeBounds("202402")[1]).isEqualTo(
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000));
        assertThat(DicomDateTimes.parseDateTime("20240105101500.5+0800")).isEqualTo(
                LocalDateTime.of(2024, 1, 5, 10, 15, 0, 500_000_000));
        assertThat(DicomDateTimes.parseDateTime("2024010510-0500")).isEqualTo(LocalDateTime.of(2024, 1, 5, 10, 0));
        assertThat(DicomDateTimes.parseDateTime("20241305")).isNull();
    }

    @Test
    void timesFormatWithFractionOnlyWhenPresent() {
        assertThat(DicomDateTimes.formatTime(LocalTime.of(9, 5, 3))).isEqualTo("090503");
        assertThat(DicomDateTimes.formatTime(LocalTime.of(9, 5, 3, 120_000))).isEqualTo("090503.000120");
        assertThat(DicomDateTimes.formatDateTime(LocalDateTime.of(2024, 1, 5, 10, 15))).isEqualTo("20240105101500");
    }
}
