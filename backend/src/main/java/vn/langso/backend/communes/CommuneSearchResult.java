package vn.langso.backend.communes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * One commune found by name: a current commune, or a former one (before the 1 July 2025 reform) that people
 * still know by its old name.
 *
 * @param bbox      west, south, east, north in WGS 84 degrees
 * @param center    a point inside the commune, lon and lat, for placing a label or centring the map
 * @param validTo   first day the unit no longer existed; absent for current communes
 * @param nowPartOf the current commune that contains the former unit's interior point; absent for current
 *                  communes, and for former ones outside every current commune
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CommuneSearchResult(String code, String name, @JsonProperty("unit_type") String unitType,
                           double[] bbox, double[] center,
                           @JsonProperty("valid_to") LocalDate validTo,
                           @JsonProperty("now_part_of") CurrentCommune nowPartOf) {

    /** A current commune that a former unit became part of. */
    record CurrentCommune(String code, String name, @JsonProperty("unit_type") String unitType) {
    }
}

/** The body of {@code GET /api/v1/communes/search}. */
record CommuneSearchResults(List<CommuneSearchResult> results) {
}
