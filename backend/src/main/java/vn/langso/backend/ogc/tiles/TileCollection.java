package vn.langso.backend.ogc.tiles;

import vn.langso.backend.layers.LayerDefinition;

/**
 * A collection served as vector tiles: the current communes, or a public place layer of the catalog.
 *
 * @param layer the catalog entry of a place layer, or null for the communes
 */
record TileCollection(String id, String titleVi, String titleEn, LayerDefinition layer) {

    static final String COMMUNES_ID = "communes";

    static final TileCollection COMMUNES = new TileCollection(COMMUNES_ID, "Xã, phường hiện hành", "Current communes", null);

    static TileCollection of(LayerDefinition layer) {
        return new TileCollection(layer.name(), layer.titleVi(), layer.titleEn(), layer);
    }

    boolean isCommunes() {
        return layer == null;
    }

    /** Returns the title with the Vietnamese first and the English beside it. */
    String title() {
        return titleVi + " (" + titleEn + ")";
    }

    /** Returns the geometry dimension of OGC API - Tiles: 0 for points, 2 for polygons. */
    int geometryDimension() {
        return isCommunes() ? 2 : 0;
    }
}
