package vn.langso.backend.exports;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of layer exports under {@code langso.exports.*}, validated at start-up together with the other
 * settings.
 *
 * @param maxConcurrent exports that may run at once. Each running export uses one PostgreSQL connection
 *                      outside the pool, so this number plus {@code spring.r2dbc.pool.max-size} must stay below
 *                      the server's {@code max_connections}. An export beyond it gets 503
 *                      {@code /problems/server-busy} ({@code langso.exports.max-concurrent}, default 4)
 * @param retryAfter    wait that the {@code Retry-After} header of that 503 suggests, in whole seconds
 *                      ({@code langso.exports.retry-after}, default 10s)
 */
@ConfigurationProperties("langso.exports")
@Validated
public record ExportProperties(@DefaultValue("4") @Min(1) @Max(1000) int maxConcurrent,
                               @DefaultValue("10s") @NotNull Duration retryAfter) {

    @AssertTrue(message = "langso.exports.retry-after must be positive, for example 10s")
    public boolean isRetryAfterPositive() {
        return retryAfter == null || retryAfter.isPositive();
    }
}
