package vn.langso.backend.ogc.collections;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extent of a collection's features.
 *
 * @param bbox          west, south, east, north in CRS84 degrees
 * @param temporalStart the earliest instant as RFC 3339 text, or null when unknown
 * @param temporalEnd   the latest instant as RFC 3339 text, or null when unknown or still open
 * @param featureCount  the number of features when the extent was computed
 */
public record CollectionExtent(double[] bbox, String temporalStart, String temporalEnd, long featureCount) {

    /** Returns the OGC {@code extent} member. */
    public Map<String, Object> toJson() {
        Map<String, Object> spatial = new LinkedHashMap<>();
        spatial.put("bbox", List.of(Arrays.stream(bbox).boxed().toList()));
        spatial.put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        Map<String, Object> temporal = new LinkedHashMap<>();
        temporal.put("interval", List.of(Arrays.asList(temporalStart, temporalEnd)));
        temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        Map<String, Object> extent = new LinkedHashMap<>();
        extent.put("spatial", spatial);
        extent.put("temporal", temporal);
        return extent;
    }
}
