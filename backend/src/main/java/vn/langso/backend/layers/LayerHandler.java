package vn.langso.backend.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.web.Coordinates;
import vn.langso.backend.web.FeatureCollection;
import vn.langso.backend.web.Link;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.PageLinks;
import vn.langso.backend.web.QueryParameters;

/** Handlers of {@code /api/v1/layers/**}: the catalog, feature listings, nearest features and single features. */
@Component
class LayerHandler {

    static final int DEFAULT_NEAREST_COUNT = 5;
    static final int MAX_NEAREST_COUNT = 100;
    private static final String GEO_JSON = FeatureCollection.GEO_JSON.toString();

    private final LayerCatalog catalog;
    private final FeatureRepository features;
    private final CommuneCodeCheck communeCheck;
    private final LangsoProperties.Api limits;

    LayerHandler(LayerCatalog catalog, FeatureRepository features, CommuneCodeCheck communeCheck,
                 LangsoProperties properties) {
        this.catalog = catalog;
        this.features = features;
        this.communeCheck = communeCheck;
        this.limits = properties.api();
    }

    /** {@code GET /api/v1/layers}: the public layers in catalog order with their feature counts. */
    Mono<ServerResponse> listLayers(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        return catalog.all()
                .flatMap(layers -> features.countAll(layers).map(counts -> summaries(layers, counts)))
                .flatMap(summaries -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(new LayerList(summaries)));
    }

    /** {@code GET /api/v1/layers/{layer}/features}: one page of the features matching the filters. */
    Mono<ServerResponse> listFeatures(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, FeatureFilter.PARAMETERS);
        FeatureFilter filter = FeatureFilter.from(parameters);
        Page page = parameters.page(limits.defaultLimit(), limits.maxLimit());
        return catalog.find(request.pathVariable("layer"))
                .flatMap(layer -> communeCheck.require(filter)
                        .then(Mono.zip(features.count(layer, filter), features.find(layer, filter, page).collectList())))
                .flatMap(result -> {
                    long matched = result.getT1();
                    List<String> pageFeatures = result.getT2();
                    List<Link> links = PageLinks.of(request, page, matched, pageFeatures.size(), GEO_JSON);
                    return geoJson(FeatureCollection.of(pageFeatures, matched, links));
                });
    }

    /** {@code GET /api/v1/layers/{layer}/nearest}: the features nearest to a point, nearest first. */
    Mono<ServerResponse> nearest(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("lon", "lat", "count"));
        Coordinates point = Coordinates.require(parameters);
        int count = parameters.integer("count", 1, MAX_NEAREST_COUNT).orElse((long) DEFAULT_NEAREST_COUNT).intValue();
        return catalog.find(request.pathVariable("layer"))
                .flatMap(layer -> features.nearest(layer, point, count).collectList())
                .flatMap(found -> geoJson(FeatureCollection.of(found, null, List.of(PageLinks.self(request, GEO_JSON)))));
    }

    /** {@code GET /api/v1/layers/{layer}/features/{id}}: one feature. */
    Mono<ServerResponse> featureById(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        String rawId = request.pathVariable("id");
        long id;
        try {
            id = Long.parseLong(rawId);
        } catch (NumberFormatException e) {
            throw InvalidParameterException.of("id", "Feature id '" + rawId.replaceAll("[\\r\\n]", " ")
                    + "' is not a whole number; feature ids are integers, for example 12.");
        }
        return catalog.find(request.pathVariable("layer"))
                .flatMap(layer -> features.findById(layer, id)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("Feature " + id + " does not exist in layer '"
                                + layer.name() + "'. List the layer's features at /api/v1/layers/" + layer.name()
                                + "/features."))))
                .flatMap(feature -> ServerResponse.ok().contentType(FeatureCollection.GEO_JSON).bodyValue(feature));
    }

    private static Mono<ServerResponse> geoJson(FeatureCollection collection) {
        return ServerResponse.ok().contentType(FeatureCollection.GEO_JSON).bodyValue(collection);
    }

    private static List<LayerSummary> summaries(List<LayerDefinition> layers, List<Long> counts) {
        List<LayerSummary> summaries = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            summaries.add(LayerSummary.of(layers.get(i), counts.get(i)));
        }
        return summaries;
    }
}
