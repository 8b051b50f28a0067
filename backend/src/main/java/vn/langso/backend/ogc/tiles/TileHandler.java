package vn.langso.backend.ogc.tiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.layers.LayerDefinition;
import vn.langso.backend.ogc.OgcLinks;
import vn.langso.backend.ogc.OgcResponses;
import vn.langso.backend.ogc.OutputFormat;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.problems.RequestTimeoutException;
import vn.langso.backend.web.QueryParameters;

/**
 * Handlers of OGC API - Tiles: the WebMercatorQuad tile matrix set, the tilesets of each collection and of
 * the combined base map, and the tiles themselves. Tile paths are checked before any database work. Metadata is
 * JSON, or an HTML page of the same document with {@code f=html} or a browser's Accept header. Tiles are MVT only.
 */
@Component
class TileHandler {

    private static final String BASE_MAP_TITLE = "Bản đồ nền Làng Số (Làng Số base map)";
    private static final String TILE_MATRIX_SETS_TITLE = "Lưới ô bản đồ (Tile matrix sets)";

    private final TileCollections collections;
    private final TileRepository tiles;
    private final TileProperties properties;
    private final TileResponses responses;
    private final Duration timeout;

    TileHandler(TileCollections collections, TileRepository tiles, TileProperties properties,
                LangsoProperties langsoProperties) {
        this.collections = collections;
        this.tiles = tiles;
        this.properties = properties;
        this.responses = new TileResponses(properties);
        this.timeout = langsoProperties.api().requestTimeout();
    }

    /** {@code GET /ogc/tileMatrixSets}. */
    Mono<ServerResponse> tileMatrixSets(ServerRequest request) {
        OutputFormat format = metadataFormat(request);
        return metadata(request, format, TILE_MATRIX_SETS_TITLE, TileMetadata.tileMatrixSets(OgcLinks.origin(request)));
    }

    /** {@code GET /ogc/tileMatrixSets/{tileMatrixSetId}}: the definition of WebMercatorQuad. */
    Mono<ServerResponse> tileMatrixSet(ServerRequest request) {
        OutputFormat format = metadataFormat(request);
        requireWebMercatorQuad(request);
        return metadata(request, format, WebMercatorQuad.ID, WebMercatorQuad.definition(
                OgcLinks.origin(request) + TileMetadata.TILE_MATRIX_SETS + "/" + WebMercatorQuad.ID));
    }

    /** {@code GET /ogc/tiles}: the tilesets of the combined base map. */
    Mono<ServerResponse> baseMapTilesets(ServerRequest request) {
        OutputFormat format = metadataFormat(request);
        return metadata(request, format, BASE_MAP_TITLE,
                TileMetadata.tilesetList(OgcLinks.origin(request), TileMetadata.DATASET_TILES, BASE_MAP_TITLE));
    }

    /** {@code GET /ogc/tiles/{tileMatrixSetId}}: the base map's tileset, one MVT layer per collection. */
    Mono<ServerResponse> baseMapTileset(ServerRequest request) {
        OutputFormat format = metadataFormat(request);
        requireWebMercatorQuad(request);
        String path = TileMetadata.DATASET_TILES + "/" + WebMercatorQuad.ID;
        String origin = OgcLinks.origin(request);
        return collections.all().flatMap(all -> metadata(request, format, BASE_MAP_TITLE,
                TileMetadata.tileset(origin, path, BASE_MAP_TITLE, baseMapCollections(all), properties)));
    }

    /** {@code GET /ogc/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}}: a base-map tile. */
    Mono<ServerResponse> baseMapTile(ServerRequest request) {
        TileCoordinates tile = checkTileRequest(request);
        boolean aggregated = properties.aggregatesAt(tile.zoom());
        Mono<byte[]> bytes = collections.all().flatMap(all -> tiles.baseMapTile(placeLayers(all), tile, aggregated));
        return withTimeout(bytes).flatMap(body -> responses.respond(request, body));
    }

    /** {@code GET /ogc/collections/{collectionId}/tiles}. */
    Mono<ServerResponse> collectionTilesets(ServerRequest request) {
        OutputFormat format = metadataFormat(request);
        return collections.find(request.pathVariable("collectionId"))
                .flatMap(collection -> metadata(request, format, collection.title(), TileMetadata.tilesetList(
                        OgcLinks.origin(request), TileMetadata.collectionTiles(collection), collection.title())));
    }

    /** {@code GET /ogc/collections/{collectionId}/tiles/{tileMatrixSetId}}. */
    Mono<ServerResponse> collectionTileset(ServerRequest request) {
        OutputFormat format = metadataFormat(request);
        requireWebMercatorQuad(request);
        return collections.find(request.pathVariable("collectionId"))
                .flatMap(collection -> metadata(request, format, collection.title(), TileMetadata.tileset(
                        OgcLinks.origin(request),
                        TileMetadata.collectionTiles(collection) + "/" + WebMercatorQuad.ID, collection.title(),
                        List.of(collection), properties)));
    }

    /** {@code GET /ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}}. */
    Mono<ServerResponse> collectionTile(ServerRequest request) {
        TileCoordinates tile = checkTileRequest(request);
        boolean aggregated = properties.aggregatesAt(tile.zoom());
        Mono<byte[]> bytes = collections.find(request.pathVariable("collectionId"))
                .flatMap(collection -> tiles.collectionTile(collection, tile, aggregated));
        return withTimeout(bytes).flatMap(body -> responses.respond(request, body));
    }

    /** Checks the query, the tile matrix set and the tile coordinates; none of this touches the database. */
    private TileCoordinates checkTileRequest(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        requireWebMercatorQuad(request);
        return TileCoordinates.parse(request.pathVariable("tileMatrix"), request.pathVariable("tileRow"),
                request.pathVariable("tileCol"), properties.minZoom(), properties.maxZoom());
    }

    private static void requireWebMercatorQuad(ServerRequest request) {
        String id = request.pathVariable("tileMatrixSetId");
        if (!WebMercatorQuad.ID.equals(id)) {
            throw new NotFoundException("Tile matrix set '" + id.replaceAll("[\\r\\n]", " ")
                    + "' is not served; the only tile matrix set is " + WebMercatorQuad.ID + ".");
        }
    }

    private Mono<byte[]> withTimeout(Mono<byte[]> tile) {
        return tile.timeout(timeout, Mono.error(() -> new RequestTimeoutException(timeout)));
    }

    /**
     * Returns the collections in the base map: the communes and the place layers. The growing areas have tiles of
     * their own only, which keeps the base map that every map view of the ui loads small.
     */
    private static List<TileCollection> baseMapCollections(List<TileCollection> all) {
        return all.stream().filter(collection -> !collection.isGrowingAreas()).toList();
    }

    private static List<LayerDefinition> placeLayers(List<TileCollection> all) {
        return all.stream().filter(TileCollection::isPlaceLayer).map(TileCollection::layer).toList();
    }

    /** Reads the representation of a metadata request, whose only query parameter is {@code f}. */
    private static OutputFormat metadataFormat(ServerRequest request) {
        return OutputFormat.of(request, QueryParameters.of(request, Set.of("f")));
    }

    /** Writes tile metadata as JSON, or as an HTML page that shows the same document as nested lists. */
    private static Mono<ServerResponse> metadata(ServerRequest request, OutputFormat format, String title,
                                                 Map<String, Object> document) {
        return OgcResponses.write(format, MediaType.APPLICATION_JSON, title, OgcLinks.language(request), document);
    }
}
