package vn.langso.backend.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.sf.Point;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.ogc.GdalCommand;

/** Layer exports as GeoJSON, CSV and GeoPackage over real PostGIS and HTTP, read back with independent readers. */
class LayerExportApiTest extends ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NFC_NAME = "Trạm Y tế xã Tân Thuận Tây";
    private static final String TRICKY_ADDRESS = "Số 1, đường \"Lê Lợi\"\nphường 2";
    private static final List<String> CLINIC_HEADER = List.of("id", "name", "commune_code", "commune_name", "address",
            "updated_at", "facility_type", "ownership", "phone", "beds", "lon", "lat", "attributes");

    @TempDir
    Path workFolder;

    @BeforeAll
    static void insertFixtures() {
        String nfdName = Normalizer.normalize(NFC_NAME, Normalizer.Form.NFD);
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90001', 'Tân Thuận Tây', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
                  ('90002', 'Mỹ Thọ', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.72, 10.49, 4326)), 'test')""",
                """
                INSERT INTO clinic (name, geom, address, facility_type, ownership, phone, beds, properties, source, source_key)
                VALUES
                  ('Bệnh viện Đa khoa Đồng Tháp', ST_SetSRID(ST_MakePoint(105.6329, 10.4603), 4326),
                   E'Số 1, đường "Lê Lợi"\\nphường 2', 'hospital', 'public', '0277 3851 065', 500,
                   '{"osm_id": 1, "note": "a, \\"b\\""}', 'test', '1'),
                  ('%s', ST_SetSRID(ST_MakePoint(105.64, 10.45), 4326), NULL,
                   'health_station', 'public', NULL, 5, '{}', 'test', '2'),
                  ('Trung tâm Y tế Mỹ Thọ', ST_SetSRID(ST_MakePoint(105.69, 10.46), 4326), NULL,
                   'health_centre', 'public', NULL, NULL, '{}', 'test', '3')""".formatted(nfdName),
                """
                INSERT INTO merchant (name, geom, category, accepts_vietqr, source, source_key) VALUES
                  ('Tạp hóa Cô Ba', ST_SetSRID(ST_MakePoint(105.65, 10.44), 4326), 'grocery', true, 'test', '1')""");
    }

    @Test
    void geoJsonRoundTrip() {
        EntityExchangeResult<byte[]> result = download("/api/v1/layers/clinics/export?format=geojson");

        assertThat(result.getResponseHeaders().getContentType()).hasToString("application/geo+json");
        assertAttachment(result, "clinics", "geojson");
        JsonNode collection = JSON.readTree(result.getResponseBody());
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        JsonNode features = collection.path("features");
        assertThat(features.size()).isEqualTo(3);
        JsonNode first = features.get(0);
        assertThat(first.path("geometry").path("type").asString()).isEqualTo("Point");
        assertThat(first.path("geometry").path("coordinates").get(0).asDouble()).isCloseTo(105.6329, within(1e-9));
        assertThat(first.path("properties").path("commune_name").asString()).isEqualTo("Tân Thuận Tây");
        assertThat(first.path("properties").path("address").asString()).isEqualTo(TRICKY_ADDRESS);
        assertThat(first.path("properties").path("attributes").path("osm_id").asInt()).isEqualTo(1);
        assertThat(first.path("properties").has("source_key")).isFalse();
        assertThat(features.get(1).path("properties").path("name").asString()).isEqualTo(NFC_NAME);
    }

    @Test
    void csvRoundTripWithLonLat() throws IOException {
        EntityExchangeResult<byte[]> result = download("/api/v1/layers/clinics/export?format=csv");

        assertThat(String.valueOf(result.getResponseHeaders().getContentType())).isEqualTo("text/csv;charset=UTF-8");
        assertAttachment(result, "clinics", "csv");
        byte[] body = result.getResponseBody();
        assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CSVRecord> records = parseCsv(body);
        assertThat(records.getFirst().toList()).containsExactlyElementsOf(CLINIC_HEADER);
        assertThat(records).hasSize(4);

        CSVRecord hospital = records.get(1);
        assertThat(hospital.get(1)).isEqualTo("Bệnh viện Đa khoa Đồng Tháp");
        assertThat(hospital.get(2)).isEqualTo("90001");
        assertThat(hospital.get(3)).isEqualTo("Tân Thuận Tây");
        assertThat(hospital.get(4)).isEqualTo(TRICKY_ADDRESS);
        assertThat(hospital.get(6)).isEqualTo("hospital");
        assertThat(hospital.get(8)).isEqualTo("0277 3851 065");
        assertThat(hospital.get(9)).isEqualTo("500");
        assertThat(Double.parseDouble(hospital.get(10))).isCloseTo(105.6329, within(1e-9));
        assertThat(Double.parseDouble(hospital.get(11))).isCloseTo(10.4603, within(1e-9));
        JsonNode attributes = JSON.readTree(hospital.get(12));
        assertThat(attributes.path("note").asString()).isEqualTo("a, \"b\"");

        CSVRecord station = records.get(2);
        assertThat(station.get(1)).as("name stored in NFD is exported in NFC").isEqualTo(NFC_NAME);
        assertThat(station.get(4)).as("missing address").isEmpty();
        assertThat(records.get(3).get(9)).as("missing beds").isEmpty();
    }

    @Test
    void csvWithWktColumn() throws IOException {
        List<CSVRecord> records = parseCsv(download("/api/v1/layers/merchants/export?format=csv&geometry=wkt")
                .getResponseBody());

        assertThat(records.getFirst().toList()).containsExactly("id", "name", "commune_code", "commune_name",
                "address", "updated_at", "category", "phone", "accepts_vietqr", "wkt", "attributes");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(8)).isEqualTo("true");
        assertThat(records.get(1).get(9)).isEqualTo("POINT(105.65 10.44)");
        assertThat(records.get(1).get(3)).isEqualTo("Tân Thuận Tây");
    }

    @Test
    void geoPackageRoundTrip() throws Exception {
        EntityExchangeResult<byte[]> result = download("/api/v1/layers/clinics/export?format=gpkg");

        assertThat(String.valueOf(result.getResponseHeaders().getContentType())).isEqualTo("application/geopackage+sqlite3");
        assertAttachment(result, "clinics", "gpkg");
        Path file = workFolder.resolve("clinics.gpkg");
        Files.write(file, result.getResponseBody());

        List<FeatureRow> rows = new ArrayList<>();
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile(), false)) {
            assertThat(geoPackage.getFeatureTables()).containsExactly("clinics");
            FeatureDao dao = geoPackage.getFeatureDao("clinics");
            assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(4326);
            assertThat(dao.count()).isEqualTo(3);
            FeatureResultSet resultSet = dao.queryForAll();
            try {
                while (resultSet.moveToNext()) {
                    rows.add(resultSet.getRow());
                }
            } finally {
                resultSet.close();
            }
        }
        FeatureRow hospital = rows.getFirst();
        Point point = (Point) hospital.getGeometry().getGeometry();
        assertThat(point.getX()).isCloseTo(105.6329, within(1e-9));
        assertThat(point.getY()).isCloseTo(10.4603, within(1e-9));
        assertThat(hospital.getValue("name")).isEqualTo("Bệnh viện Đa khoa Đồng Tháp");
        assertThat(hospital.getValue("address")).isEqualTo(TRICKY_ADDRESS);
        assertThat(((Number) hospital.getValue("beds")).longValue()).isEqualTo(500);
        assertThat(hospital.getValue("commune_name")).isEqualTo("Tân Thuận Tây");
        assertThat(rows.get(1).getValue("name")).isEqualTo(NFC_NAME);
        assertThat(rows.get(2).getValue("beds")).isNull();
    }

    @Test
    void geoPackageReadByOgrinfo() throws Exception {
        Path file = workFolder.resolve("clinics.gpkg");
        Files.write(file, download("/api/v1/layers/clinics/export?format=gpkg").getResponseBody());

        String summary = GdalCommand.run(workFolder, GdalCommand.OGRINFO, List.of("-ro", "-so", "-al", file.toString()));

        assertThat(summary).contains("Layer name: clinics");
        assertThat(summary).contains("Geometry: Point");
        assertThat(summary).contains("Feature Count: 3");
        assertThat(summary).contains("EPSG\",4326");
        assertThat(summary).contains("beds: Integer");
    }

    @Test
    void filtersApplyToEveryFormat() throws Exception {
        String filters = "&commune=90001&q=Tr%E1%BA%A1m";

        JsonNode features = JSON.readTree(download("/api/v1/layers/clinics/export?format=geojson" + filters)
                .getResponseBody()).path("features");
        assertThat(features.size()).isEqualTo(1);
        assertThat(features.get(0).path("properties").path("name").asString()).isEqualTo(NFC_NAME);

        List<CSVRecord> records = parseCsv(download("/api/v1/layers/clinics/export?format=csv" + filters).getResponseBody());
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(1)).isEqualTo(NFC_NAME);

        Path file = workFolder.resolve("filtered.gpkg");
        Files.write(file, download("/api/v1/layers/clinics/export?format=gpkg" + filters).getResponseBody());
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile(), false)) {
            assertThat(geoPackage.getFeatureDao("clinics").count()).isEqualTo(1);
        }
    }

    @Test
    void bboxAndRadiusFilters() {
        JsonNode inBbox = JSON.readTree(download("/api/v1/layers/clinics/export?format=geojson&bbox=105.66,10.43,105.72,10.49")
                .getResponseBody()).path("features");
        assertThat(inBbox.size()).isEqualTo(1);
        assertThat(inBbox.get(0).path("properties").path("name").asString()).isEqualTo("Trung tâm Y tế Mỹ Thọ");

        JsonNode nearby = JSON.readTree(download("/api/v1/layers/clinics/export?format=geojson&lon=105.6329&lat=10.4603&radius=2000")
                .getResponseBody()).path("features");
        assertThat(nearby.size()).isEqualTo(2);

        JsonNode outsideVietnam = JSON.readTree(download("/api/v1/layers/clinics/export?format=geojson&bbox=2.2,48.8,2.4,48.9")
                .getResponseBody()).path("features");
        assertThat(outsideVietnam.size()).as("a bbox in Paris").isZero();

        get("/api/v1/layers/clinics/export?format=csv&bbox=10.4,105.6,10.5,105.7")
                .expectProblem(400, "/problems/invalid-bbox");
    }

    @Test
    void emptyLayerGivesValidFiles() throws Exception {
        JsonNode collection = JSON.readTree(download("/api/v1/layers/schools/export?format=geojson").getResponseBody());
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("features").isArray()).isTrue();
        assertThat(collection.path("features").size()).isZero();

        List<CSVRecord> records = parseCsv(download("/api/v1/layers/schools/export?format=csv").getResponseBody());
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().toList()).contains("school_code", "school_level", "student_count", "lon", "lat");

        Path file = workFolder.resolve("schools.gpkg");
        Files.write(file, download("/api/v1/layers/schools/export?format=gpkg").getResponseBody());
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile(), false)) {
            assertThat(geoPackage.getFeatureDao("schools").count()).isZero();
        }
    }

    @Test
    void unknownLayerIsNotFound() {
        get("/api/v1/layers/nowhere/export?format=csv").expectProblem(404, "/problems/not-found");
        get("/api/v1/layers/nowhere/export?format=gpkg").expectProblem(404, "/problems/not-found");
    }

    @Test
    void invalidParametersRejected() {
        JsonNode badFormat = get("/api/v1/layers/clinics/export?format=shp").expectProblem(400, "/problems/invalid-parameter");
        assertThat(badFormat.path("detail").asString()).contains("shp").contains("geojson, csv, gpkg");
        get("/api/v1/layers/clinics/export").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/layers/clinics/export?format=csv&limit=10").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/layers/clinics/export?format=csv&geometry=xy").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/layers/clinics/export?format=geojson&geometry=wkt").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/layers/clinics/export?format=csv&commune=99999").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/layers/clinics/export?format=csv&lon=105.6").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/layers/clinics/export?format=csv&format=gpkg").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void headSendsHeadersOnly() {
        EntityExchangeResult<byte[]> result = client.head().uri("/api/v1/layers/clinics/export?format=gpkg").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        assertAttachment(result, "clinics", "gpkg");
        assertThat(result.getResponseBody()).isNullOrEmpty();
    }

    @Test
    void exportDescribedInOpenApi() {
        JsonNode operation = get("/api/v1/openapi.json").expect(200).path("paths").path("/api/v1/layers/{layer}/export")
                .path("get");

        assertThat(operation.path("operationId").asString()).isEqualTo("exportLayer");
        assertThat(operation.path("responses").path("200").path("content").propertyNames())
                .containsExactlyInAnyOrder("application/geo+json", "text/csv;charset=UTF-8", "application/geopackage+sqlite3");
    }

    @Test
    void writeMethodsRejected() {
        client.post().uri("/api/v1/layers/clinics/export?format=csv").exchange().expectStatus().isEqualTo(405);
    }

    private EntityExchangeResult<byte[]> download(String pathAndQuery) {
        return client.get().uri(URI.create("http://127.0.0.1:" + port() + pathAndQuery)).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult();
    }

    private static void assertAttachment(EntityExchangeResult<?> result, String layer, String extension) {
        String disposition = result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).matches("attachment; filename=\"langso-" + layer + "-\\d{4}-\\d{2}-\\d{2}\\." + extension + "\"");
    }

    private static List<CSVRecord> parseCsv(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }
}
