package vn.langso.backend.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Due dates in working days. */
class WorkingDaysTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    @Test
    void fridayPlusTwoIsTuesday() {
        LocalDate due = WorkingDays.add(FRIDAY, 2, Set.of());

        assertThat(FRIDAY.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(due).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    void holidaySkipped() {
        LocalDate monday = LocalDate.of(2026, 12, 7);

        assertThat(WorkingDays.add(FRIDAY, 2, Set.of(monday))).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    void tetWeekSkipped() {
        LocalDate friday = LocalDate.of(2026, 2, 13);
        Set<LocalDate> tet = Set.of(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
                LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20));

        assertThat(WorkingDays.add(friday, 1, tet)).isEqualTo(LocalDate.of(2026, 2, 23));
    }

    @Test
    void reportFiledOnWeekendCountsFromMonday() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);

        assertThat(WorkingDays.add(saturday, 1, Set.of())).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void zeroDaysIsSameDayNegativeRejected() {
        assertThat(WorkingDays.add(FRIDAY, 0, Set.of())).isEqualTo(FRIDAY);
        assertThatThrownBy(() -> WorkingDays.add(FRIDAY, -1, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
