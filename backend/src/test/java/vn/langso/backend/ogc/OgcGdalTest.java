package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ApiTestSupport;

/**
 * GDAL's OAPIF driver reads the service: {@code ogrinfo} lists every collection and {@code ogr2ogr} copies a
 * collection page by page (the small limits force several pages) with the feature count of the database.
 */
@TestPropertySource(properties = {"langso.api.default-limit=2", "langso.api.max-limit=4"})
class OgcGdalTest extends ApiTestSupport {

    private static Path workFolder;

    @BeforeAll
    static void insertFixtures() throws IOException {
        execute(OgcFixtures.statements());
        workFolder = Files.createTempDirectory("ogc-gdal-test");
    }

    @AfterAll
    static void deleteWorkFolder() throws IOException {
        if (workFolder != null) {
            try (var files = Files.walk(workFolder)) {
                for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void ogrinfoListsEveryCollection() throws Exception {
        String output = GdalCommand.run(workFolder, GdalCommand.OGRINFO, List.of("-ro", "-so", "OAPIF:" + landingPage()));

        List<String> ids = new ArrayList<>();
        get("/ogc/collections").expect(200).path("collections").forEach(collection -> ids.add(collection.path("id").asString()));
        assertThat(ids).hasSize(OgcFixtures.publicLayerCount(database()) + 3);
        for (String id : ids) {
            assertThat(output).as("ogrinfo output:%n%s", output).containsPattern("(?m)^\\d+: " + id + "( |$)");
        }
    }

    @ParameterizedTest
    @CsvSource({"clinics, clinic, true", "cameras, camera, true", "communes, admin_unit, level = 'commune' AND valid_to IS NULL",
            "admin-units, admin_unit, true", "schools, school, true", "growing-areas, growing_area, true"})
    void ogr2ogrCopiesEveryFeature(String collection, String table, String condition) throws Exception {
        Path copy = workFolder.resolve(collection + ".geojson");

        GdalCommand.run(workFolder, GdalCommand.OGR2OGR, List.of("-f", "GeoJSON", copy.toString(), "OAPIF:" + landingPage(), collection));

        JsonNode copied = JsonMapper.builder().build().readTree(Files.readString(copy));
        assertThat(copied.path("features").size()).isEqualTo(count(table, condition));
    }

    @Test
    void whereEqualitySentToServer() throws Exception {
        Path copy = workFolder.resolve("hospitals.geojson");

        String output = GdalCommand.run(workFolder, GdalCommand.OGR2OGR, List.of("--config", "CPL_DEBUG", "ON",
                "-f", "GeoJSON", copy.toString(), "OAPIF:" + landingPage(), "clinics",
                "-where", "facility_type = 'hospital'"));

        assertThat(output).as("GDAL debug output:%n%s", output)
                .contains("/ogc/collections/clinics/items?limit=10&facility_type=hospital");
        JsonNode copied = JsonMapper.builder().build().readTree(Files.readString(copy));
        assertThat(copied.path("features").size()).isEqualTo(count("clinic", "facility_type = 'hospital'"));
    }

    @Test
    void ogr2ogrKeepsVietnameseNames() throws Exception {
        Path copy = workFolder.resolve("communes-names.geojson");

        GdalCommand.run(workFolder, GdalCommand.OGR2OGR, List.of("-f", "GeoJSON", copy.toString(), "OAPIF:" + landingPage(), "communes"));

        assertThat(Files.readString(copy, StandardCharsets.UTF_8)).contains("Tân Thuận Tây").contains("Mỹ Thọ");
    }

    private String landingPage() {
        return "http://127.0.0.1:" + port() + "/ogc";
    }

    private static long count(String table, String condition) throws SQLException {
        try (var connection = database().connect(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM " + table + " WHERE " + condition)) {
            result.next();
            return result.getLong(1);
        }
    }
}
