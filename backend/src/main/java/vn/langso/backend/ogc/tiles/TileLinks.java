package vn.langso.backend.ogc.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Links of the tile metadata documents; hrefs are absolute, like the rest of the API. */
final class TileLinks {

    static final String JSON = "application/json";
    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String TILING_SCHEME_REL = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

    private TileLinks() {
    }

    /** A link; {@code templated} is true when the href contains URI template variables such as {tileMatrix}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TileLink(String rel, String href, String type, String title, Boolean templated) {
    }

    static TileLink link(String rel, String href, String type) {
        return new TileLink(rel, href, type, null, null);
    }

    static TileLink link(String rel, String href, String type, String title) {
        return new TileLink(rel, href, type, title, null);
    }

    /** Creates the templated link to the tiles of a tileset, {@code <tileset>/{tileMatrix}/{tileRow}/{tileCol}}. */
    static TileLink tileTemplate(String tilesetHref) {
        return new TileLink("item", tilesetHref + "/{tileMatrix}/{tileRow}/{tileCol}", MVT,
                "Mapbox vector tiles", true);
    }
}
