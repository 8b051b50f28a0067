package vn.langso.backend.cameras;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.QueryParameters;

/**
 * The half-open time window [from, to) of a query, from the {@code from} and {@code to} parameters (RFC 3339 with a
 * zone). A missing {@code to} is now; a missing {@code from} is {@code to} minus the endpoint's default span.
 */
record TimeWindow(Instant from, Instant to) {

    static TimeWindow parse(QueryParameters parameters, Duration defaultSpan, Duration maxSpan, Clock clock) {
        Instant to = parameters.string("to").map(raw -> instant("to", raw)).orElseGet(clock::instant);
        Instant from = parameters.string("from").map(raw -> instant("from", raw)).orElseGet(() -> to.minus(defaultSpan));
        if (!from.isBefore(to)) {
            throw InvalidParameterException.of("from", "from " + from + " is not before to " + to
                    + "; the window is [from, to).");
        }
        if (Duration.between(from, to).compareTo(maxSpan) > 0) {
            throw InvalidParameterException.of("from", "The window from " + from + " to " + to + " is longer than "
                    + maxSpan.toDays() + " days; query a shorter window.");
        }
        return new TimeWindow(from, to);
    }

    private static Instant instant(String name, String raw) {
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidParameterException.of(name, "Parameter '" + name + "' value '" + QueryParameters.shorten(raw)
                    + "' is not an RFC 3339 time with a zone; use the form 2026-12-04T10:00:00Z.");
        }
    }
}
