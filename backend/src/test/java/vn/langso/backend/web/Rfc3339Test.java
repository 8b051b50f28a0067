package vn.langso.backend.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** RFC 3339 dates and date-times: four-digit years only, an offset required, T and Z in either case. */
class Rfc3339Test {

    @Test
    void datesOfFourDigitYears() {
        assertThat(Rfc3339.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));

        for (String bad : new String[] {"+12024-02-29", "12024-02-29", "2025-02-30", "2025-7-1", "2025-07-01T00:00:00Z", ""}) {
            assertThatThrownBy(() -> Rfc3339.date(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void dateTimesWithOffsets() {
        Instant expected = Instant.parse("2025-07-01T01:00:00Z");

        assertThat(Rfc3339.dateTime("2025-07-01T08:00:00+07:00")).isEqualTo(expected);
        assertThat(Rfc3339.dateTime("2025-07-01t01:00:00z")).isEqualTo(expected);
        assertThat(Rfc3339.dateTime("2025-07-01T01:00:00.123456789Z")).isEqualTo(expected.plusNanos(123_456_789));

        assertThat(Rfc3339.dateTime("2016-12-31T23:59:60Z")).as("leap second").isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
        assertThat(Rfc3339.dateTime("2017-01-01T06:59:60.5+07:00")).isEqualTo(Instant.parse("2016-12-31T23:59:59.5Z"));

        for (String bad : new String[] {"2025-07-01T08:00:61Z", "+12024-02-29T10:00:00Z", "2025-07-01T08:00:00", "2025-07-01 08:00:00Z",
                "2025-07-01T24:00:00Z", "2025-07-01T08:00:00.1234567890Z", "2025-07-01T08:00Z"}) {
            assertThatThrownBy(() -> Rfc3339.dateTime(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
