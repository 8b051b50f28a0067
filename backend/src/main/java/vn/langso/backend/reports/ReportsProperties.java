package vn.langso.backend.reports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code langso.reports.*}, validated at start-up. Anonymous submissions are limited by the shared
 * {@code langso.security.limits.anonymous-submissions}.
 *
 * @param escalationInterval    how often overdue reports are looked for and escalated
 *                              ({@code langso.reports.escalation-interval}, default 10m)
 * @param timeZone              time zone of working days and due dates ({@code langso.reports.time-zone})
 */
@ConfigurationProperties("langso.reports")
@Validated
public record ReportsProperties(@DefaultValue("10m") @NotNull Duration escalationInterval,
                                @DefaultValue("Asia/Ho_Chi_Minh") @NotBlank String timeZone) {

}
