package vn.langso.backend.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.langso.gis.db.DatabaseUrl;
import vn.langso.gis.db.SchemaMigrator;

/**
 * Migrates the schema while the application context starts, on the main thread and before the web
 * server opens its port, so that no request runs against an old schema. Flyway uses JDBC; this is the only
 * JDBC use in the backend.
 */
@Component
class SchemaMigrationOnStartup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrationOnStartup.class);

    private final Environment environment;
    private final LangsoProperties properties;

    SchemaMigrationOnStartup(Environment environment, LangsoProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.database().migrateOnStart()) {
            log.info("Schema migration at start-up is disabled (langso.database.migrate-on-start=false)");
            return;
        }
        SchemaMigrator.migrate(databaseUrl(environment));
    }

    /** Derives the migrator's database URL from the R2DBC connection properties. */
    static DatabaseUrl databaseUrl(Environment environment) {
        String r2dbcUrl = environment.getProperty("spring.r2dbc.url");
        if (r2dbcUrl == null || r2dbcUrl.isBlank()) {
            throw new IllegalStateException("No database configured. Set " + DatabaseUrlEnvironmentPostProcessor.VARIABLE
                    + " to postgresql://user:password@host:port/database, or set spring.r2dbc.url.");
        }
        String libpqForm = r2dbcUrl.trim().replaceFirst("^r2dbc:(pool:)?", "");
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(libpqForm);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("spring.r2dbc.url is not a PostgreSQL R2DBC URL such as "
                    + "r2dbc:postgresql://host:5432/database: " + e.getMessage(), e);
        }
        String user = environment.getProperty("spring.r2dbc.username", parsed.user());
        String password = environment.getProperty("spring.r2dbc.password", parsed.password());
        return new DatabaseUrl(parsed.host(), parsed.port(), parsed.database(), user, password);
    }
}
