package vn.langso.backend.ogc.items;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.QueryParameters;
import vn.langso.backend.web.Rfc3339;
import vn.langso.backend.web.ProvinceTime;

/**
 * The {@code datetime} parameter as a half-open interval [start, end) of instants; a null end is open. An RFC 3339
 * date-time is compared as the instant it names, whatever its offset, so {@code 2025-07-01T07:00:00+07:00} and
 * {@code 2025-07-01T00:00:00Z} select the same features. A date without a time is the whole day in Vietnam time
 * ({@link ProvinceTime}). Instants are
 * truncated to microseconds, the precision of PostgreSQL timestamps.
 *
 * @param start the first instant selected, or null when open
 * @param end   the first instant after the interval, or null when open
 */
public record DateTimeInterval(Instant start, Instant end) {

    private static final Pattern UNENCODED_PLUS = Pattern.compile("(\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?) (\\d\\d:\\d\\d)(?=/|$)");
    private static final String FORMS = "use an RFC 3339 date-time such as 2025-07-01T08:00:00+07:00, a date such as "
            + "2025-07-01, or an interval start/end where '..' or nothing leaves an end open.";

    /**
     * Parses the parameter, or returns null when it is absent or an interval open at both ends. A '+' of an offset
     * that was sent unencoded arrives as a space, so a space before a final {@code hh:mm} is read as '+'.
     */
    public static DateTimeInterval parse(QueryParameters parameters) {
        String raw = parameters.string("datetime").orElse(null);
        if (raw == null) {
            return null;
        }
        String value = UNENCODED_PLUS.matcher(raw.strip()).replaceAll("$1+$2");
        DateTimeInterval interval;
        if (value.contains("/")) {
            String[] ends = value.split("/", -1);
            if (ends.length != 2) {
                throw invalid(raw, "it has " + (ends.length - 1) + " slashes; an interval has one");
            }
            Instant start = isOpen(ends[0]) ? null : startOf(ends[0], raw);
            Instant end = isOpen(ends[1]) ? null : endOf(ends[1], raw);
            if (start != null && end != null && !start.isBefore(end)) {
                throw invalid(raw, "its start is after its end");
            }
            interval = new DateTimeInterval(start, end);
        } else {
            if (isOpen(value)) {
                throw invalid(raw, "it is empty");
            }
            interval = new DateTimeInterval(startOf(value, raw), endOf(value, raw));
        }
        return interval.start == null && interval.end == null ? null : interval;
    }

    private static boolean isOpen(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static Instant startOf(String text, String raw) {
        if (isDate(text)) {
            return ProvinceTime.startOf(date(text, raw));
        }
        return instant(text, raw);
    }

    private static Instant endOf(String text, String raw) {
        if (isDate(text)) {
            return ProvinceTime.startOf(date(text, raw).plusDays(1));
        }
        return instant(text, raw).plus(1, ChronoUnit.MICROS);
    }

    private static boolean isDate(String text) {
        return text.length() <= 10 && !text.contains("T") && !text.contains("t");
    }

    private static LocalDate date(String text, String raw) {
        try {
            return Rfc3339.date(text);
        } catch (DateTimeParseException e) {
            throw invalid(raw, "'" + QueryParameters.shorten(text) + "' is not a date");
        }
    }

    private static Instant instant(String text, String raw) {
        try {
            return Rfc3339.dateTime(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw invalid(raw, "'" + QueryParameters.shorten(text) + "' is not an RFC 3339 date-time with an offset");
        }
    }

    private static InvalidParameterException invalid(String raw, String reason) {
        return InvalidParameterException.of("datetime", "Parameter 'datetime' value '" + QueryParameters.shorten(raw)
                + "' is invalid because " + reason + "; " + FORMS);
    }
}
