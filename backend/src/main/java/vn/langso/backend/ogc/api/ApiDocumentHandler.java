package vn.langso.backend.ogc.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.ogc.OgcLinks;
import vn.langso.backend.ogc.OgcResponses;
import vn.langso.backend.ogc.OutputFormat;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.collections.OgcCollections;
import vn.langso.backend.ogc.html.HtmlViews;
import vn.langso.backend.web.QueryParameters;

/**
 * {@code GET /ogc/api}: the OpenAPI 3.0 description of the OGC API. The document is self-contained (no reference
 * outside it), because test suites resolve every {@code $ref} and fail offline on remote ones. The server URL and
 * the limit's default and maximum are filled in from the request and the settings. Each collection also gets its
 * own items path that lists its queryable properties as query parameters, because clients such as GDAL's OAPIF
 * driver (3.6) send an attribute filter to the server only for parameters that the document declares.
 */
@Component
public class ApiDocumentHandler {

    static final String DOCUMENT = "ogc/openapi.json";

    private static final String ITEMS_PATH = "/collections/{collectionId}/items";

    private final ObjectNode document;
    private final OgcCollections collections;

    /** Reads the document once while the application starts, off the event loop. */
    ApiDocumentHandler(LangsoProperties properties, OgcCollections collections) {
        this.collections = collections;
        try (InputStream input = new ClassPathResource(DOCUMENT).getInputStream()) {
            document = (ObjectNode) OgcResponses.JSON.readTree(input);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the OGC OpenAPI document " + DOCUMENT + " failed", e);
        }
        ObjectNode limit = (ObjectNode) document.at("/components/parameters/limit/schema");
        limit.put("maximum", properties.api().maxLimit());
        limit.put("default", properties.api().defaultLimit());
    }

    public Mono<ServerResponse> apiDocument(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("f"));
        OutputFormat format = OutputFormat.of(request, parameters);
        return collections.all().flatMap(all -> {
            ObjectNode served = document.deepCopy();
            served.putArray("servers").addObject().put("url", OgcLinks.base(request));
            addCollectionItemsPaths(served, all);
            return OgcResponses.write(format, OutputFormat.OPENAPI_JSON, "Làng Số OGC API - Features and Tiles: OpenAPI",
                    OgcLinks.language(request), served, HtmlViews.API_DOCUMENT);
        });
    }

    /**
     * Adds {@code /collections/<id>/items} for each collection: the generic items operation without the
     * {@code collectionId} parameter, plus one equality parameter per queryable property.
     */
    private static void addCollectionItemsPaths(ObjectNode served, List<OgcCollection> all) {
        ObjectNode paths = (ObjectNode) served.get("paths");
        JsonNode generic = paths.path(ITEMS_PATH).path("get");
        for (OgcCollection collection : all) {
            ObjectNode operation = (ObjectNode) generic.deepCopy();
            operation.put("operationId", "getFeatures-" + collection.id());
            operation.put("summary", "Features of collection " + collection.id() + ", ordered by id and paged");
            ArrayNode parameters = operation.putArray("parameters");
            for (JsonNode parameter : generic.path("parameters")) {
                if (!parameter.path("$ref").asString("").endsWith("/collectionId")) {
                    parameters.add(parameter.deepCopy());
                }
            }
            for (CollectionProperty property : collection.properties()) {
                ObjectNode parameter = parameters.addObject();
                parameter.put("name", property.name());
                parameter.put("in", "query");
                parameter.put("required", false);
                parameter.put("style", "form");
                parameter.put("explode", false);
                parameter.put("description", "Only features whose " + property.name() + " equals this value");
                parameter.set("schema", OgcResponses.JSON.valueToTree(property.type().schema(property.name())));
            }
            paths.putObject("/collections/" + collection.id() + "/items").set("get", operation);
        }
    }
}
