package vn.langso.backend.ogc.tiles;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.langso.backend.layers.LayerDefinition;

/**
 * Reads Mapbox vector tiles built by PostGIS. The SQL of each collection is built once and cached; the
 * tile coordinates are bound parameters.
 */
@Repository
class TileRepository {

    private static final String COMMUNES_SQL = TileSql.communes();
    private static final String GROWING_AREAS_SQL = TileSql.growingAreas();

    private final DatabaseClient database;
    private final Map<PlaceKey, String> placeStatements = new ConcurrentHashMap<>();
    private final Map<BaseMapKey, String> baseMapStatements = new ConcurrentHashMap<>();

    private record PlaceKey(LayerDefinition layer, boolean aggregated) {
    }

    private record BaseMapKey(List<LayerDefinition> layers, boolean aggregated) {
    }

    TileRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Reads one collection's tile; the bytes are empty when no feature touches it. */
    Mono<byte[]> collectionTile(TileCollection collection, TileCoordinates tile, boolean aggregated) {
        if (collection.isCommunes()) {
            return read(COMMUNES_SQL, tile, false);
        }
        if (collection.isGrowingAreas()) {
            return read(GROWING_AREAS_SQL, tile, false);
        }
        String sql = placeStatements.computeIfAbsent(new PlaceKey(collection.layer(), aggregated),
                key -> TileSql.places(key.layer(), key.aggregated()));
        return read(sql, tile, aggregated);
    }

    /** Reads a base-map tile with the communes and every given place layer. */
    Mono<byte[]> baseMapTile(List<LayerDefinition> layers, TileCoordinates tile, boolean aggregatePoints) {
        // Without place layers the statement has no :cell parameter to bind.
        boolean aggregated = aggregatePoints && !layers.isEmpty();
        String sql = baseMapStatements.computeIfAbsent(new BaseMapKey(List.copyOf(layers), aggregated),
                key -> TileSql.baseMap(key.layers(), key.aggregated()));
        return read(sql, tile, aggregated);
    }

    private Mono<byte[]> read(String sql, TileCoordinates tile, boolean aggregated) {
        DatabaseClient.GenericExecuteSpec statement = database.sql(sql)
                .bind("z", tile.zoom())
                .bind("x", (int) tile.col())
                .bind("y", (int) tile.row());
        if (aggregated) {
            statement = statement.bind("cell", tile.aggregationCellSize());
        }
        return statement.map(row -> row.get("mvt", byte[].class))
                .one()
                .defaultIfEmpty(new byte[0]);
    }
}
