package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.ogc.tiles.MvtDecoder;
import vn.langso.backend.ogc.tiles.TileMath;

/**
 * The growing areas and ponds of the traceability pilot as the OGC collection {@code growing-areas}: items with only
 * the served columns, CQL2 filters, vector tiles of polygons and the analyses per commune. Also the location ids of
 * the traceability places, which link both collections to the EPCIS events.
 */
class OgcGrowingAreasApiTest extends ApiTestSupport {

    private static final String ITEMS = "/ogc/collections/growing-areas/items";

    /** A zoom-14 tile inside the mango area of commune 90001. */
    private static final TileMath MANGO_TILE = TileMath.containing(105.625, 10.455, 14);

    @BeforeAll
    static void insertFixtures() {
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90001', 'Mỹ Xương', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
                  ('90002', 'Tân Hồng', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.72, 10.49, 4326)), 'test')""",
                """
                INSERT INTO growing_area (location_id, area_code, name, area_kind, products, certifications, geom,
                                          properties) VALUES
                  ('urn:epc:id:sgln:8930001.00001.0', 'VN-DT-XOAI-0001', 'Vùng trồng xoài Mỹ Xương', 'growing_area',
                   'Xoài cát Chu', '{VietGAP,GlobalGAP}',
                   ST_Multi(ST_MakeEnvelope(105.62, 10.45, 105.63, 10.46, 4326)), '{"owner_phone": "0900000001"}'),
                  ('urn:epc:id:sgln:8930001.00002.0', 'VN-DT-LUA-0002', 'Vùng lúa Tân Hồng', 'growing_area',
                   'Lúa ST25', '{VietGAP}',
                   ST_Multi(ST_MakeEnvelope(105.67, 10.44, 105.69, 10.46, 4326)), '{}'),
                  ('urn:epc:id:sgln:8930001.00003.0', 'VN-DT-AO-0003', 'Ao nuôi cá tra Tân Hồng', 'pond',
                   'Cá tra', '{}',
                   ST_Multi(ST_MakeEnvelope(105.70, 10.47, 105.705, 10.475, 4326)), '{}')""",
                // A collection point 300 m from the rice area and about 4 km from the others.
                """
                INSERT INTO trace_location (name, geom, location_id, location_kind) VALUES
                  ('Điểm thu mua lúa Tân Hồng', ST_SetSRID(ST_MakePoint(105.6927, 10.45), 4326),
                   'urn:epc:id:sgln:8930001.00010.0', 'cooperative')""");
    }

    @Test
    void collectionListedWithQueryables() {
        JsonNode collections = get("/ogc/collections").expect(200).path("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(collection -> ids.add(collection.path("id").asString()));
        assertThat(ids).contains("growing-areas");
        assertThat(ids.indexOf("growing-areas")).isLessThan(ids.indexOf("communes"));

        JsonNode collection = get("/ogc/collections/growing-areas").expect(200);
        List<String> rels = new ArrayList<>();
        collection.path("links").forEach(link -> rels.add(link.path("rel").asString()));
        assertThat(rels).contains("items", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
        assertThat(collection.path("title").asString()).isNotBlank();

        JsonNode queryables = get("/ogc/collections/growing-areas/queryables").expect(200).path("properties");
        assertThat(queryables.path("geometry").path("format").asString()).isEqualTo("geometry-multipolygon");
        assertThat(queryables.path("certifications").path("type").asString()).isEqualTo("string");
        assertThat(queryables.path("area_kind").path("type").asString()).isEqualTo("string");
        assertThat(queryables.path("updated_at").path("x-ogc-role").asString()).isEqualTo("primary-instant");
        assertThat(queryables.has("properties")).isFalse();
    }

    @Test
    void itemsServeOnlyServedColumns() {
        JsonNode items = get(ITEMS + "?area_kind=growing_area").expect(200);

        assertThat(items.path("numberMatched").asLong()).isEqualTo(2);
        JsonNode mango = items.path("features").get(0);
        assertThat(mango.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        List<String> keys = new ArrayList<>();
        mango.path("properties").propertyNames().forEach(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("location_id", "area_code", "name", "area_kind", "products",
                "certifications", "commune_code", "updated_at");
        assertThat(mango.path("properties").path("certifications").asString()).isEqualTo("VietGAP, GlobalGAP");
        assertThat(mango.path("properties").path("commune_code").asString()).isEqualTo("90001");
        assertThat(items.toString()).doesNotContain("owner_phone").doesNotContain("0900000001");
    }

    @Test
    void cql2FiltersOnServedColumns() {
        assertThat(matched("area_kind = 'pond'")).isEqualTo(1);
        assertThat(matched("certifications LIKE '%GlobalGAP%'")).isEqualTo(1);
        assertThat(matched("certifications IS NULL")).as("the pond, which has none").isEqualTo(1);
        assertThat(matched("S_INTERSECTS(geom, POINT(105.68 10.45))")).isEqualTo(1);
        assertThat(matched("commune_code = '90002' AND area_kind <> 'pond'")).isEqualTo(1);
        // The same name typed with decomposed diacritics (NFD) finds the stored, composed (NFC) one.
        String decomposed = Normalizer.normalize("Vùng trồng xoài Mỹ Xương", Normalizer.Form.NFD);
        assertThat(matched("name = '" + decomposed + "'")).isEqualTo(1);

        get(ITEMS + "?filter=owner_phone%20%3D%20'1'").expectProblem(400, "/problems/invalid-parameter");
        get(ITEMS + "?filter=properties%20IS%20NULL").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void tilesContainPolygonAttributes() {
        JsonNode tileset = get("/ogc/collections/growing-areas/tiles/WebMercatorQuad").expect(200);
        assertThat(tileset.path("layers").get(0).path("id").asString()).isEqualTo("growing-areas");
        assertThat(tileset.path("layers").get(0).path("geometryDimension").asInt()).isEqualTo(2);

        EntityExchangeResult<byte[]> tile = client.get()
                .uri("/ogc/collections/growing-areas/tiles/WebMercatorQuad/" + MANGO_TILE.path())
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();
        Map<String, MvtDecoder.Layer> layers = MvtDecoder.decode(tile.getResponseBody());
        assertThat(layers).containsOnlyKeys("growing-areas");
        MvtDecoder.Feature mango = layers.get("growing-areas").features().get(0);
        assertThat(mango.type()).as("MVT geometry type").isEqualTo(3);
        assertThat(mango.properties()).containsEntry("area_code", "VN-DT-XOAI-0001")
                .containsEntry("certifications", "VietGAP, GlobalGAP")
                .doesNotContainKey("properties");

        TileMath atSea = TileMath.containing(106.9, 9.5, 14);
        client.get().uri("/ogc/collections/growing-areas/tiles/WebMercatorQuad/" + atSea.path())
                .exchange().expectStatus().isNoContent();
    }

    @Test
    void sharesByKindPerCommune() {
        JsonNode collection = get("/api/v1/analyses/communes?layer=growing-areas&attribute=area_kind&geometry=false")
                .expect(200);

        for (JsonNode commune : collection.path("features")) {
            JsonNode properties = commune.path("properties");
            if (commune.path("id").asString().equals("90002")) {
                assertThat(properties.path("featureCount").asLong()).isEqualTo(2);
                assertThat(properties.path("shares").path("pond").path("share").asDouble()).isEqualTo(0.5);
            } else {
                assertThat(properties.path("featureCount").asLong()).isEqualTo(1);
            }
        }
        get("/api/v1/analyses/communes?layer=growing-areas&attribute=area_code")
                .expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void sharesCountEachCertification() {
        JsonNode collection = get("/api/v1/analyses/communes?layer=growing-areas&attribute=certifications&geometry=false")
                .expect(200);

        Map<String, JsonNode> shares = new HashMap<>();
        collection.path("features").forEach(commune ->
                shares.put(commune.path("id").asString(), commune.path("properties").path("shares")));
        // The mango area of 90001 has VietGAP and GlobalGAP, and counts under each rather than under the pair.
        assertThat(shares.get("90001").path("VietGAP").path("share").asDouble()).isEqualTo(1.0);
        assertThat(shares.get("90001").path("GlobalGAP").path("count").asLong()).isEqualTo(1);
        assertThat(shares.get("90001").has("VietGAP, GlobalGAP")).isFalse();
        // Of the two areas of 90002, the rice is VietGAP and the pond has no certification, counted under "null".
        assertThat(shares.get("90002").path("VietGAP").path("share").asDouble()).isEqualTo(0.5);
        assertThat(shares.get("90002").path("null").path("count").asLong()).isEqualTo(1);
        assertThat(shares.get("90002").has("")).isFalse();
    }

    @Test
    void coveragePositionsInsideAreas() throws SQLException {
        JsonNode coverage = get("/api/v1/analyses/coverage?layer=growing-areas&target=trace_locations&distance=1000")
                .expect(200);

        assertThat(coverage.path("featureCount").asLong()).isEqualTo(3);
        assertThat(coverage.path("beyondCount").asLong()).isEqualTo(2);
        for (JsonNode feature : coverage.path("beyond").path("features")) {
            List<Double> position = List.of(feature.path("geometry").path("coordinates").get(0).asDouble(),
                    feature.path("geometry").path("coordinates").get(1).asDouble());
            assertThat(inside(feature.path("id").asLong(), position))
                    .as("position of %s inside its area", feature.path("properties").path("name").asString())
                    .isTrue();
            assertThat(feature.path("properties").path("nearestDistanceMetres").asDouble()).isGreaterThan(1000);
        }
    }

    @Test
    void traceabilityPlacesServeLocationIds() {
        JsonNode place = get("/ogc/collections/trace_locations/items").expect(200).path("features").get(0);

        assertThat(place.path("properties").path("location_id").asString()).isEqualTo("urn:epc:id:sgln:8930001.00010.0");
        assertThat(place.path("properties").path("location_kind").asString()).isEqualTo("cooperative");
        assertThat(get("/ogc/collections/trace_locations/queryables").expect(200).path("properties")
                .has("location_kind")).isTrue();
    }

    private long matched(String filter) {
        return get(uri -> uri.path(ITEMS).queryParam("filter", "{filter}").build(filter))
                .expect(200).path("numberMatched").asLong();
    }

    private static boolean inside(long id, List<Double> position) throws SQLException {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT ST_Intersects(geom, ST_SetSRID(ST_MakePoint("
                     + position.get(0) + ", " + position.get(1) + "), 4326)) FROM growing_area WHERE id = " + id)) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
