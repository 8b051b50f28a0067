package vn.langso.backend.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.langso.gis.db.DatabaseUrl;

/**
 * Maps {@code DATABASE_URL} (libpq form {@code postgresql://user:password@host:port/database}) to the
 * {@code spring.r2dbc.*} properties. The mapped values have the lowest precedence, so {@code spring.r2dbc.url},
 * {@code username} and {@code password} given in any other way win.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

    public static final String VARIABLE = "DATABASE_URL";
    static final String PROPERTY_SOURCE_NAME = "langsoDatabaseUrl";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty(VARIABLE);
        if (value == null || value.isBlank()) {
            return;
        }
        DatabaseUrl database;
        try {
            database = DatabaseUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(VARIABLE + " is invalid: " + e.getMessage(), e);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", database.r2dbcUrl());
        properties.put("spring.r2dbc.username", database.user());
        properties.put("spring.r2dbc.password", database.password());
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
    }
}
