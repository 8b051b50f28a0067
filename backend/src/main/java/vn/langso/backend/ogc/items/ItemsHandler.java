package vn.langso.backend.ogc.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.ogc.OgcLinks;
import vn.langso.backend.ogc.OgcResponses;
import vn.langso.backend.ogc.OutputFormat;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.collections.OgcCollections;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.ogc.html.HtmlViews;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.problems.RequestTimeoutException;
import vn.langso.backend.web.FeatureCollection;
import vn.langso.backend.web.Link;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.QueryParameters;

/**
 * {@code GET /ogc/collections/{collectionId}/items} and {@code .../items/{featureId}}. Their queries fail with 503
 * after {@code langso.api.request-timeout}, because the request timeout filter covers {@code /api/} only.
 */
@Component
public class ItemsHandler {

    private static final String GEO_JSON = OutputFormat.GEO_JSON.toString();

    private final OgcCollections collections;
    private final ItemsRepository items;
    private final LangsoProperties.Api limits;

    ItemsHandler(OgcCollections collections, ItemsRepository items, LangsoProperties properties) {
        this.collections = collections;
        this.items = items;
        this.limits = properties.api();
    }

    /** Serves one page of the features matching bbox, datetime and the property filters, ordered by id. */
    public Mono<ServerResponse> items(ServerRequest request) {
        return collections.find(request.pathVariable("collectionId")).flatMap(collection -> {
            QueryParameters parameters = QueryParameters.of(request, ItemQuery.acceptedParameters(collection));
            OutputFormat format = OutputFormat.of(request, parameters);
            ItemQuery query = ItemQuery.from(parameters, collection, limits);
            return items.findPage(collection, query)
                    .timeout(limits.requestTimeout(), Mono.error(() -> new RequestTimeoutException(limits.requestTimeout())))
                    .flatMap(found -> {
                        List<Link> links = pageLinks(request, format, collection, query.page(), found.matched(),
                                found.returned());
                        Locale language = OgcLinks.language(request);
                        if (format == OutputFormat.HTML) {
                            FeatureCollection page = FeatureCollection.ofJoined(found.joinedFeatures().toString(),
                                    found.returned(), found.matched(), links);
                            return OgcResponses.write(format, OutputFormat.GEO_JSON, collection.title(language),
                                    language, asTree(page, collection), query.crs(), HtmlViews.ITEMS);
                        }
                        byte[] body = FeatureCollectionBody.write(found.joinedFeatures(), found.matched(),
                                found.returned(), links);
                        return OgcResponses.writeJsonBytes(OutputFormat.GEO_JSON, language, body, query.crs());
                    });
        });
    }

    /** Serves one feature by its id: a commune code for {@code communes}, else an integer. */
    public Mono<ServerResponse> item(ServerRequest request) {
        return collections.find(request.pathVariable("collectionId")).flatMap(collection -> {
            QueryParameters parameters = QueryParameters.of(request, Set.of("f", "crs"));
            OutputFormat format = OutputFormat.of(request, parameters);
            SupportedCrs crs = SupportedCrs.fromParameter(parameters, "crs");
            String rawId = request.pathVariable("featureId");
            Object id = featureId(collection, rawId);
            return items.findById(collection, id, crs)
                    .timeout(limits.requestTimeout(), Mono.error(() -> new RequestTimeoutException(limits.requestTimeout())))
                    .switchIfEmpty(Mono.error(() -> notFound(collection, rawId)))
                    .flatMap(text -> {
                        ObjectNode feature = (ObjectNode) OgcResponses.JSON.readTree(text);
                        if (format == OutputFormat.HTML) {
                            orderProperties(feature, collection);
                        }
                        List<Link> links = new ArrayList<>(OgcLinks.selfAndAlternate(request, format, GEO_JSON));
                        links.add(new Link("collection", OgcLinks.to(request, "/collections/" + collection.id()),
                                MediaType.APPLICATION_JSON_VALUE));
                        feature.set("links", OgcResponses.JSON.valueToTree(links));
                        Locale language = OgcLinks.language(request);
                        return OgcResponses.write(format, OutputFormat.GEO_JSON,
                                collection.title(language) + " " + rawId, language, feature, crs, HtmlViews.ITEM);
                    });
        });
    }

    private static Object featureId(OgcCollection collection, String rawId) {
        if (collection.idIsText()) {
            return rawId;
        }
        try {
            return Long.parseLong(rawId);
        } catch (NumberFormatException e) {
            throw notFound(collection, rawId);
        }
    }

    private static NotFoundException notFound(OgcCollection collection, String rawId) {
        return new NotFoundException("Feature '" + QueryParameters.shorten(rawId) + "' does not exist in collection '"
                + collection.id() + "'. List its features at /ogc/collections/" + collection.id() + "/items.");
    }

    private static List<Link> pageLinks(ServerRequest request, OutputFormat format, OgcCollection collection,
                                        Page page, long matched, int returned) {
        List<Link> links = new ArrayList<>(OgcLinks.selfAndAlternate(request, format, GEO_JSON));
        String pageType = format == OutputFormat.HTML ? "text/html" : GEO_JSON;
        if (returned > 0 && page.offset() + returned < matched) {
            links.add(new Link("next", OgcLinks.page(request, page.limit(), page.offset() + page.limit()), pageType));
        }
        if (page.offset() > 0) {
            long previous = Math.max(0, page.offset() - page.limit());
            links.add(new Link("prev", OgcLinks.page(request, page.limit(), previous), pageType));
        }
        links.add(new Link("collection", OgcLinks.to(request, "/collections/" + collection.id()),
                MediaType.APPLICATION_JSON_VALUE));
        return links;
    }

    /** Parses the page into a tree for the HTML page; the JSON response writes the feature text unparsed. */
    private static ObjectNode asTree(FeatureCollection page, OgcCollection collection) {
        ObjectNode tree = OgcResponses.JSON.createObjectNode();
        tree.put("type", page.type());
        tree.put("numberMatched", page.numberMatched());
        tree.put("numberReturned", page.numberReturned());
        tree.put("timeStamp", page.timeStamp());
        tree.set("links", OgcResponses.JSON.valueToTree(page.links()));
        JsonNode features = OgcResponses.JSON.readTree((String) page.features().rawValue());
        features.forEach(feature -> orderProperties((ObjectNode) feature, collection));
        tree.set("features", features);
        return tree;
    }

    /**
     * Puts a feature's properties in the collection's order, for the columns of the HTML page. PostgreSQL's jsonb
     * sorts object keys by length and then by bytes, so the order it returns means nothing to a reader.
     */
    private static void orderProperties(ObjectNode feature, OgcCollection collection) {
        JsonNode properties = feature.path("properties");
        if (!properties.isObject()) {
            return;
        }
        ObjectNode ordered = OgcResponses.JSON.createObjectNode();
        collection.properties().forEach(property -> {
            if (properties.has(property.name())) {
                ordered.set(property.name(), properties.get(property.name()));
            }
        });
        feature.set("properties", ordered);
    }
}
