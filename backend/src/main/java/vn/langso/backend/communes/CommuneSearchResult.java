package vn.langso.backend.communes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One commune found by name.
 *
 * @param bbox   west, south, east, north in WGS 84 degrees
 * @param center a point inside the commune, lon and lat, for placing a label or centring the map
 */
record CommuneSearchResult(String code, String name, @JsonProperty("unit_type") String unitType,
                           double[] bbox, double[] center) {
}

/** The body of {@code GET /api/v1/communes/search}. */
record CommuneSearchResults(List<CommuneSearchResult> results) {
}
