package vn.langso.backend.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.MediaType;
import tools.jackson.databind.util.RawValue;

/**
 * A GeoJSON FeatureCollection with the paging members of OGC API Features. The features arrive from
 * PostgreSQL as finished JSON text and are written through unchanged, as one JSON array.
 *
 * @param features      the JSON array of the features, as text
 * @param numberMatched the number of features matching the filters over all pages; null when not counted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "features", "numberMatched", "numberReturned", "timeStamp", "links"})
public record FeatureCollection(String type, RawValue features, Long numberMatched, int numberReturned,
                                String timeStamp, List<Link> links) {

    public static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    /** Wraps features given one by one, each the JSON text of a Feature. */
    public static FeatureCollection of(List<String> featureJson, Long numberMatched, List<Link> links) {
        return ofJoined(String.join(",", featureJson), featureJson.size(), numberMatched, links);
    }

    /**
     * Wraps features already joined by PostgreSQL: {@code joinedFeatures} is the JSON text of {@code returned}
     * Features separated by commas, without the brackets, or an empty string.
     */
    public static FeatureCollection ofJoined(String joinedFeatures, int returned, Long numberMatched, List<Link> links) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        RawValue features = new RawValue("[" + joinedFeatures + "]");
        return new FeatureCollection("FeatureCollection", features, numberMatched, returned, now, links);
    }
}
