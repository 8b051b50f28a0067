package vn.langso.backend.ogc.collections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.ogc.OgcLinks;
import vn.langso.backend.ogc.OgcResponses;
import vn.langso.backend.ogc.OutputFormat;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.ogc.html.HtmlViews;
import vn.langso.backend.web.Link;
import vn.langso.backend.web.QueryParameters;

/**
 * {@code GET /ogc/collections}, {@code /ogc/collections/{collectionId}} and its {@code queryables}. Titles and
 * descriptions are in English unless the Accept-Language header prefers Vietnamese.
 */
@Component
public class CollectionsHandler {

    private final OgcCollections collections;
    private final CollectionExtentRepository extents;

    CollectionsHandler(OgcCollections collections, CollectionExtentRepository extents) {
        this.collections = collections;
        this.extents = extents;
    }

    public Mono<ServerResponse> listCollections(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("f"));
        OutputFormat format = OutputFormat.of(request, parameters);
        Locale language = OgcLinks.language(request);
        return collections.all()
                .flatMapMany(Flux::fromIterable)
                .concatMap(collection -> extents.extent(collection)
                        .map(extent -> describe(request, format, collection, extent, language)))
                .collectList()
                .flatMap(described -> {
                    Map<String, Object> document = new LinkedHashMap<>();
                    document.put("links", OgcLinks.selfAndAlternate(request, format, MediaType.APPLICATION_JSON_VALUE));
                    document.put("collections", described);
                    document.put("crs", SupportedCrs.uris());
                    String title = "vi".equals(language.getLanguage()) ? "Các tập dữ liệu" : "Collections";
                    return OgcResponses.write(format, MediaType.APPLICATION_JSON, title, language, document,
                            HtmlViews.COLLECTIONS);
                });
    }

    public Mono<ServerResponse> describeCollection(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("f"));
        OutputFormat format = OutputFormat.of(request, parameters);
        Locale language = OgcLinks.language(request);
        return collections.find(request.pathVariable("collectionId"))
                .flatMap(collection -> extents.extent(collection).flatMap(extent -> {
                    Map<String, Object> document = describe(request, format, collection, extent, language);
                    List<Link> links = new ArrayList<>(OgcLinks.selfAndAlternate(request, format,
                            MediaType.APPLICATION_JSON_VALUE));
                    links.addAll(itemLinks(request, collection));
                    document.put("links", links);
                    return OgcResponses.write(format, MediaType.APPLICATION_JSON, collection.title(language), language,
                            document, HtmlViews.COLLECTION);
                }));
    }

    /** The properties that an items request may filter by equality, as a JSON Schema (OGC API - Features Part 3 style). */
    /**
     * Returns the queryable of the geometry that the spatial filter functions take, as OGC API - Features Part 3
     * describes a spatial queryable: a geometry format and the primary-geometry role.
     */
    private static Map<String, Object> geometrySchema(OgcCollection collection) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("title", "geometry");
        schema.put("format", "geometry-" + collection.geometryType().toLowerCase(Locale.ROOT));
        schema.put("x-ogc-role", "primary-geometry");
        return schema;
    }

    /**
     * Returns the JSON Schema of a queryable. The column that {@code datetime} filters on carries the temporal
     * role of OGC API - Features Part 5 (Schemas), so that clients know which property is the feature's time.
     */
    private static Map<String, Object> propertySchema(OgcCollection collection, CollectionProperty property) {
        Map<String, Object> schema = property.type().schema(property.name());
        OgcCollection.Temporal temporal = collection.temporal();
        if (property.name().equals(temporal.start())) {
            schema.put("x-ogc-role", temporal.isPeriod() ? "primary-interval-start" : "primary-instant");
        } else if (property.name().equals(temporal.end())) {
            schema.put("x-ogc-role", "primary-interval-end");
        }
        return schema;
    }

    public Mono<ServerResponse> queryables(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("f"));
        OutputFormat format = OutputFormat.of(request, parameters);
        Locale language = OgcLinks.language(request);
        return collections.find(request.pathVariable("collectionId")).flatMap(collection -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("geometry", geometrySchema(collection));
            collection.properties().forEach(property -> properties.put(property.name(), propertySchema(collection, property)));
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("$schema", "https://json-schema.org/draft/2019-09/schema");
            schema.put("$id", OgcLinks.to(request, "/collections/" + collection.id() + "/queryables"));
            schema.put("type", "object");
            schema.put("title", collection.title(language));
            schema.put("properties", properties);
            schema.put("additionalProperties", false);
            return OgcResponses.write(format, MediaType.parseMediaType("application/schema+json"),
                    collection.title(language), language, schema);
        });
    }

    /**
     * Describes a collection. The HTML page also shows the number of features, which the JSON leaves out because
     * OGC API - Features defines no member for it.
     */
    private static Map<String, Object> describe(ServerRequest request, OutputFormat format, OgcCollection collection,
                                                CollectionExtent extent, Locale language) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", collection.id());
        document.put("title", collection.title(language));
        document.put("description", collection.description(language));
        List<Link> links = new ArrayList<>();
        links.add(new Link("self", OgcLinks.to(request, "/collections/" + collection.id()), MediaType.APPLICATION_JSON_VALUE));
        links.addAll(itemLinks(request, collection));
        document.put("links", links);
        document.put("extent", extent.toJson());
        document.put("itemType", "feature");
        document.put("crs", SupportedCrs.uris());
        document.put("storageCrs", SupportedCrs.CRS84.uri());
        if (format == OutputFormat.HTML) {
            document.put("featureCount", extent.featureCount());
        }
        return document;
    }

    private static List<Link> itemLinks(ServerRequest request, OgcCollection collection) {
        String items = "/collections/" + collection.id() + "/items";
        List<Link> links = new ArrayList<>(List.of(
                new Link("items", OgcLinks.to(request, items), OutputFormat.GEO_JSON.toString()),
                new Link("items", OgcLinks.to(request, items, "html"), "text/html"),
                new Link("http://www.opengis.net/def/rel/ogc/1.0/queryables",
                        OgcLinks.to(request, "/collections/" + collection.id() + "/queryables"), "application/schema+json")));
        // Every collection but the history of administrative units also has vector tiles.
        if (!collection.id().equals(OgcCollections.ADMIN_UNITS.id())) {
            links.add(new Link("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                    OgcLinks.to(request, "/collections/" + collection.id() + "/tiles"), MediaType.APPLICATION_JSON_VALUE));
        }
        return links;
    }
}
