package vn.langso.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.gis.testing.TestDatabase;

/**
 * Extra properties of places (beyond name, address and the typed columns) are public once stored, so an import
 * keeps only those the operator lists with {@code --attributes} and reports the others.
 */
class ImportAttributesTest {

    private static TestDatabase database;

    @TempDir
    Path folder;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createMigrated();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyClinics() throws SQLException {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE clinic CASCADE");
        }
    }

    private int run(String... args) {
        ImportCommand command = new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("DATABASE_URL", database.url().toLibpqUrl()), ImportProgress.NONE);
        return command.run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Two clinics with personal data of their owners, a note named with a diacritic, and a key property. */
    private Path clinics() throws IOException {
        return Files.writeString(folder.resolve("clinics.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"Phòng khám An Bình","address":"Phường 1","beds":12,"ma":"K1",
                  "owner_full_name":"Nguyễn Văn A","owner_national_id":"087090001234","owner_mobile":"0901000101",
                  "ghi_chú":"mở cửa 7 giờ"},"geometry":{"type":"Point","coordinates":[105.63,10.46]}},
                 {"type":"Feature","properties":{"name":"Phòng khám Hòa An","ma":"K2",
                  "owner_full_name":"Trần Thị B","owner_mobile":"0901000102"},
                  "geometry":{"type":"Point","coordinates":[105.76,10.29]}}
                ]}""", StandardCharsets.UTF_8);
    }

    private static Object properties(String key) {
        return Sql.single(database, "SELECT properties::text FROM clinic WHERE source_key = ?", key);
    }

    @Test
    void extraPropertiesLeftOutByDefault() throws IOException {
        int exit = run("import", "--into", "clinics", "--key", "ma", clinics().toString());

        assertThat(exit).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(Sql.column(database, "SELECT source_key FROM clinic ORDER BY source_key")).containsExactly("K1", "K2");
        assertThat(properties("K1")).isEqualTo("{}");
        assertThat(properties("K2")).isEqualTo("{}");
        assertThat(Sql.single(database, "SELECT beds FROM clinic WHERE source_key = 'K1'")).isEqualTo(12);
        assertThat(Sql.single(database, "SELECT address FROM clinic WHERE source_key = 'K1'")).isEqualTo("Phường 1");
        assertThat(output()).containsPattern("Properties not imported.*\\R"
                        + "\\s+ghi_chú\\s+1\\R\\s+ma\\s+2\\R\\s+owner_full_name\\s+2\\R"
                        + "\\s+owner_mobile\\s+2\\R\\s+owner_national_id\\s+1\\R")
                .contains("--attributes KEY,KEY,...", "--attributes all")
                .doesNotContain("Warning");
    }

    @Test
    void reportCountsLeftOutProperties() throws IOException {
        ImportReport report = new FeatureImporter(database.url()).importFiles(List.of(clinics()),
                ImportOptions.into("clinics").withAttributes(ImportOptions.Attributes.of(Set.of("owner_mobile"))));

        assertThat(report.droppedAttributes()).containsExactly(entry("ghi_chú", 1), entry("ma", 2),
                entry("owner_full_name", 2), entry("owner_national_id", 1));
        assertThat(report.keptAttributes()).containsExactly(entry("owner_mobile", 2));
    }

    @Test
    void listedPropertiesKeptOthersLeftOut() throws IOException {
        String noteInNfd = Normalizer.normalize("ghi_chú", Normalizer.Form.NFD);

        int exit = run("import", "--into", "clinics", "--key", "ma", "--attributes", " owner_mobile," + noteInNfd,
                clinics().toString());

        assertThat(exit).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(Sql.single(database, "SELECT properties->>'owner_mobile' FROM clinic WHERE source_key = 'K1'"))
                .isEqualTo("0901000101");
        assertThat(Sql.single(database, "SELECT properties->>'ghi_chú' FROM clinic WHERE source_key = 'K1'"))
                .isEqualTo("mở cửa 7 giờ");
        assertThat(Sql.single(database, "SELECT array_to_string(array(SELECT jsonb_object_keys(properties) ORDER BY 1), ',')"
                + " FROM clinic WHERE source_key = 'K1'")).isEqualTo("ghi_chú,owner_mobile");
        assertThat(properties("K2")).isEqualTo("{\"owner_mobile\": \"0901000102\"}");
        assertThat(output()).containsPattern("Properties not imported.*\\R"
                        + "\\s+ma\\s+2\\R\\s+owner_full_name\\s+2\\R\\s+owner_national_id\\s+1\\R")
                .containsPattern("Extra properties kept.*\\R\\s+ghi_chú\\s+1\\R\\s+owner_mobile\\s+2\\R")
                .contains("/api/v1/layers/clinics/features and the exports serve them publicly");
    }

    @Test
    void allKeepsEveryPropertyAndWarns() throws IOException {
        int exit = run("import", "--into", "clinics", "--key", "ma", "--attributes=all", clinics().toString());

        assertThat(exit).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(Sql.single(database, "SELECT properties->>'owner_national_id' FROM clinic WHERE source_key = 'K1'"))
                .isEqualTo("087090001234");
        assertThat(Sql.single(database, "SELECT properties->>'owner_full_name' FROM clinic WHERE source_key = 'K2'"))
                .isEqualTo("Trần Thị B");
        assertThat(Sql.single(database, "SELECT properties->>'ma' FROM clinic WHERE source_key = 'K2'")).isEqualTo("K2");
        assertThat(output()).doesNotContain("Properties not imported")
                .containsPattern("Extra properties kept.*\\R\\s+ghi_chú\\s+1\\R\\s+ma\\s+2\\R\\s+owner_full_name\\s+2\\R"
                        + "\\s+owner_mobile\\s+2\\R\\s+owner_national_id\\s+1\\R")
                .contains("Warning: --attributes all kept every extra property",
                        "/api/v1/layers/clinics/features and the CSV, GeoJSON and GeoPackage exports serve them publicly");
    }

    @Test
    void badAttributesValueIsUsageError() throws IOException {
        String file = clinics().toString();

        for (String value : List.of("", " ", ",", "owner_mobile,", "owner_mobile,,ma", "all,ma")) {
            err.reset();
            assertThat(run("import", "--into", "clinics", "--attributes", value, file))
                    .as("--attributes '%s'", value).isEqualTo(ImportCommand.EXIT_USAGE);
            assertThat(errors()).contains("Error: --attributes '" + value + "' is not a list of property names");
        }
        err.reset();
        assertThat(run("import", "--into", "admin-units", "--attributes", "ma", file)).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(errors()).contains("--attributes applies only to layers, because admin-units");
        assertThat(Sql.count(database, "SELECT count(*) FROM clinic")).isZero();
    }

    @Test
    void helpDescribesAttributes() {
        assertThat(run("help")).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(output()).contains("--attributes KEYS", "Default: none");
    }
}
