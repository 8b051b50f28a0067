package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ApiTestSupport;
import vn.langso.gis.imports.FeatureImporter;
import vn.langso.gis.imports.ImportOptions;
import vn.langso.gis.imports.ImportReport;
import vn.langso.gis.testing.SharedData;

/**
 * The OGC API over the 102 real communes of Đồng Tháp (from 1 July 2025) and the communes of 2009, read by GDAL
 * with the default page size. Skipped with a message when the shared test data is absent.
 */
class OgcRealCommunesTest extends ApiTestSupport {

    private static final String COMMUNES_FILE = "geo/post2025/dong_thap_2025_communes_102.geojson";
    private static final String FORMER_COMMUNES_FILE = "geo/pre2025/dong_thap_87_communes_census2009_lowres.geojson";

    private static Path workFolder;
    private static int formerCommunes;

    @BeforeAll
    static void loadRealCommunes() throws IOException {
        Path communes2025 = SharedData.require(COMMUNES_FILE);
        Path communes2009 = SharedData.require(FORMER_COMMUNES_FILE);
        FeatureImporter importer = new FeatureImporter(database().url());

        ImportReport current = importer.importFiles(List.of(communes2025), ImportOptions.into("admin-units"));
        ImportReport former = importer.importFiles(List.of(communes2009),
                ImportOptions.into("admin-units").withValidity(LocalDate.of(2009, 4, 1), LocalDate.of(2025, 7, 1)));

        assertThat(current.imported()).isEqualTo(102);
        assertThat(former.imported()).isPositive();
        formerCommunes = former.imported();
        workFolder = Files.createTempDirectory("ogc-real-communes-test");
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
    void communesPagedByDefaultLimit() {
        JsonNode first = get("/ogc/collections/communes/items").expect(200);

        assertThat(first.path("numberMatched").asLong()).isEqualTo(102);
        assertThat(first.path("numberReturned").asInt()).isEqualTo(100);
        JsonNode second = getAbsolute(OgcTestLinks.href(first, "next")).expect(200);
        assertThat(second.path("numberReturned").asInt()).isEqualTo(2);
        assertThat(OgcTestLinks.href(second, "next")).isNull();
    }

    @Test
    void htmlMapOfAllCommunesStaysSmall() {
        String html = client.get().uri("/ogc/collections/communes/items?f=html&limit=102").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        HtmlDocument page = HtmlDocument.parse(html);
        assertThat(page.elements("path")).hasSize(102);
        assertThat(page.tableRows()).hasSize(102);
        // The map drops vertices closer than a pixel, so the page does not grow with the communes' detail.
        assertThat(html.length()).isLessThan(400_000);
    }

    @Test
    void unitsValidIn2020AreFormerCommunes() {
        JsonNode page = get("/ogc/collections/admin-units/items?datetime=2020-01-01&limit=1").expect(200);

        assertThat(page.path("numberMatched").asLong()).isEqualTo(formerCommunes);
    }

    @Test
    void communesExtentCoversProvince() {
        JsonNode bbox = get("/ogc/collections/communes").expect(200).path("extent").path("spatial").path("bbox").get(0);

        assertThat(bbox.get(0).asDouble()).isBetween(105.0, 105.5);
        assertThat(bbox.get(1).asDouble()).isBetween(9.9, 10.3);
        assertThat(bbox.get(2).asDouble()).isBetween(106.5, 107.0);
        assertThat(bbox.get(3).asDouble()).isBetween(10.8, 11.2);
    }

    @Test
    void ogr2ogrCopiesAllRealCommunes() throws Exception {
        Path copy = workFolder.resolve("communes.geojson");

        GdalCommand.run(workFolder, GdalCommand.OGR2OGR, List.of("-f", "GeoJSON", copy.toString(),
                "OAPIF:http://127.0.0.1:" + port() + "/ogc", "communes"));

        JsonNode copied = JsonMapper.builder().build().readTree(Files.readString(copy));
        assertThat(copied.path("features").size()).isEqualTo(102);
    }

    @Test
    void ogr2ogrCopiesEveryPeriod() throws Exception {
        Path copy = workFolder.resolve("admin-units.geojson");

        GdalCommand.run(workFolder, GdalCommand.OGR2OGR, List.of("-f", "GeoJSON", copy.toString(),
                "OAPIF:http://127.0.0.1:" + port() + "/ogc", "admin-units"));

        JsonNode copied = JsonMapper.builder().build().readTree(Files.readString(copy));
        assertThat(copied.path("features").size()).isEqualTo(102 + formerCommunes);
    }
}
