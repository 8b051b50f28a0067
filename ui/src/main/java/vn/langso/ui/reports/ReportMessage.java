package vn.langso.ui.reports;

import java.time.Instant;

/**
 * A message between the reporter and the handlers.
 *
 * @param from {@code citizen} or {@code handler}
 */
public record ReportMessage(long id, Instant at, String from, String authorName, String body) {
}
