package vn.langso.backend.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.reports.ReportRecords.PublicView;

/** Parsing of Open311 request filters and the mapping of public report views to Open311 service requests. */
final class Open311Requests {

    /** Largest span between start_date and end_date, and the default window, as GeoReport v2 sets it. */
    static final Duration MAX_WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    static final List<String> OPEN = List.of("received", "assigned", "in_progress", "reopened");
    static final List<String> CLOSED = List.of("resolved", "closed", "rejected");

    private Open311Requests() {
    }

    /** The window of a listing: from start to end, at most 90 days. */
    record Window(Instant from, Instant to) {
    }

    static Window window(String start, String end, Instant now) {
        Instant to = end == null ? now : instant("end_date", end);
        Instant from = start == null ? to.minus(MAX_WINDOW) : instant("start_date", start);
        if (end == null && start != null) {
            to = from.plus(MAX_WINDOW).isBefore(now) ? from.plus(MAX_WINDOW) : now;
        }
        if (from.isAfter(to)) {
            throw InvalidParameterException.of("start_date", "start_date " + start + " is after end_date "
                    + (end == null ? "(now)" : end) + "; give start_date before end_date.");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw InvalidParameterException.of("end_date", "start_date and end_date are "
                    + Duration.between(from, to).toDays() + " days apart; the maximum is 90 days. Ask for a shorter period.");
        }
        return new Window(from, to);
    }

    /** Reads a w3c date-time (with offset) or a plain date (start of that day in the province). */
    static Instant instant(String name, String raw) {
        String value = raw.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZONE).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidParameterException.of(name, name + " '" + shorten(value) + "' is not a date-time; use ISO 8601 "
                    + "with an offset, for example 2026-12-01T00:00:00+07:00, or a date such as 2026-12-01.");
        }
    }

    static List<String> statuses(String raw) {
        List<String> statuses = new ArrayList<>();
        for (String value : split(raw)) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "open" -> statuses.addAll(OPEN);
                case "closed" -> statuses.addAll(CLOSED);
                default -> throw InvalidParameterException.of("status", "status '" + shorten(value)
                        + "' is not an Open311 status; use open, closed or open,closed.");
            }
        }
        return statuses;
    }

    static List<Long> ids(String raw) {
        List<Long> ids = new ArrayList<>();
        for (String value : split(raw)) {
            try {
                ids.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                ids.add(-1L);
            }
        }
        return ids;
    }

    static List<String> split(String raw) {
        return Arrays.stream(raw.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    /** Maps a public view to a GeoReport v2 service request; {@code baseUrl} makes media URLs absolute. */
    static Map<String, Object> request(PublicView view, String serviceName, String baseUrl) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", Long.toString(view.id()));
        request.put("status", CLOSED.contains(view.status()) ? "closed" : "open");
        request.put("status_notes", view.status().equals("rejected") ? "rejected" : null);
        request.put("service_name", serviceName);
        request.put("service_code", view.category());
        request.put("description", view.description());
        request.put("agency_responsible", null);
        request.put("service_notice", null);
        request.put("requested_datetime", dateTime(view.reportedAt()));
        request.put("updated_datetime", view.updatedAt() == null ? null : dateTime(view.updatedAt()));
        request.put("expected_datetime", null);
        request.put("address", view.address());
        request.put("address_id", null);
        request.put("zipcode", null);
        request.put("lat", view.lat());
        request.put("long", view.lon());
        String mediaUrl = view.media().isEmpty() ? view.externalMediaUrl() : baseUrl + view.media().getFirst().url();
        request.put("media_url", mediaUrl);
        return request;
    }

    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String shorten(String raw) {
        String clean = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    /** Parameters of GET requests that this server reads; others (api_key, extensions) are ignored. */
    static final Set<String> LIST_PARAMETERS = Set.of("jurisdiction_id", "service_request_id", "service_code",
            "start_date", "end_date", "status");
}
