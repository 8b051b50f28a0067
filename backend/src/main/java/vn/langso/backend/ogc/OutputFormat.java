package vn.langso.backend.ogc;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.QueryParameters;

/**
 * The representation of an OGC API response: JSON (GeoJSON for features) or an HTML page. The {@code f}
 * parameter decides when given ({@code json}, {@code geojson} or {@code html}); otherwise HTML is chosen only
 * when the Accept header rates text/html above every JSON type, as browsers do.
 */
public enum OutputFormat {

    JSON,
    HTML;

    public static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    public static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");
    public static final MediaType OPENAPI_JSON = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");

    private static final Logger log = LoggerFactory.getLogger(OutputFormat.class);
    private static final List<MediaType> JSON_TYPES = List.of(MediaType.APPLICATION_JSON, GEO_JSON, OPENAPI_JSON);

    public static OutputFormat of(ServerRequest request, QueryParameters parameters) {
        if (parameters.has("f")) {
            String f = parameters.string("f").orElseThrow().strip();
            return switch (f) {
                case "json", "geojson" -> JSON;
                case "html" -> HTML;
                default -> throw InvalidParameterException.of("f", "Parameter 'f' value '" + QueryParameters.shorten(f)
                        + "' is not a known format; use json, geojson or html.");
            };
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(request.headers().header("Accept"));
        } catch (InvalidMediaTypeException e) {
            log.debug("Ignoring the malformed Accept header of {}: {}", request.path(), e.getMessage());
            return JSON;
        }
        double html = quality(accepted, MediaType.TEXT_HTML);
        double json = JSON_TYPES.stream().mapToDouble(type -> quality(accepted, type)).max().orElse(0);
        return html > json ? HTML : JSON;
    }

    /** Returns the quality the Accept header gives a type: from the most specific range that includes it. */
    private static double quality(List<MediaType> accepted, MediaType type) {
        MediaType best = null;
        for (MediaType range : accepted) {
            if (range.includes(type) && (best == null || specificity(range) > specificity(best))) {
                best = range;
            }
        }
        return best == null ? 0 : best.getQualityValue();
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }
}
