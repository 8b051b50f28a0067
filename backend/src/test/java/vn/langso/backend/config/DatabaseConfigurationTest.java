package vn.langso.backend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import vn.langso.gis.db.DatabaseUrl;

/** DATABASE_URL mapping to spring.r2dbc.* and back to the URL the schema migrator uses. */
class DatabaseConfigurationTest {

    private final DatabaseUrlEnvironmentPostProcessor processor = new DatabaseUrlEnvironmentPostProcessor();

    @Test
    void databaseUrlMappedToR2dbc() {
        StandardEnvironment environment = environment(Map.of("DATABASE_URL", "postgresql://langso:s%40cret@db.local:5433/langso"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db.local:5433/langso");
        assertThat(environment.getProperty("spring.r2dbc.username")).isEqualTo("langso");
        assertThat(environment.getProperty("spring.r2dbc.password")).isEqualTo("s@cret");
    }

    @Test
    void explicitR2dbcPropertiesWin() {
        StandardEnvironment environment = environment(Map.of(
                "DATABASE_URL", "postgresql://langso@db.local/langso",
                "spring.r2dbc.url", "r2dbc:postgresql://other:5432/other"));

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://other:5432/other");
    }

    @Test
    void noDatabaseUrlChangesNothing() {
        StandardEnvironment environment = environment(Map.of());

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(DatabaseUrlEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
    }

    @Test
    void invalidDatabaseUrlNamedWithoutPassword() {
        StandardEnvironment environment = environment(Map.of("DATABASE_URL", "mysql://user:hunter2@host/db"));

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("mysql")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void migratorUrlFromR2dbcProperties() {
        StandardEnvironment environment = environment(Map.of(
                "spring.r2dbc.url", "r2dbc:pool:postgresql://db.local:5433/langso?sslmode=disable",
                "spring.r2dbc.username", "app",
                "spring.r2dbc.password", "pw"));

        DatabaseUrl url = SchemaMigrationOnStartup.databaseUrl(environment);

        assertThat(url).isEqualTo(new DatabaseUrl("db.local", 5433, "langso", "app", "pw"));
    }

    @Test
    void migratorUrlMissingSaysWhatToSet() {
        assertThatThrownBy(() -> SchemaMigrationOnStartup.databaseUrl(environment(Map.of())))
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("spring.r2dbc.url");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
