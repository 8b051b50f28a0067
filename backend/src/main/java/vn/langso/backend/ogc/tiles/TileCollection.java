package vn.langso.backend.ogc.tiles;

import vn.langso.backend.layers.LayerDefinition;

/**
 * A collection served as vector tiles: the current communes, the growing areas, or a public place layer of the
 * catalog.
 *
 * @param layer the catalog entry of a place layer, or null for the communes and the growing areas
 */
record TileCollection(String id, String titleVi, String titleEn, LayerDefinition layer) {

    static final String COMMUNES_ID = "communes";

    static final TileCollection COMMUNES = new TileCollection(COMMUNES_ID, "Xã, phường hiện hành", "Current communes", null);

    static final String GROWING_AREAS_ID = "growing-areas";

    static final TileCollection GROWING_AREAS = new TileCollection(GROWING_AREAS_ID, "Vùng trồng và ao nuôi",
            "Growing areas and ponds", null);

    static TileCollection of(LayerDefinition layer) {
        return new TileCollection(layer.name(), layer.titleVi(), layer.titleEn(), layer);
    }

    boolean isCommunes() {
        return id.equals(COMMUNES_ID);
    }

    boolean isGrowingAreas() {
        return id.equals(GROWING_AREAS_ID);
    }

    /** True for a point layer of the catalog, whose points are aggregated at small scales. */
    boolean isPlaceLayer() {
        return layer != null;
    }

    /** Returns the title with the Vietnamese first and the English beside it. */
    String title() {
        return titleVi + " (" + titleEn + ")";
    }

    /** Returns the geometry dimension of OGC API - Tiles: 0 for points, 2 for polygons. */
    int geometryDimension() {
        return isPlaceLayer() ? 0 : 2;
    }
}
