package vn.langso.backend.ogc.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON documents of OGC API - Tiles: tileset lists and tileset metadata. Their links are absolute,
 * like those of the features documents: {@code origin} is the scheme, host and port of the request.
 */
final class TileMetadata {

    static final String DATASET_TILES = "/ogc/tiles";
    static final String TILE_MATRIX_SETS = "/ogc/tileMatrixSets";

    private TileMetadata() {
    }

    /** Returns the path of a collection's tileset list, {@code /ogc/collections/{id}/tiles}. */
    static String collectionTiles(TileCollection collection) {
        return "/ogc/collections/" + collection.id() + "/tiles";
    }

    /** Builds the {@code /ogc/tileMatrixSets} document. */
    static Map<String, Object> tileMatrixSets(String origin) {
        String href = origin + TILE_MATRIX_SETS + "/" + WebMercatorQuad.ID;
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", WebMercatorQuad.ID);
        set.put("title", "Google Maps Compatible for the World");
        set.put("uri", WebMercatorQuad.URI);
        set.put("links", List.of(TileLinks.link(TileLinks.TILING_SCHEME_REL, href, TileLinks.JSON, WebMercatorQuad.ID)));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("links", List.of(TileLinks.link("self", origin + TILE_MATRIX_SETS, TileLinks.JSON)));
        document.put("tileMatrixSets", List.of(set));
        return document;
    }

    /** Builds a tileset list with the single WebMercatorQuad tileset under {@code tilesPath}. */
    static Map<String, Object> tilesetList(String origin, String tilesPath, String title) {
        String tilesHref = origin + tilesPath;
        String tilesetHref = tilesHref + "/" + WebMercatorQuad.ID;
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", title);
        tileset.put("dataType", "vector");
        tileset.put("crs", WebMercatorQuad.CRS);
        tileset.put("tileMatrixSetURI", WebMercatorQuad.URI);
        tileset.put("links", List.of(
                TileLinks.link("self", tilesetHref, TileLinks.JSON, title),
                TileLinks.link(TileLinks.TILING_SCHEME_REL, origin + TILE_MATRIX_SETS + "/" + WebMercatorQuad.ID,
                        TileLinks.JSON),
                TileLinks.tileTemplate(tilesetHref)));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("links", List.of(TileLinks.link("self", tilesHref, TileLinks.JSON)));
        document.put("tilesets", List.of(tileset));
        return document;
    }

    /**
     * Builds the metadata of a WebMercatorQuad tileset holding the given collections as MVT layers, with
     * the tile matrix limits that requests are checked against.
     */
    static Map<String, Object> tileset(String origin, String tilesetPath, String title,
                                       List<TileCollection> collections, TileProperties properties) {
        String tilesetHref = origin + tilesetPath;
        List<Map<String, Object>> layers = new ArrayList<>();
        for (TileCollection collection : collections) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("id", collection.id());
            layer.put("title", collection.title());
            layer.put("description", layerDescription(collection, properties));
            layer.put("dataType", "vector");
            layer.put("geometryDimension", collection.geometryDimension());
            layer.put("minTileMatrix", Integer.toString(properties.minZoom()));
            layer.put("maxTileMatrix", Integer.toString(properties.maxZoom()));
            layers.add(layer);
        }

        List<Map<String, Object>> limits = new ArrayList<>();
        for (int zoom = properties.minZoom(); zoom <= properties.maxZoom(); zoom++) {
            long last = (1L << zoom) - 1;
            Map<String, Object> limit = new LinkedHashMap<>();
            limit.put("tileMatrix", Integer.toString(zoom));
            limit.put("minTileRow", 0);
            limit.put("maxTileRow", last);
            limit.put("minTileCol", 0);
            limit.put("maxTileCol", last);
            limits.add(limit);
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", title);
        document.put("dataType", "vector");
        document.put("crs", WebMercatorQuad.CRS);
        document.put("tileMatrixSetURI", WebMercatorQuad.URI);
        document.put("links", List.of(
                TileLinks.link("self", tilesetHref, TileLinks.JSON, title),
                TileLinks.link(TileLinks.TILING_SCHEME_REL, origin + TILE_MATRIX_SETS + "/" + WebMercatorQuad.ID,
                        TileLinks.JSON),
                TileLinks.tileTemplate(tilesetHref)));
        document.put("tileMatrixSetLimits", limits);
        document.put("layers", layers);
        return document;
    }

    private static String layerDescription(TileCollection collection, TileProperties properties) {
        if (collection.isCommunes()) {
            return "Polygons of the current communes with the properties code, name and unit_type.";
        }
        if (collection.isGrowingAreas()) {
            return "Polygons of the growing areas and ponds with the properties location_id, area_code, name, "
                    + "area_kind, products, certifications, commune_code and updated_at.";
        }
        return "Below tile matrix " + properties.aggregateBelowZoom() + ", points are aggregated into 64 x 64 grid "
                + "cells per tile with the property count (and id and name when a cell contains one point); from it "
                + "on, each point carries its public attributes.";
    }
}
