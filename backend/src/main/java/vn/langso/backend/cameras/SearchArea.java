package vn.langso.backend.cameras;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.QueryParameters;

/**
 * An area drawn on the map for the detection search: a GeoJSON Polygon or MultiPolygon geometry in WGS 84
 * (longitude first). Checked here so that PostGIS only ever receives well-formed GeoJSON inside Vietnam.
 */
final class SearchArea {

    /** A box around Vietnam with a margin: longitudes 101-118 (islands included), latitudes 7-24. */
    static final double MIN_LON = 101;
    static final double MAX_LON = 118;
    static final double MIN_LAT = 7;
    static final double MAX_LAT = 24;
    static final int MAX_POSITIONS = 2000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SearchArea() {
    }

    /** Validates the {@code area} parameter and returns it as GeoJSON text for {@code ST_GeomFromGeoJSON}. */
    static String parse(String raw) {
        JsonNode geometry;
        try {
            geometry = JSON.readTree(raw);
        } catch (JacksonException e) {
            throw invalid("area is not valid JSON: " + e.getOriginalMessage().replaceAll("[\\r\\n]", " ") + ".");
        }
        if (geometry != null && "Feature".equals(geometry.path("type").asString(""))) {
            geometry = geometry.get("geometry");
        }
        if (geometry == null || !geometry.isObject()) {
            throw invalid("area must be a GeoJSON Polygon or MultiPolygon geometry object.");
        }

        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.get("coordinates");
        List<JsonNode> polygons = new ArrayList<>();
        if ("Polygon".equals(type) && coordinates != null && coordinates.isArray()) {
            polygons.add(coordinates);
        } else if ("MultiPolygon".equals(type) && coordinates != null && coordinates.isArray()) {
            coordinates.forEach(polygons::add);
        } else {
            throw invalid("area has type '" + QueryParameters.shorten(type) + "'; give a GeoJSON Polygon or MultiPolygon "
                    + "with coordinates, for example {\"type\":\"Polygon\",\"coordinates\":[[[105.6,10.4],[105.7,10.4],"
                    + "[105.7,10.5],[105.6,10.4]]]}.");
        }

        int positions = 0;
        for (JsonNode polygon : polygons) {
            if (!polygon.isArray() || polygon.isEmpty()) {
                throw invalid("area has a polygon without rings.");
            }
            for (JsonNode ring : polygon) {
                positions += checkRing(ring);
            }
        }
        if (positions > MAX_POSITIONS) {
            throw invalid("area has " + positions + " positions; the maximum is " + MAX_POSITIONS + ". Simplify it.");
        }
        return JSON.writeValueAsString(geometry);
    }

    private static int checkRing(JsonNode ring) {
        if (!ring.isArray() || ring.size() < 4) {
            throw invalid("area has a ring with fewer than four positions; a ring is closed, so its last position "
                    + "repeats the first.");
        }
        for (JsonNode position : ring) {
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw invalid("area has a position that is not [longitude, latitude].");
            }
            double lon = position.get(0).doubleValue();
            double lat = position.get(1).doubleValue();
            if (!inside(lon, lat)) {
                String hint = inside(lat, lon) ? " The coordinates look swapped: GeoJSON puts the longitude first."
                        : " The area must lie in Vietnam (longitude 101-118, latitude 7-24).";
                throw invalid("area position [" + lon + ", " + lat + "] is outside Vietnam." + hint);
            }
        }
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            throw invalid("area has a ring that is not closed; repeat its first position at the end.");
        }
        return ring.size();
    }

    private static boolean inside(double lon, double lat) {
        return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
    }

    private static InvalidParameterException invalid(String reason) {
        return InvalidParameterException.of("area", reason);
    }
}
