package vn.langso.backend.ogc.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.ogc.OgcLinks;
import vn.langso.backend.ogc.OgcResponses;
import vn.langso.backend.ogc.OutputFormat;
import vn.langso.backend.ogc.html.HtmlViews;
import vn.langso.backend.web.QueryParameters;

/**
 * {@code GET /ogc/conformance}: the conformance classes of OGC API - Features Parts 1, 2 and 3 (with CQL2) and of
 * OGC API - Tiles that this API meets. NOTE: not yet checked with the OGC CITE test suites.
 */
@Component
public class ConformanceHandler {

    public static final List<String> CONFORMANCE_CLASSES = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
            "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");

    public Mono<ServerResponse> conformance(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("f"));
        OutputFormat format = OutputFormat.of(request, parameters);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("conformsTo", CONFORMANCE_CLASSES);
        document.put("links", OgcLinks.selfAndAlternate(request, format, MediaType.APPLICATION_JSON_VALUE));
        Locale language = OgcLinks.language(request);
        String title = "vi".equals(language.getLanguage()) ? "Các lớp tuân thủ chuẩn" : "Conformance classes";
        return OgcResponses.write(format, MediaType.APPLICATION_JSON, title, language, document, HtmlViews.CONFORMANCE);
    }
}
