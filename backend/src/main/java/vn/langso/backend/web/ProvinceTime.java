package vn.langso.backend.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time zone of the province's calendar dates: Vietnam time (UTC+07:00, no daylight saving time). A date
 * without a time, such as a commune's {@code valid_from} or {@code datetime=2025-07-01}, is the day from midnight
 * to midnight in this zone, because that is when a decision takes effect and the day a user in Đồng Tháp means.
 */
public final class ProvinceTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private ProvinceTime() {
    }

    /** Returns the first instant of the date in the province. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** Returns the SQL timestamptz of the first instant of the SQL date {@code dateSql} in the province. */
    public static String startOfSql(String dateSql) {
        return "(" + dateSql + "::timestamp AT TIME ZONE '" + ZONE.getId() + "')";
    }
}
