package vn.langso.backend.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Defaults and start-up validation of the langso.* settings. */
class LangsoPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LangsoProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaults() {
        runner.run(context -> {
            LangsoProperties properties = context.getBean(LangsoProperties.class);
            assertThat(properties.api().defaultLimit()).isEqualTo(100);
            assertThat(properties.api().maxLimit()).isEqualTo(1000);
            assertThat(properties.api().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.cors().allowedOrigins()).containsExactly("*");
            assertThat(properties.database().migrateOnStart()).isTrue();
        });
    }

    @Test
    void defaultLimitAboveMaximumRejected() {
        runner.withPropertyValues("langso.api.default-limit=2000", "langso.api.max-limit=1000").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("langso.api.default-limit");
        });
    }

    @Test
    void everyViolationReported() {
        runner.withPropertyValues("langso.api.max-limit=0", "langso.api.request-timeout=-1s", "langso.cors.allowed-origins=")
                .run(context -> {
                    assertThat(context).hasFailed();
                    String message = context.getStartupFailure().getCause().getMessage()
                            + context.getStartupFailure().getCause().getCause();
                    assertThat(message).contains("maxLimit").contains("request-timeout").contains("allowedOrigins");
                });
    }
}
