package vn.langso.backend.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.ogc.tiles.MvtDecoder;
import vn.langso.backend.ogc.tiles.TileMath;

/**
 * A column that a migration adds to a place table stays private until it is listed in {@link PublicColumns}: no
 * public reader (OGC items and tiles, {@code /api/v1/layers}, the exports) serves it, and each serves exactly
 * the listed columns.
 */
class PublicColumnsApiTest extends ApiTestSupport {

    private static final double LON = 105.6329;
    private static final double LAT = 10.4603;
    private static final String SECRET = "0909 123 456";
    private static final Set<String> SCHOOL_COLUMNS = Set.of("name", "commune_code", "address", "updated_at",
            "school_code", "school_level", "student_count");

    @BeforeAll
    static void addUnlistedColumn() {
        // A commune under the school, so that every listed column has a value (MVT leaves NULL values out).
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90001', 'Phường Cao Lãnh', 'commune', 'Phường', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test')""",
                "ALTER TABLE school ADD COLUMN principal_phone text",
                String.format(Locale.ROOT, """
                        INSERT INTO school (name, geom, school_code, school_level, student_count, address,
                                            principal_phone)
                        VALUES ('Trường Tiểu học Kiểm Thử', ST_SetSRID(ST_MakePoint(%s, %s), 4326), 'TH-01', 'primary',
                                320, 'Phường 1', '%s')""", LON, LAT, SECRET));
    }

    @Test
    void ogcItemsServeListedColumns() {
        JsonResponse response = get("/ogc/collections/schools/items");

        var feature = response.expect(200).path("features").get(0);
        Set<String> keys = feature.path("properties").propertyNames().stream().collect(Collectors.toSet());
        assertThat(keys).isEqualTo(SCHOOL_COLUMNS);
        assertThat(response.body().toString()).doesNotContain(SECRET);
    }

    @Test
    void tilesServeListedColumnsTyped() {
        byte[] tile = download("/ogc/collections/schools/tiles/WebMercatorQuad/" + TileMath.containing(LON, LAT, 15).path());

        MvtDecoder.Feature school = MvtDecoder.decode(tile).get("schools").features().getFirst();
        assertThat(school.properties().keySet()).isEqualTo(SCHOOL_COLUMNS);
        Map<String, Object> properties = school.properties();
        assertThat(((Number) properties.get("student_count")).longValue()).isEqualTo(320);
        // The same RFC 3339 text as the GeoJSON items.
        assertThat((String) properties.get("updated_at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");
        assertThat(new String(tile, StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }

    @Test
    void layerFeaturesOmitUnlistedColumn() {
        JsonResponse response = get("/api/v1/layers/schools/features");

        var properties = response.expect(200).path("features").get(0).path("properties");
        assertThat(properties.propertyNames()).containsAll(SCHOOL_COLUMNS).doesNotContain("principal_phone");
        assertThat(response.body().toString()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"geojson", "csv", "csv&geometry=wkt", "gpkg"})
    void exportsOmitUnlistedColumn(String format) {
        byte[] export = download("/api/v1/layers/schools/export?format=" + format);

        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text).contains("Kiểm Thử").doesNotContain(SECRET).doesNotContain("principal_phone");
    }

    private byte[] download(String pathAndQuery) {
        return client.get().uri(URI.create("http://127.0.0.1:" + port() + pathAndQuery)).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }
}
