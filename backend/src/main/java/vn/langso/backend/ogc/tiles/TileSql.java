package vn.langso.backend.ogc.tiles;

import java.util.List;
import java.util.StringJoiner;
import vn.langso.backend.layers.LayerDefinition;
import vn.langso.backend.layers.PublicColumns;
import vn.langso.backend.sql.SqlStatement;

/**
 * Builds the SQL of Mapbox vector tiles. Every statement takes the tile as the bound parameters
 * {@code :z}, {@code :x} (column) and {@code :y} (row), and {@code :cell} (the aggregation cell size in
 * metres) when point layers are aggregated. Table names come only from the layer catalog. A statement
 * returns one row with the tile bytes in column {@code mvt}, empty when no feature touches the tile.
 */
final class TileSql {

    /** Extent of the tile coordinate space inside one tile, which is the MVT default. */
    static final int EXTENT = 4096;

    /** Margin around the tile, in tile coordinates, kept so that symbols and strokes join across tile edges. */
    static final int BUFFER = 64;

    /**
     * The tile envelope in EPSG:3857 for clipping, and the same envelope widened by the buffer and
     * transformed to the storage CRS (EPSG:4326) for the index-friendly {@code &&} filter. A rectangle in
     * Web Mercator is a rectangle in longitude and latitude, so the transformed box is exact.
     */
    private static final String BOUNDS = """
            WITH bounds AS (
                SELECT ST_TileEnvelope(CAST(:z AS integer), CAST(:x AS integer), CAST(:y AS integer)) AS tile_3857,
                       ST_Transform(ST_TileEnvelope(CAST(:z AS integer), CAST(:x AS integer), CAST(:y AS integer),
                                                    margin => %s), 4326) AS box_4326
            )
            """.formatted((double) BUFFER / EXTENT);

    /**
     * Current communes as polygons with code, name and unit type. Rows whose geometry collapses when
     * clipped and snapped to the tile grid (ST_AsMVTGeom returns NULL) are dropped.
     */
    private static final String COMMUNES = """
            SELECT ST_AsMVT(tile, 'communes', %1$d, 'geom') FROM (
                SELECT a.code, a.name, a.unit_type,
                       ST_AsMVTGeom(ST_Transform(a.geom, 3857), b.tile_3857, %1$d, %2$d, true) AS geom
                  FROM admin_unit a CROSS JOIN bounds b
                 WHERE a.level = 'commune' AND a.valid_to IS NULL AND a.geom && b.box_4326
            ) tile WHERE tile.geom IS NOT NULL""".formatted(EXTENT, BUFFER);

    /**
     * Growing areas and ponds as polygons at every zoom (a few thousand at most in the province, so they need no
     * aggregation), from the view of their served columns, with the row id as the MVT feature id.
     */
    private static final String GROWING_AREAS = """
            SELECT ST_AsMVT(tile, 'growing-areas', %1$d, 'geom', 'id') FROM (
                SELECT t.id, t.location_id, t.area_code, t.name, t.area_kind, t.products, t.certifications,
                       t.commune_code, to_jsonb(t.updated_at) #>> '{}' AS updated_at,
                       ST_AsMVTGeom(ST_Transform(t.geom, 3857), b.tile_3857, %1$d, %2$d, true) AS geom
                  FROM growing_area_public t CROSS JOIN bounds b
                 WHERE t.geom && b.box_4326
            ) tile WHERE tile.geom IS NOT NULL""".formatted(EXTENT, BUFFER);

    /**
     * Points one by one: the row id as the MVT feature id, and the served columns of {@link PublicColumns} as
     * attributes, each with its MVT type (NULL values are left out by ST_AsMVT).
     */
    private static final String RAW_POINTS = """
            SELECT ST_AsMVT(tile, '%3$s', %1$d, 'geom', 'id') FROM (
                SELECT t.id, %5$s,
                       ST_AsMVTGeom(ST_Transform(t.geom, 3857), b.tile_3857, %1$d, %2$d, true) AS geom
                  FROM %4$s t CROSS JOIN bounds b
                 WHERE t.geom && b.box_4326
            ) tile WHERE tile.geom IS NOT NULL""";

    /**
     * Points aggregated into grid cells of {@code :cell} metres in EPSG:3857, one point per cell at the
     * cell's grid node with the number of points. Id and name are set only when the cell contains a single point.
     */
    private static final String AGGREGATED_POINTS = """
            SELECT ST_AsMVT(tile, '%3$s', %1$d, 'geom') FROM (
                SELECT cell.count, cell.id, cell.name,
                       ST_AsMVTGeom(cell.node, b.tile_3857, %1$d, %2$d, true) AS geom
                  FROM (SELECT ST_SnapToGrid(ST_Transform(t.geom, 3857), CAST(:cell AS double precision)) AS node,
                               count(*) AS count,
                               CASE WHEN count(*) = 1 THEN min(t.id) END AS id,
                               CASE WHEN count(*) = 1 THEN min(t.name) END AS name
                          FROM %4$s t CROSS JOIN bounds b
                         WHERE t.geom && b.box_4326
                         GROUP BY 1) cell
                 CROSS JOIN bounds b
            ) tile WHERE tile.geom IS NOT NULL""";

    private TileSql() {
    }

    /** Builds the statement of the commune tiles. */
    static String communes() {
        return BOUNDS + "SELECT " + layerBytes(COMMUNES) + " AS mvt";
    }

    /** Builds the statement of the growing-area tiles. */
    static String growingAreas() {
        return BOUNDS + "SELECT " + layerBytes(GROWING_AREAS) + " AS mvt";
    }

    /** Builds the statement of one place layer's tiles, aggregated or raw. */
    static String places(LayerDefinition layer, boolean aggregated) {
        return BOUNDS + "SELECT " + layerBytes(placeLayer(layer, aggregated)) + " AS mvt";
    }

    /**
     * Builds the statement of the combined base map: the communes first, then each place layer, as one
     * tile. Protocol Buffers messages concatenate, so the tile is the concatenation of the layers' tiles.
     */
    static String baseMap(List<LayerDefinition> layers, boolean aggregated) {
        StringBuilder select = new StringBuilder(BOUNDS).append("SELECT ").append(layerBytes(COMMUNES));
        for (LayerDefinition layer : layers) {
            select.append("\n    || ").append(layerBytes(placeLayer(layer, aggregated)));
        }
        return select.append(" AS mvt").toString();
    }

    private static String placeLayer(LayerDefinition layer, boolean aggregated) {
        String template = aggregated ? AGGREGATED_POINTS : RAW_POINTS;
        return template.formatted(EXTENT, BUFFER, layerName(layer), SqlStatement.quoteIdentifier(layer.tableName()),
                attributes(layer));
    }

    /**
     * Returns the attribute columns of a place layer's raw points. Decimals become doubles, because ST_AsMVT
     * would write numeric as text, and timestamps the RFC 3339 text of the GeoJSON items.
     */
    private static String attributes(LayerDefinition layer) {
        StringJoiner columns = new StringJoiner(", ");
        for (PublicColumns.Column column : PublicColumns.of(layer)) {
            String name = SqlStatement.quoteIdentifier(column.name());
            columns.add(switch (column.type()) {
                case DECIMAL -> "CAST(t." + name + " AS double precision) AS " + name;
                case TIMESTAMP -> "to_jsonb(t." + name + ") #>> '{}' AS " + name;
                case TEXT, INTEGER, BOOLEAN -> "t." + name;
            });
        }
        return columns.toString();
    }

    /** Wraps one layer's query so that it yields empty bytes, never NULL, when no row is left. */
    private static String layerBytes(String layerQuery) {
        return "COALESCE((" + layerQuery + "), ''::bytea)";
    }

    /** Returns the catalog name, which the catalog restricts to lower-case letters, digits and underscores. */
    private static String layerName(LayerDefinition layer) {
        if (!layer.name().matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Layer name '" + layer.name()
                    + "' cannot be an MVT layer name; catalog names are lower-case letters, digits and underscores");
        }
        return layer.name();
    }
}
