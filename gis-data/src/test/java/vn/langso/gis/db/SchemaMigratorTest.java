package vn.langso.gis.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import vn.langso.gis.testing.TestDatabase;

class SchemaMigratorTest {

    @Test
    void migrateCreatesLayersAndIsIdempotent() throws Exception {
        try (TestDatabase database = TestDatabase.createEmpty()) {
            assertThat(SchemaMigrator.migrate(database.url())).isPositive();
            assertThat(SchemaMigrator.migrate(database.url())).isZero();

            try (Connection connection = database.connect();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM layer ORDER BY sort_order")) {
                StringBuilder names = new StringBuilder();
                while (rows.next()) {
                    names.append(rows.getString(1)).append(' ');
                }
                assertThat(names.toString().trim()).isEqualTo("reports cameras merchants schools clinics cooperatives trace_locations");
            }
        }
    }

    @Test
    void foldVietnameseMatchesWithoutDiacritics() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated();
             Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT fold_vietnamese('Tân Thuận Tây'), fold_vietnamese(normalize('ĐỒNG  Tháp', NFD))")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("tan thuan tay");
            assertThat(row.getString(2)).isEqualTo("dong thap");
        }
    }
}
