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
 * PostgreSQL as finished JSON text and are written through unchanged.
 *
 * @param numberMatched the number of features matching the filters over all pages; null when not counted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "features", "numberMatched", "numberReturned", "timeStamp", "links"})
public record FeatureCollection(String type, List<RawValue> features, Long numberMatched, int numberReturned,
                                String timeStamp, List<Link> links) {

    public static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    public static FeatureCollection of(List<String> featureJson, Long numberMatched, List<Link> links) {
        List<RawValue> features = featureJson.stream().map(RawValue::new).toList();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return new FeatureCollection("FeatureCollection", features, numberMatched, features.size(), now, links);
    }
}
