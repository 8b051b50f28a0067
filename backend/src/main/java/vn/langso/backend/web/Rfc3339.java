package vn.langso.backend.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the RFC 3339 dates and date-times of query parameters and filters. Java's ISO parsers also accept years
 * of five or more digits with a sign ({@code +12024-02-29}), which RFC 3339 does not, and a request with one is
 * almost always a typing error; these methods reject them. A date-time needs an offset or Z. A leap second
 * ({@code 23:59:60Z}), which RFC 3339 allows, is read as the second before it because {@code Instant} has no leap
 * seconds.
 */
public final class Rfc3339 {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    /** Index of the seconds in a date-time that matches {@link #DATE_TIME}. */
    private static final int SECONDS_INDEX = "YYYY-MM-DDThh:mm:".length();

    private Rfc3339() {
    }

    /** Parses YYYY-MM-DD. */
    public static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new DateTimeParseException("not of the form YYYY-MM-DD", text, 0);
        }
        return LocalDate.parse(text);
    }

    /** Parses a date-time with an offset, the letters T and Z in either case. */
    public static Instant dateTime(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (!DATE_TIME.matcher(upper).matches()) {
            throw new DateTimeParseException("not an RFC 3339 date-time with an offset", text, 0);
        }
        if (upper.startsWith("60", SECONDS_INDEX)) {
            upper = upper.substring(0, SECONDS_INDEX) + "59" + upper.substring(SECONDS_INDEX + 2);
        }
        return OffsetDateTime.parse(upper).toInstant();
    }
}
