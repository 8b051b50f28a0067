package vn.langso.backend.ogc.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** The metadata documents of OGC API - Tiles and the checks of tile paths, over real HTTP. */
class TileEndpointsApiTest extends ApiTestSupport {

    private static final String SCHOOL_TILES = "/ogc/collections/schools/tiles/WebMercatorQuad/";

    @BeforeAll
    static void insertPersonalLayer() {
        execute("CREATE TABLE secret (LIKE school INCLUDING ALL)",
                """
                INSERT INTO layer (name, table_name, title_vi, title_en, personal_data, sort_order)
                VALUES ('secrets', 'secret', 'Dữ liệu riêng', 'Private data', true, 99)""");
    }

    @Test
    void tileMatrixSetsListed() {
        JsonNode sets = get("/ogc/tileMatrixSets").expect(200);

        assertThat(sets.path("tileMatrixSets").size()).isEqualTo(1);
        JsonNode set = sets.path("tileMatrixSets").get(0);
        assertThat(set.path("id").asString()).isEqualTo("WebMercatorQuad");
        assertThat(set.path("uri").asString()).isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        assertThat(set.path("links").get(0).path("href").asString()).isEqualTo(origin() + "/ogc/tileMatrixSets/WebMercatorQuad");
    }

    @Test
    void webMercatorQuadDefinition() {
        JsonNode definition = get("/ogc/tileMatrixSets/WebMercatorQuad").expect(200);

        assertThat(definition.path("id").asString()).isEqualTo("WebMercatorQuad");
        assertThat(definition.path("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        JsonNode matrices = definition.path("tileMatrices");
        assertThat(matrices.size()).isEqualTo(25);

        JsonNode world = matrices.get(0);
        assertThat(world.path("id").asString()).isEqualTo("0");
        assertThat(world.path("scaleDenominator").asDouble()).isCloseTo(559082264.0287178, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(world.path("cellSize").asDouble()).isCloseTo(156543.03392804097, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(world.path("pointOfOrigin").get(0).asDouble()).isCloseTo(-20037508.3427892, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(world.path("pointOfOrigin").get(1).asDouble()).isCloseTo(20037508.3427892, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(world.path("tileWidth").asInt()).isEqualTo(256);
        assertThat(world.path("tileHeight").asInt()).isEqualTo(256);
        assertThat(world.path("matrixWidth").asLong()).isEqualTo(1);

        JsonNode z12 = matrices.get(12);
        assertThat(z12.path("id").asString()).isEqualTo("12");
        assertThat(z12.path("matrixWidth").asLong()).isEqualTo(4096);
        assertThat(z12.path("matrixHeight").asLong()).isEqualTo(4096);
        assertThat(matrices.get(24).path("matrixWidth").asLong()).isEqualTo(1L << 24);

        get("/ogc/tileMatrixSets/WorldCRS84Quad").expectProblem(404, "/problems/not-found");
    }

    @Test
    void collectionTilesetsListed() {
        JsonNode tilesets = get("/ogc/collections/schools/tiles").expect(200);

        assertThat(tilesets.path("tilesets").size()).isEqualTo(1);
        JsonNode tileset = tilesets.path("tilesets").get(0);
        assertThat(tileset.path("dataType").asString()).isEqualTo("vector");
        assertThat(tileset.path("tileMatrixSetURI").asString()).endsWith("/WebMercatorQuad");
        assertThat(linkHref(tileset, "self")).isEqualTo(origin() + "/ogc/collections/schools/tiles/WebMercatorQuad");

        JsonNode communes = get("/ogc/collections/communes/tiles").expect(200);
        assertThat(linkHref(communes.path("tilesets").get(0), "self")).isEqualTo(origin() + "/ogc/collections/communes/tiles/WebMercatorQuad");
    }

    @Test
    void tilesetHasTemplatedTileLink() {
        JsonNode tileset = get("/ogc/collections/schools/tiles/WebMercatorQuad").expect(200);

        JsonNode item = link(tileset, "item");
        assertThat(item.path("href").asString())
                .isEqualTo(origin() + "/ogc/collections/schools/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
        assertThat(item.path("type").asString()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(item.path("templated").asBoolean()).isTrue();
        assertThat(linkHref(tileset, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme"))
                .isEqualTo(origin() + "/ogc/tileMatrixSets/WebMercatorQuad");

        JsonNode limits = tileset.path("tileMatrixSetLimits");
        assertThat(limits.size()).isEqualTo(23);
        assertThat(limits.get(22).path("tileMatrix").asString()).isEqualTo("22");
        assertThat(limits.get(12).path("maxTileRow").asLong()).isEqualTo(4095);
        assertThat(tileset.path("layers").get(0).path("id").asString()).isEqualTo("schools");
        assertThat(tileset.path("layers").get(0).path("geometryDimension").asInt()).isZero();
    }

    @Test
    void baseMapListsEveryPublicCollection() {
        JsonNode list = get("/ogc/tiles").expect(200);
        assertThat(linkHref(list.path("tilesets").get(0), "self")).isEqualTo(origin() + "/ogc/tiles/WebMercatorQuad");

        JsonNode tileset = get("/ogc/tiles/WebMercatorQuad").expect(200);
        List<String> layers = new ArrayList<>();
        tileset.path("layers").forEach(layer -> layers.add(layer.path("id").asString()));
        assertThat(layers).containsExactly("communes", "reports", "cameras", "merchants", "schools", "clinics",
                "cooperatives", "trace_locations");
        assertThat(link(tileset, "item").path("href").asString())
                .isEqualTo(origin() + "/ogc/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
    }

    @Test
    void unknownOrPersonalCollectionNotFound() {
        JsonNode problem = get("/ogc/collections/nothing/tiles").expectProblem(404, "/problems/not-found");
        assertThat(problem.path("detail").asString()).contains("nothing").contains("communes").contains("schools");

        get("/ogc/collections/secrets/tiles").expectProblem(404, "/problems/not-found");
        get("/ogc/collections/secrets/tiles/WebMercatorQuad/0/0/0").expectProblem(404, "/problems/not-found");
        get("/ogc/collections/schools/tiles/WorldCRS84Quad").expectProblem(404, "/problems/not-found");
        get("/ogc/collections/schools/tiles/WorldCRS84Quad/0/0/0").expectProblem(404, "/problems/not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1/0/0", "23/0/0", "25/0/0", "12/-1/0", "12/0/-1", "12/4096/0", "12/0/4096",
            "0/1/0", "0/0/1", "99999999999999999999/0/0"})
    void tileOutsideLimitsNotFound(String path) {
        JsonNode problem = get(SCHOOL_TILES + path).expectProblem(404, "/problems/not-found");
        assertThat(problem.path("detail").asString()).containsAnyOf("is not served", "is outside tile matrix");

        get("/ogc/tiles/WebMercatorQuad/" + path).expectProblem(404, "/problems/not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5/0/0", "abc/0/0", "12/1e3/0", "12/0/x", "12/0/0.0"})
    void nonIntegerTilePathRejected(String path) {
        JsonNode problem = get(SCHOOL_TILES + path).expectProblem(400, "/problems/invalid-parameter");
        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isIn("tileMatrix", "tileRow", "tileCol");

        get("/ogc/tiles/WebMercatorQuad/" + path).expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void limitsCheckedBeforeCollectionLookup() {
        // Finding a collection unknown needs the catalog from the database, so a 404 naming the tile matrix
        // shows that the tile check ran first.
        JsonNode problem = get("/ogc/collections/nothing/tiles/WebMercatorQuad/23/0/0")
                .expectProblem(404, "/problems/not-found");
        assertThat(problem.path("detail").asString()).contains("Tile matrix 23");
    }

    @Test
    void unknownQueryParameterRejected() {
        JsonNode tileProblem = get(SCHOOL_TILES + "0/0/0?f=mvt").expectProblem(400, "/problems/invalid-parameter");
        assertThat(tileProblem.path("detail").asString())
                .isEqualTo("Unknown parameter 'f'. This endpoint accepts no query parameters.");
        get("/ogc/tileMatrixSets?x=1").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void writesNotAllowed() {
        int status = client.post().uri(SCHOOL_TILES + "0/0/0").exchange().returnResult(String.class).getStatus().value();
        assertThat(status).isEqualTo(405);
        int deleteStatus = client.delete().uri("/ogc/tileMatrixSets").exchange().returnResult(String.class).getStatus().value();
        assertThat(deleteStatus).isEqualTo(405);
    }

    @Test
    void tilesReadableFromOtherOrigins() {
        EntityExchangeResult<byte[]> result = client.get().uri(SCHOOL_TILES + "0/0/0")
                .header(HttpHeaders.ORIGIN, "http://127.0.0.1:8081")
                .exchange().expectBody().returnResult();

        assertThat(result.getStatus().value()).isEqualTo(204);
        assertThat(result.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void openApiDescribesTileEndpoints() {
        JsonNode paths = get("/api/v1/openapi.json").expect(200).path("paths");

        assertThat(paths.has("/ogc/tileMatrixSets/{tileMatrixSetId}")).isTrue();
        assertThat(paths.has("/ogc/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")).isTrue();
        JsonNode tile = paths.path("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}");
        assertThat(tile.path("get").path("responses").has("204")).isTrue();
        assertThat(tile.path("get").path("responses").path("200").path("content")
                .has("application/vnd.mapbox-vector-tile")).isTrue();
    }

    private static JsonNode link(JsonNode document, String rel) {
        for (JsonNode link : document.path("links")) {
            if (link.path("rel").asString().equals(rel)) {
                return link;
            }
        }
        throw new AssertionError("No link with rel " + rel + " in " + document);
    }

    private static String linkHref(JsonNode document, String rel) {
        return link(document, rel).path("href").asString();
    }

    /** Returns the scheme, host and port that absolute links of responses start with. */
    private String origin() {
        return "http://127.0.0.1:" + port();
    }
}
