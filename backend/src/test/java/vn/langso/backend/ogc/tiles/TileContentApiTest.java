package vn.langso.backend.ogc.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import vn.langso.backend.ApiTestSupport;

/** The content and caching of vector tiles over small fixtures near Cao Lãnh, decoded from real responses. */
class TileContentApiTest extends ApiTestSupport {

    /** The zoom-14 tile over central Cao Lãnh; the fixtures sit near its centre, far from its edges. */
    private static final TileMath CAO_LANH_TILE = TileMath.containing(105.6329, 10.4603, 14);
    private static final double CAO_LANH_LON = CAO_LANH_TILE.centreLon();
    private static final double CAO_LANH_LAT = CAO_LANH_TILE.centreLat();
    private static final int CLUSTER_POINTS = 500;

    /** A tile at zoom 14 in open country east of the communes, where the cooperatives cluster sits. */
    private static final TileMath CLUSTER_TILE = TileMath.containing(105.90, 10.30, 14);
    /** A zoom-10 tile south-east of the communes, filled with a dense grid of merchants. */
    private static final TileMath DENSE_TILE = TileMath.containing(106.25, 10.05, 10);
    private static final int DENSE_SIDE = 100;
    private static final double SLIVER_LON = 106.5;
    private static final double SLIVER_LAT = 10.2;

    @BeforeAll
    static void insertFixtures() {
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, valid_to, geom, source) VALUES
                  ('90001', 'Phường Cao Lãnh', 'commune', 'Phường', '82', '2025-07-01', NULL,
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
                  ('90002', 'Mỹ Trà', 'commune', 'Phường', '82', '2025-07-01', NULL,
                   ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.72, 10.49, 4326)), 'test'),
                  ('30001', 'Old commune', 'commune', 'Xã', '866', '2004-01-01', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test')""",
                // A sliver a few nanodegrees wide: at high zoom its clipped, snapped geometry collapses.
                String.format(Locale.ROOT, """
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90009', 'Sliver', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_GeomFromText('POLYGON((%1$s %2$s, %3$s %2$s, %3$s %4$s, %1$s %2$s))', 4326)), 'test')""",
                        SLIVER_LON, SLIVER_LAT, SLIVER_LON + 1e-9, SLIVER_LAT + 1e-9),
                String.format(Locale.ROOT, """
                INSERT INTO school (name, geom, school_level, student_count, address) VALUES
                  ('Trường Tiểu học Kim Đồng', ST_SetSRID(ST_MakePoint(%1$s + 0.001, %2$s), 4326), 'primary', 640, 'Phường 1'),
                  ('Trường THPT Thành phố Cao Lãnh', ST_SetSRID(ST_MakePoint(%1$s - 0.002, %2$s + 0.001), 4326),
                   'upper_secondary', 1200, NULL)""", CAO_LANH_LON, CAO_LANH_LAT),
                String.format(Locale.ROOT, """
                INSERT INTO clinic (name, geom, facility_type, beds) VALUES
                  ('Bệnh viện Đa khoa Đồng Tháp', ST_SetSRID(ST_MakePoint(%1$s, %2$s - 0.001), 4326), 'hospital', 750)""",
                        CAO_LANH_LON, CAO_LANH_LAT),
                // Cooperatives clustered within about 50 m of the centre of the zoom-14 tile.
                String.format(Locale.ROOT, """
                INSERT INTO cooperative (name, geom, member_count)
                SELECT 'HTX ' || i, ST_SetSRID(ST_MakePoint(%1$s + (i %% 25) * 0.00002, %2$s + (i / 25) * 0.00002), 4326), i
                  FROM generate_series(0, %3$d - 1) AS i""",
                        CLUSTER_TILE.centreLon(), CLUSTER_TILE.centreLat(), CLUSTER_POINTS),
                // A 100 x 100 grid of merchants spread over the middle 60 % of the zoom-10 tile (about 0.35 degrees).
                String.format(Locale.ROOT, """
                INSERT INTO merchant (name, geom, category)
                SELECT 'Cửa hàng ' || i || '-' || j,
                       ST_SetSRID(ST_MakePoint(%1$s + (i - %3$d / 2.0) * %4$s, %2$s + (j - %3$d / 2.0) * %4$s), 4326), 'grocery'
                  FROM generate_series(0, %3$d - 1) AS i, generate_series(0, %3$d - 1) AS j""",
                        DENSE_TILE.centreLon(), DENSE_TILE.centreLat(), DENSE_SIDE, 0.6 * 360 / 1024 / DENSE_SIDE));
    }

    @Test
    void caoLanhTileHasExpectedFeatures() {
        TileMath tile = TileMath.containing(CAO_LANH_LON, CAO_LANH_LAT, 14);

        byte[] bytes = tileBytes("/ogc/collections/schools/tiles/WebMercatorQuad/" + tile.path(), 200);
        Map<String, MvtDecoder.Layer> layers = MvtDecoder.decode(bytes);

        assertThat(layers).containsOnlyKeys("schools");
        MvtDecoder.Layer schools = layers.get("schools");
        assertThat(schools.version()).isEqualTo(2);
        assertThat(schools.extent()).isEqualTo(4096);
        assertThat(schools.features()).hasSize(2);
        assertThat(schools.features()).allSatisfy(feature -> {
            assertThat(feature.type()).isEqualTo(1);
            assertThat(feature.id()).isPositive();
            assertThat(feature.properties()).containsKeys("name", "school_level", "student_count", "commune_code")
                    .doesNotContainKeys("count", "source", "source_key", "name_folded", "geom");
        });
        assertThat(schools.values("name")).containsExactlyInAnyOrder("Trường Tiểu học Kim Đồng", "Trường THPT Thành phố Cao Lãnh");
        assertThat(schools.values("commune_code")).containsOnly("90001");
        MvtDecoder.Feature kimDong = schools.features().stream()
                .filter(feature -> feature.properties().get("name").equals("Trường Tiểu học Kim Đồng")).findFirst().orElseThrow();
        assertThat(((Number) kimDong.properties().get("student_count")).longValue()).isEqualTo(640);
        assertThat(kimDong.properties().get("school_level")).isEqualTo("primary");
        assertThat(kimDong.properties().get("address")).isEqualTo("Phường 1");
    }

    @Test
    void communeTileHasCurrentCommunesOnly() {
        TileMath tile = TileMath.containing(CAO_LANH_LON, CAO_LANH_LAT, 12);

        MvtDecoder.Layer communes = MvtDecoder.decode(tileBytes("/ogc/collections/communes/tiles/WebMercatorQuad/"
                + tile.path(), 200)).get("communes");

        assertThat(communes.features()).isNotEmpty().allSatisfy(feature -> assertThat(feature.type()).isEqualTo(3));
        assertThat(communes.values("code")).contains("90001").doesNotContain("30001").doesNotHaveDuplicates();
        assertThat(communes.values("name")).contains("Phường Cao Lãnh");
        assertThat(communes.values("unit_type")).contains("Phường");
    }

    @Test
    void baseMapHasOneLayerPerCollection() {
        TileMath tile = TileMath.containing(CAO_LANH_LON, CAO_LANH_LAT, 14);

        Map<String, MvtDecoder.Layer> layers = MvtDecoder.decode(tileBytes("/ogc/tiles/WebMercatorQuad/" + tile.path(), 200));

        // Layers without a feature in the tile are left out of it.
        assertThat(layers.keySet()).containsExactly("communes", "schools", "clinics");
        assertThat(layers.get("communes").values("code")).containsExactly("90001");
        assertThat(layers.get("schools").features()).hasSize(2);
        assertThat(layers.get("clinics").values("name")).containsExactly("Bệnh viện Đa khoa Đồng Tháp");
        assertThat(((Number) layers.get("clinics").features().get(0).properties().get("beds")).longValue()).isEqualTo(750);
    }

    @Test
    void lowZoomAggregatesPointsIntoCounts() {
        TileMath lowZoom = TileMath.containing(CLUSTER_TILE.centreLon(), CLUSTER_TILE.centreLat(), 8);

        MvtDecoder.Layer cells = MvtDecoder.decode(tileBytes("/ogc/collections/cooperatives/tiles/WebMercatorQuad/"
                + lowZoom.path(), 200)).get("cooperatives");

        assertThat(cells.features()).hasSizeLessThan(CLUSTER_POINTS).isNotEmpty();
        long total = cells.values("count").stream().mapToLong(count -> ((Number) count).longValue()).sum();
        assertThat(total).isEqualTo(CLUSTER_POINTS);
        assertThat(cells.features()).allSatisfy(feature -> assertThat(feature.properties()).doesNotContainKey("member_count"));
        cells.features().stream()
                .filter(feature -> ((Number) feature.properties().get("count")).longValue() > 1)
                .forEach(feature -> assertThat(feature.properties()).doesNotContainKeys("name", "id"));
    }

    @Test
    void denseLayerTileStaysSmall() {
        byte[] bytes = tileBytes("/ogc/collections/merchants/tiles/WebMercatorQuad/" + DENSE_TILE.path(), 200);

        MvtDecoder.Layer cells = MvtDecoder.decode(bytes).get("merchants");
        long total = cells.values("count").stream().mapToLong(count -> ((Number) count).longValue()).sum();
        assertThat(total).isEqualTo((long) DENSE_SIDE * DENSE_SIDE);
        assertThat(cells.features()).hasSizeLessThanOrEqualTo(64 * 64);
        assertThat(bytes.length).as("tile size in bytes").isLessThan(100_000);
    }

    @Test
    void highZoomServesEveryPoint() {
        MvtDecoder.Layer points = MvtDecoder.decode(tileBytes("/ogc/collections/cooperatives/tiles/WebMercatorQuad/"
                + CLUSTER_TILE.path(), 200)).get("cooperatives");

        assertThat(points.features()).hasSize(CLUSTER_POINTS);
        assertThat(points.values("count")).isEmpty();
        assertThat(points.values("member_count")).hasSize(CLUSTER_POINTS);
    }

    @Test
    void aggregationSwitchesAtConfiguredZoom() {
        TileMath z12 = TileMath.containing(CLUSTER_TILE.centreLon(), CLUSTER_TILE.centreLat(), 12);
        TileMath z13 = TileMath.containing(CLUSTER_TILE.centreLon(), CLUSTER_TILE.centreLat(), 13);

        MvtDecoder.Layer aggregated = MvtDecoder.decode(tileBytes("/ogc/collections/cooperatives/tiles/WebMercatorQuad/"
                + z12.path(), 200)).get("cooperatives");
        MvtDecoder.Layer raw = MvtDecoder.decode(tileBytes("/ogc/collections/cooperatives/tiles/WebMercatorQuad/"
                + z13.path(), 200)).get("cooperatives");

        assertThat(aggregated.values("count")).isNotEmpty();
        assertThat(raw.values("count")).isEmpty();
        assertThat(raw.features()).hasSize(CLUSTER_POINTS);
    }

    @Test
    void emptyTileIsNoContent() {
        TileMath ocean = TileMath.containing(109.5, 8.0, 10);

        EntityExchangeResult<byte[]> schools = fetch("/ogc/collections/schools/tiles/WebMercatorQuad/" + ocean.path(), null);
        EntityExchangeResult<byte[]> baseMap = fetch("/ogc/tiles/WebMercatorQuad/" + ocean.path(), null);
        EntityExchangeResult<byte[]> world = fetch("/ogc/collections/schools/tiles/WebMercatorQuad/0/0/0", null);

        assertThat(schools.getStatus().value()).isEqualTo(204);
        assertThat(schools.getResponseBody()).isNullOrEmpty();
        assertThat(schools.getResponseHeaders().getCacheControl()).isEqualTo("max-age=300, public");
        assertThat(baseMap.getStatus().value()).isEqualTo(204);
        assertThat(world.getStatus().value()).isEqualTo(200);
    }

    @Test
    void collapsedSliverDroppedNotError() {
        TileMath highZoom = TileMath.containing(SLIVER_LON, SLIVER_LAT, 22);
        TileMath lowZoom = TileMath.containing(SLIVER_LON, SLIVER_LAT, 10);

        EntityExchangeResult<byte[]> high = fetch("/ogc/collections/communes/tiles/WebMercatorQuad/" + highZoom.path(), null);
        EntityExchangeResult<byte[]> low = fetch("/ogc/collections/communes/tiles/WebMercatorQuad/" + lowZoom.path(), null);
        EntityExchangeResult<byte[]> baseMap = fetch("/ogc/tiles/WebMercatorQuad/" + highZoom.path(), null);

        assertThat(high.getStatus().value()).isEqualTo(204);
        assertThat(low.getStatus().value()).isEqualTo(204);
        assertThat(baseMap.getStatus().value()).isEqualTo(204);
    }

    @Test
    void etagAndIfNoneMatch() {
        String path = "/ogc/collections/communes/tiles/WebMercatorQuad/" + TileMath.containing(CAO_LANH_LON, CAO_LANH_LAT, 12).path();

        EntityExchangeResult<byte[]> first = fetch(path, null);
        String etag = first.getResponseHeaders().getETag();
        assertThat(first.getStatus().value()).isEqualTo(200);
        assertThat(first.getResponseHeaders().getContentType()).hasToString("application/vnd.mapbox-vector-tile");
        assertThat(first.getResponseHeaders().getCacheControl()).isEqualTo("max-age=300, public");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        assertThat(fetch(path, null).getResponseHeaders().getETag()).isEqualTo(etag);

        EntityExchangeResult<byte[]> notModified = fetch(path, etag);
        assertThat(notModified.getStatus().value()).isEqualTo(304);
        assertThat(notModified.getResponseBody()).isNullOrEmpty();
        assertThat(notModified.getResponseHeaders().getETag()).isEqualTo(etag);
        assertThat(notModified.getResponseHeaders().getCacheControl()).isEqualTo("max-age=300, public");

        assertThat(fetch(path, "W/" + etag).getStatus().value()).isEqualTo(304);
        assertThat(fetch(path, "\"stale\"").getStatus().value()).isEqualTo(200);
    }

    @Test
    void headReturnsHeadersOnly() {
        String path = "/ogc/collections/schools/tiles/WebMercatorQuad/" + TileMath.containing(CAO_LANH_LON, CAO_LANH_LAT, 14).path();

        EntityExchangeResult<byte[]> head = client.head().uri(path).exchange().expectBody().returnResult();

        assertThat(head.getStatus().value()).isEqualTo(200);
        assertThat(head.getResponseBody()).isNullOrEmpty();
        assertThat(head.getResponseHeaders().getETag()).isNotBlank();
    }

    private byte[] tileBytes(String path, int expectedStatus) {
        EntityExchangeResult<byte[]> result = fetch(path, null);
        assertThat(result.getStatus().value()).as("status of %s", path).isEqualTo(expectedStatus);
        assertThat(result.getResponseHeaders().getContentType()).hasToString("application/vnd.mapbox-vector-tile");
        return result.getResponseBody();
    }

    private EntityExchangeResult<byte[]> fetch(String path, String ifNoneMatch) {
        return client.get().uri(path)
                .headers(headers -> {
                    if (ifNoneMatch != null) {
                        headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
                    }
                })
                .exchange()
                .expectBody(byte[].class)
                .returnResult();
    }
}
