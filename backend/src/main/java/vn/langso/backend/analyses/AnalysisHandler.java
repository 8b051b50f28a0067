package vn.langso.backend.analyses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.collections.OgcCollections;
import vn.langso.backend.ogc.collections.PropertyType;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.FeatureCollection;
import vn.langso.backend.web.Link;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.PageLinks;
import vn.langso.backend.web.QueryParameters;

/**
 * {@code GET /api/v1/analyses/layers}: the layers that the analyses accept, the place layers and the growing areas;
 * {@code GET /api/v1/analyses/communes}: per-commune count, density and shares by attribute of a layer, as commune
 * features for a choropleth; {@code GET /api/v1/analyses/coverage}: per commune, the features of one layer farther
 * than a distance from every feature of another (for example schools farther than 2 km from any clinic).
 */
@Component
class AnalysisHandler {

    static final double MIN_DISTANCE_METRES = 1;
    static final double MAX_DISTANCE_METRES = 100_000;
    static final int DEFAULT_FEATURE_LIMIT = 100;

    /** Maximum distinct values of a share attribute: more would make an unreadable legend. */
    static final int MAX_SHARE_VALUES = 30;

    /** Properties that name or locate a feature rather than classify it, so shares by them are meaningless. */
    private static final Set<String> NOT_CATEGORIES = Set.of("name", "address", "commune_code", "phone", "description",
            "school_code", "location_id", "area_code");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OgcCollections collections;
    private final AnalysisRepository analyses;
    private final LangsoProperties.Api limits;

    AnalysisHandler(OgcCollections collections, AnalysisRepository analyses, LangsoProperties properties) {
        this.collections = collections;
        this.analyses = analyses;
        this.limits = properties.api();
    }

    /**
     * Lists the layers that {@code layer} and {@code target} accept, with their titles and descriptions in Vietnamese
     * and English, in the shape of {@code /api/v1/layers} so that one reader serves both.
     */
    Mono<ServerResponse> layers(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        return collections.places().flatMap(places -> {
            List<Map<String, Object>> layers = places.stream().map(AnalysisHandler::layerSummary).toList();
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("layers", layers));
        });
    }

    private static Map<String, Object> layerSummary(OgcCollection collection) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("name", collection.id());
        layer.put("title", Map.of("vi", collection.titleVi(), "en", collection.titleEn()));
        layer.put("description", Map.of("vi", collection.descriptionVi(), "en", collection.descriptionEn()));
        layer.put("geometryType", collection.geometryType());
        return layer;
    }

    Mono<ServerResponse> communeAggregates(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("layer", "attribute", "geometry"));
        String layerName = required(parameters, "layer");
        boolean withGeometry = booleanParameter(parameters, "geometry", true);

        return placeLayer(layerName, "layer").flatMap(layer -> {
            String attribute = parameters.string("attribute").map(String::strip).orElse(null);
            CollectionProperty category = attribute == null ? null : category(layer, attribute);
            Mono<Map<String, Map<String, Long>>> valueCounts = category == null
                    ? Mono.just(Map.of())
                    : analyses.valueCounts(layer, category).flatMap(counts -> checkValueCount(counts, attribute));

            return Mono.zip(analyses.communeCounts(layer, withGeometry).collectList(), valueCounts)
                    .flatMap(result -> {
                        List<Map<String, Object>> features = new ArrayList<>();
                        for (AnalysisRepository.CommuneCount commune : result.getT1()) {
                            CommuneAggregate aggregate = aggregate(commune, result.getT2(), category != null);
                            features.add(feature(aggregate, commune.geometry()));
                        }
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("type", "FeatureCollection");
                        body.put("layer", layer.id());
                        body.put("attribute", attribute);
                        body.put("features", features);
                        return ServerResponse.ok().contentType(FeatureCollection.GEO_JSON).bodyValue(body);
                    });
        });
    }

    Mono<ServerResponse> coverage(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request,
                Set.of("layer", "target", "distance", "commune", "limit", "offset"));
        String layerName = required(parameters, "layer");
        String targetName = required(parameters, "target");
        double distance = distance(parameters);
        // The beyond list pages like the items of the OGC API: a limit above the maximum is capped, with a next link.
        Page page = parameters.page(Math.min(DEFAULT_FEATURE_LIMIT, limits.maxLimit()), limits.maxLimit());
        String communeCode = parameters.string("commune").map(String::strip).orElse(null);
        if (layerName.equals(targetName)) {
            throw InvalidParameterException.of("target", "Parameters 'layer' and 'target' both name '" + layerName
                    + "'; choose the layer to check and a different layer to measure from, e.g. layer=schools&target=clinics.");
        }

        return Mono.zip(placeLayer(layerName, "layer"), placeLayer(targetName, "target"), analyses.communeNames())
                .flatMap(layers -> {
                    OgcCollection layer = layers.getT1();
                    OgcCollection target = layers.getT2();
                    Map<String, String> communeNames = layers.getT3();
                    if (communeCode != null && !communeNames.containsKey(communeCode)) {
                        return Mono.error(InvalidParameterException.of("commune", "commune '"
                                + QueryParameters.shorten(communeCode) + "' is not the code of a current commune;"
                                + " see /api/v1/communes or /api/v1/communes/search for the codes."));
                    }
                    return Mono.zip(analyses.coverageCounts(layer, target, distance, communeCode).collectList(),
                                    analyses.beyondFeatures(layer, target, distance, communeCode, page).collectList(),
                                    analyses.featureCount(target))
                            .flatMap(result -> {
                                List<AnalysisRepository.CoverageCount> counts = result.getT1();
                                List<AnalysisRepository.BeyondFeature> beyond = result.getT2();
                                long beyondCount = counts.stream()
                                        .mapToLong(AnalysisRepository.CoverageCount::beyondCount).sum();
                                List<Link> links = PageLinks.of(request, page, beyondCount, beyond.size(),
                                        MediaType.APPLICATION_JSON_VALUE);

                                Map<String, Object> body = coverageBody(layer, target, distance, communeNames,
                                        communeCode, counts, beyond, links);
                                body.put("targetFeatureCount", result.getT3());
                                return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                            });
                });
    }

    private static Map<String, Object> coverageBody(OgcCollection layer, OgcCollection target, double distance,
                                                    Map<String, String> communeNames, String communeCode,
                                                    List<AnalysisRepository.CoverageCount> counts,
                                                    List<AnalysisRepository.BeyondFeature> beyond,
                                                    List<Link> links) {
        Map<String, AnalysisRepository.CoverageCount> byCommune = counts.stream()
                .filter(count -> count.communeCode() != null)
                .collect(Collectors.toMap(AnalysisRepository.CoverageCount::communeCode, count -> count));
        List<CoverageCommune> communes = new ArrayList<>();
        communeNames.forEach((code, name) -> {
            if (communeCode == null || communeCode.equals(code)) {
                AnalysisRepository.CoverageCount count = byCommune.get(code);
                long total = count == null ? 0 : count.featureCount();
                long beyondCount = count == null ? 0 : count.beyondCount();
                // A commune without features has no share: null, not 0, which would read as fully covered.
                communes.add(new CoverageCommune(code, name, total, beyondCount,
                        total == 0 ? null : (double) beyondCount / total));
            }
        });

        long featureCount = counts.stream().mapToLong(AnalysisRepository.CoverageCount::featureCount).sum();
        long beyondCount = counts.stream().mapToLong(AnalysisRepository.CoverageCount::beyondCount).sum();
        List<Map<String, Object>> features = beyond.stream().map(feature -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", feature.name());
            properties.put("commune_code", feature.communeCode());
            properties.put("nearestDistanceMetres", feature.nearestMetres() == null ? null
                    : Math.round(feature.nearestMetres() * 10) / 10.0);
            Map<String, Object> geoJson = new LinkedHashMap<>();
            geoJson.put("type", "Feature");
            geoJson.put("id", feature.id());
            geoJson.put("geometry", Map.of("type", "Point", "coordinates", List.of(feature.longitude(), feature.latitude())));
            geoJson.put("properties", properties);
            return geoJson;
        }).toList();

        Map<String, Object> beyondFeatures = new LinkedHashMap<>();
        beyondFeatures.put("type", "FeatureCollection");
        beyondFeatures.put("numberMatched", beyondCount);
        beyondFeatures.put("numberReturned", features.size());
        beyondFeatures.put("features", features);
        beyondFeatures.put("links", links);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("layer", layer.id());
        body.put("target", target.id());
        body.put("distanceMetres", distance);
        body.put("featureCount", featureCount);
        body.put("beyondCount", beyondCount);
        body.put("beyondShare", featureCount == 0 ? null : (double) beyondCount / featureCount);
        body.put("unassignedCount", counts.stream().filter(count -> count.communeCode() == null)
                .mapToLong(AnalysisRepository.CoverageCount::featureCount).sum());
        body.put("communes", communes);
        body.put("beyond", beyondFeatures);
        return body;
    }

    private static CommuneAggregate aggregate(AnalysisRepository.CommuneCount commune,
                                              Map<String, Map<String, Long>> valueCounts, boolean withShares) {
        double density = commune.areaKm2() > 0 ? commune.featureCount() / commune.areaKm2() : 0;
        Map<String, CommuneAggregate.ValueShare> shares = null;
        if (withShares) {
            shares = new LinkedHashMap<>();
            for (Map.Entry<String, Long> value : valueCounts.getOrDefault(commune.code(), Map.of()).entrySet()) {
                double share = commune.featureCount() == 0 ? 0 : (double) value.getValue() / commune.featureCount();
                shares.put(value.getKey(), new CommuneAggregate.ValueShare(value.getValue(), share));
            }
        }
        return new CommuneAggregate(commune.code(), commune.name(), commune.featureCount(),
                Math.round(commune.areaKm2() * 1000) / 1000.0, Math.round(density * 1000) / 1000.0, shares);
    }

    private static Map<String, Object> feature(CommuneAggregate aggregate, String geometry) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("id", aggregate.code());
        feature.put("geometry", geometry == null ? null : JSON.readTree(geometry));
        feature.put("properties", aggregate);
        return feature;
    }

    /** Finds a place layer (not the administrative units) by name, or fails with a 400 listing them. */
    private Mono<OgcCollection> placeLayer(String name, String parameter) {
        return collections.places().flatMap(places -> {
            return places.stream().filter(collection -> collection.id().equals(name)).findFirst()
                    .map(Mono::just)
                    .orElseGet(() -> Mono.error(InvalidParameterException.of(parameter, "Parameter '" + parameter
                            + "' value '" + QueryParameters.shorten(name) + "' is not a layer of the analyses; use one of "
                            + places.stream().map(OgcCollection::id).collect(Collectors.joining(", ")) + ".")));
        });
    }

    private static CollectionProperty category(OgcCollection layer, String attribute) {
        return layer.property(attribute)
                .filter(property -> (property.type() == PropertyType.STRING || property.type() == PropertyType.BOOLEAN)
                        && !NOT_CATEGORIES.contains(property.name()))
                .orElseThrow(() -> InvalidParameterException.of("attribute", "Parameter 'attribute' value '"
                        + QueryParameters.shorten(attribute) + "' is not a category of layer '" + layer.id() + "'; use one of "
                        + layer.properties().stream()
                                .filter(property -> (property.type() == PropertyType.STRING
                                        || property.type() == PropertyType.BOOLEAN)
                                        && !NOT_CATEGORIES.contains(property.name()))
                                .map(CollectionProperty::name).collect(Collectors.joining(", ")) + "."));
    }

    private static Mono<Map<String, Map<String, Long>>> checkValueCount(Map<String, Map<String, Long>> counts,
                                                                        String attribute) {
        long distinct = counts.values().stream().flatMap(values -> values.keySet().stream()).distinct().count();
        if (distinct > MAX_SHARE_VALUES) {
            return Mono.error(InvalidParameterException.of("attribute", "Attribute '" + attribute + "' has " + distinct
                    + " different values; shares are shown for at most " + MAX_SHARE_VALUES + ". Choose a category"
                    + " attribute or filter the layer first."));
        }
        return Mono.just(counts);
    }

    private static String required(QueryParameters parameters, String name) {
        String value = parameters.string(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw InvalidParameterException.of(name, "Parameter '" + name + "' is missing; give a layer name such as"
                    + " schools (see /api/v1/analyses/layers).");
        }
        return value;
    }

    private static double distance(QueryParameters parameters) {
        if (!parameters.has("distance")) {
            throw InvalidParameterException.of("distance", "Parameter 'distance' is missing; give metres, e.g. 2000.");
        }
        double distance = parameters.number("distance", "2000").orElseThrow();
        if (distance < MIN_DISTANCE_METRES || distance > MAX_DISTANCE_METRES) {
            throw InvalidParameterException.of("distance", "Parameter 'distance' value "
                    + QueryParameters.shorten(parameters.string("distance").orElseThrow().strip())
                    + " is out of range; give metres from " + (int) MIN_DISTANCE_METRES + " to " + (int) MAX_DISTANCE_METRES + ".");
        }
        return distance;
    }

    private static boolean booleanParameter(QueryParameters parameters, String name, boolean defaultValue) {
        return parameters.string(name).map(raw -> switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidParameterException.of(name, "Parameter '" + name + "' value '"
                    + QueryParameters.shorten(raw) + "' is not a boolean; use true or false.");
        }).orElse(defaultValue);
    }
}
