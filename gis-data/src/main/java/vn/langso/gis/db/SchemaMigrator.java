package vn.langso.gis.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the schema migrations in {@code classpath:db/migration} (this module's resources). The backend
 * at start-up, the import command and the tests all migrate through here, so they share one schema.
 * Blocking: call it off any event-loop thread.
 */
public final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /** Migrates the database to the newest version and returns the number of migrations applied. */
    public static int migrate(DatabaseUrl database) {
        log.info("Migrating schema of {}", database);
        MigrateResult result = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        log.info("Schema of {} is at version {} ({} migrations applied)",
                database, result.targetSchemaVersion, result.migrationsExecuted);
        return result.migrationsExecuted;
    }
}
