package vn.langso.backend.ogc.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebMercatorQuad tile matrix set of OGC Two Dimensional Tile Matrix Set 2.0: EPSG:3857, 256 x 256
 * pixel tiles, tile matrix 0 is one tile covering the world, each next matrix doubles rows and columns.
 */
final class WebMercatorQuad {

    static final String ID = "WebMercatorQuad";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final int MAX_ZOOM = 24;
    static final int TILE_SIZE_PIXELS = 256;

    /** Half the width of the projected world in EPSG:3857 metres: pi times the WGS 84 semi-major axis. */
    static final double HALF_WORLD = Math.PI * 6_378_137.0;

    /** Size of a pixel in metres according to OGC: 0.28 mm, which relates cell sizes to scale denominators. */
    private static final double STANDARD_PIXEL_SIZE = 0.00028;

    private WebMercatorQuad() {
    }

    /** Returns the width of one tile of this tile matrix in EPSG:3857 metres. */
    static double tileSpan(int zoom) {
        return 2 * HALF_WORLD / (1L << zoom);
    }

    /** Builds the tile matrix set definition document, with every tile matrix from 0 to 24. */
    static Map<String, Object> definition(String selfHref) {
        List<Map<String, Object>> tileMatrices = new ArrayList<>();
        for (int zoom = 0; zoom <= MAX_ZOOM; zoom++) {
            double cellSize = tileSpan(zoom) / TILE_SIZE_PIXELS;
            Map<String, Object> matrix = new LinkedHashMap<>();
            matrix.put("id", Integer.toString(zoom));
            matrix.put("scaleDenominator", cellSize / STANDARD_PIXEL_SIZE);
            matrix.put("cellSize", cellSize);
            matrix.put("cornerOfOrigin", "topLeft");
            matrix.put("pointOfOrigin", List.of(-HALF_WORLD, HALF_WORLD));
            matrix.put("tileWidth", TILE_SIZE_PIXELS);
            matrix.put("tileHeight", TILE_SIZE_PIXELS);
            matrix.put("matrixWidth", 1L << zoom);
            matrix.put("matrixHeight", 1L << zoom);
            tileMatrices.add(matrix);
        }

        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", ID);
        definition.put("title", "Google Maps Compatible for the World");
        definition.put("uri", URI);
        definition.put("crs", CRS);
        definition.put("orderedAxes", List.of("X", "Y"));
        definition.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        definition.put("links", List.of(TileLinks.link("self", selfHref, TileLinks.JSON)));
        definition.put("tileMatrices", tileMatrices);
        return definition;
    }
}
