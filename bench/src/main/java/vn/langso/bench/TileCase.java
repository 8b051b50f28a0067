package vn.langso.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code GET /ogc/collections/merchants/tiles/WebMercatorQuad/{z}/{row}/{col}} at one zoom, for tiles that contain
 * random points of the extent, against the same ST_AsMVT statement run directly.
 */
final class TileCase implements BenchCase {

    /** Half the side of the Web Mercator square, in metres (EPSG:3857). */
    private static final double HALF_WORLD = 20037508.342789244;

    /** The backend's default of {@code langso.tiles.aggregate-below-zoom}. */
    static final int AGGREGATE_BELOW_ZOOM = 13;

    // NOTE: copies of the SQL that TileSql builds for a place layer (BOUNDS, RAW_POINTS, AGGREGATED_POINTS,
    // extent 4096, buffer 64), to update when TileSql changes. verify() fails when the features differ.
    private static final String BOUNDS = """
            WITH bounds AS (
                SELECT ST_TileEnvelope(CAST(? AS integer), CAST(? AS integer), CAST(? AS integer)) AS tile_3857,
                       ST_Transform(ST_TileEnvelope(CAST(? AS integer), CAST(? AS integer), CAST(? AS integer),
                                                    margin => 0.015625), 4326) AS box_4326
            )
            """;

    static final String RAW_SQL = BOUNDS + """
            SELECT COALESCE((SELECT ST_AsMVT(tile, 'merchants', 4096, 'geom', 'id') FROM (
                SELECT t.id, t."name", t."commune_code", t."address", to_jsonb(t."updated_at") #>> '{}' AS "updated_at",
                       t."category", t."phone", t."accepts_vietqr",
                       ST_AsMVTGeom(ST_Transform(t.geom, 3857), b.tile_3857, 4096, 64, true) AS geom
                  FROM "merchant" t CROSS JOIN bounds b
                 WHERE t.geom && b.box_4326
            ) tile WHERE tile.geom IS NOT NULL), ''::bytea) AS mvt""";

    static final String AGGREGATED_SQL = BOUNDS + """
            SELECT COALESCE((SELECT ST_AsMVT(tile, 'merchants', 4096, 'geom') FROM (
                SELECT cell.count, cell.id, cell.name,
                       ST_AsMVTGeom(cell.node, b.tile_3857, 4096, 64, true) AS geom
                  FROM (SELECT ST_SnapToGrid(ST_Transform(t.geom, 3857), CAST(? AS double precision)) AS node,
                               count(*) AS count,
                               CASE WHEN count(*) = 1 THEN min(t.id) END AS id,
                               CASE WHEN count(*) = 1 THEN min(t.name) END AS name
                          FROM "merchant" t CROSS JOIN bounds b
                         WHERE t.geom && b.box_4326
                         GROUP BY 1) cell
                 CROSS JOIN bounds b
            ) tile WHERE tile.geom IS NOT NULL), ''::bytea) AS mvt""";

    private record Tile(long row, long col) {
    }

    private final int zoom;
    private final String label;
    private final List<Tile> tiles = new ArrayList<>();

    /**
     * Picks {@code count} tiles at this zoom, each containing a random point of the extent (repeats allowed). The
     * label replaces the default "(grid)" or "(points)" in the case name when not null.
     */
    TileCase(int zoom, BenchDatabase.Extent extent, int count, Random random, String label) {
        this.zoom = zoom;
        this.label = label;
        long size = 1L << zoom;
        for (int i = 0; i < count; i++) {
            double lon = extent.west() + random.nextDouble() * extent.width();
            double lat = extent.south() + random.nextDouble() * extent.height();
            long col = (long) Math.floor((lon + 180) / 360 * size);
            double latRadians = Math.toRadians(lat);
            double mercatorY = Math.log(Math.tan(latRadians) + 1 / Math.cos(latRadians));
            long row = (long) Math.floor((1 - mercatorY / Math.PI) / 2 * size);
            tiles.add(new Tile(Math.clamp(row, 0, size - 1), Math.clamp(col, 0, size - 1)));
        }
    }

    boolean aggregated() {
        return zoom < AGGREGATE_BELOW_ZOOM;
    }

    @Override
    public String name() {
        return "tile z" + zoom + (label != null ? " (" + label + ")" : aggregated() ? " (grid)" : " (points)");
    }

    @Override
    public int targets() {
        return tiles.size();
    }

    @Override
    public long callApi(ApiClient api, int target) throws Exception {
        return fetch(api, target).length;
    }

    @Override
    public long callRaw(RawClient raw, int target) throws Exception {
        return query(raw, target).length;
    }

    @Override
    public void verify(ApiClient api, RawClient raw, int target) throws Exception {
        byte[] served = fetch(api, target);
        byte[] direct = query(raw, target);
        // The features' order in a tile follows the query plan, which may differ between the backend's
        // connection and this one, so the features are compared as sorted lists.
        if (!MvtFeatures.of(served).equals(MvtFeatures.of(direct))) {
            throw new IllegalStateException("Tile " + zoom + "/" + tiles.get(target) + ": the API returned "
                    + served.length + " bytes, the raw SQL " + direct.length + " bytes with other features; update the "
                    + "SQL of TileCase to the backend's TileSql");
        }
    }

    private byte[] fetch(ApiClient api, int target) throws Exception {
        Tile tile = tiles.get(target);
        String path = "/ogc/collections/merchants/tiles/WebMercatorQuad/" + zoom + "/" + tile.row() + "/" + tile.col();
        ApiClient.Response response = api.get(path, "application/vnd.mapbox-vector-tile");
        // The API returns 204 No Content for an empty tile.
        if (response.status() != 200 && response.status() != 204) {
            throw new IllegalStateException("GET " + path + " returned " + response.status());
        }
        return response.body();
    }

    private byte[] query(RawClient raw, int target) throws Exception {
        Tile tile = tiles.get(target);
        PreparedStatement statement = raw.statement(aggregated() ? AGGREGATED_SQL : RAW_SQL);
        for (int i = 0; i < 2; i++) {
            statement.setInt(i * 3 + 1, zoom);
            statement.setInt(i * 3 + 2, (int) tile.col());
            statement.setInt(i * 3 + 3, (int) tile.row());
        }
        if (aggregated()) {
            // The backend's cell: the tile width in EPSG:3857 metres divided into 64.
            statement.setDouble(7, 2 * HALF_WORLD / (1L << zoom) / 64);
        }
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getBytes(1);
        }
    }
}
