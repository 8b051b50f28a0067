package vn.langso.backend.ogc.tiles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of OGC API - Tiles under {@code /ogc}. */
@Configuration(proxyBeanMethods = false)
class TileRoutes {

    private static final String TILE = "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}";

    @Bean
    RouterFunction<ServerResponse> tileRouter(TileHandler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/ogc/tileMatrixSets"), handler::tileMatrixSets)
                .route(ReadOnlyRoutes.read("/ogc/tileMatrixSets/{tileMatrixSetId}"), handler::tileMatrixSet)
                .route(ReadOnlyRoutes.read("/ogc/tiles"), handler::baseMapTilesets)
                .route(ReadOnlyRoutes.read("/ogc/tiles/{tileMatrixSetId}"), handler::baseMapTileset)
                .route(ReadOnlyRoutes.read("/ogc/tiles" + TILE), handler::baseMapTile)
                .route(ReadOnlyRoutes.read("/ogc/collections/{collectionId}/tiles"), handler::collectionTilesets)
                .route(ReadOnlyRoutes.read("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}"),
                        handler::collectionTileset)
                .route(ReadOnlyRoutes.read("/ogc/collections/{collectionId}/tiles" + TILE), handler::collectionTile)
                .add(ReadOnlyRoutes.rejectWrites("/ogc/tileMatrixSets"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/tileMatrixSets/**"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/tiles"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/tiles/**"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/collections/{collectionId}/tiles"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/collections/{collectionId}/tiles/**"))
                .build();
    }
}
