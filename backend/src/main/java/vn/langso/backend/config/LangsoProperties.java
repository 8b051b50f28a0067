package vn.langso.backend.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code langso.*}, validated at start-up; the application does not start while any is
 * invalid, and every violation is listed together.
 *
 * @param api      limits of the public read API
 * @param cors     browser origins allowed to read the API
 * @param database schema handling at start-up
 */
@ConfigurationProperties("langso")
@Validated
public record LangsoProperties(@DefaultValue @Valid @NotNull Api api,
                               @DefaultValue @Valid @NotNull Cors cors,
                               @DefaultValue @Valid @NotNull Database database) {

    /**
     * @param defaultLimit   page size when a request gives no {@code limit} ({@code langso.api.default-limit}, default 100)
     * @param maxLimit       largest page size; larger requested limits are capped to it
     *                       ({@code langso.api.max-limit}, default 1000)
     * @param requestTimeout time after which an API request fails with 503 ({@code langso.api.request-timeout}, default 30s)
     */
    public record Api(@DefaultValue("100") @Min(1) int defaultLimit,
                      @DefaultValue("1000") @Min(1) @Max(100_000) int maxLimit,
                      @DefaultValue("30s") @NotNull Duration requestTimeout) {

        @AssertTrue(message = "langso.api.default-limit must not be greater than langso.api.max-limit")
        public boolean isDefaultLimitWithinMaxLimit() {
            return defaultLimit <= maxLimit;
        }

        @AssertTrue(message = "langso.api.request-timeout must be positive, for example 30s")
        public boolean isRequestTimeoutPositive() {
            return requestTimeout == null || requestTimeout.isPositive();
        }
    }

    /**
     * @param allowedOrigins origins allowed to call GET, HEAD and OPTIONS on {@code /api/**} and {@code /ogc/**} from a browser
     *                       ({@code langso.cors.allowed-origins}, comma-separated, default {@code *})
     */
    public record Cors(@DefaultValue("*") @NotEmpty List<String> allowedOrigins) {
    }

    /**
     * @param migrateOnStart apply the schema migrations before serving ({@code langso.database.migrate-on-start},
     *                       default true)
     */
    public record Database(@DefaultValue("true") boolean migrateOnStart) {
    }
}
