package vn.langso.backend.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Due dates in working days: Saturdays, Sundays and the given public holidays do not count. */
final class WorkingDays {

    private WorkingDays() {
    }

    /**
     * Returns the date that is {@code days} working days after {@code filed}. The filing day itself does not
     * count, so a report filed on a Friday with 2 working days is due on Tuesday.
     */
    static LocalDate add(LocalDate filed, int days, Set<LocalDate> holidays) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, got " + days);
        }
        LocalDate date = filed;
        int remaining = days;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date, holidays)) {
                remaining--;
            }
        }
        return date;
    }

    static boolean isWorkingDay(LocalDate date, Set<LocalDate> holidays) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }
}
