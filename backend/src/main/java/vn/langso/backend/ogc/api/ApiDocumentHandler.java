package vn.langso.backend.ogc.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.ogc.OgcLinks;
import vn.langso.backend.ogc.OgcResponses;
import vn.langso.backend.ogc.OutputFormat;
import vn.langso.backend.web.QueryParameters;

/**
 * {@code GET /ogc/api}: the OpenAPI 3.0 description of the OGC API. The document is self-contained (no reference
 * outside it), because test suites resolve every {@code $ref} and fail offline on remote ones. The server URL and
 * the limit's default and maximum are filled in from the request and the settings.
 */
@Component
public class ApiDocumentHandler {

    static final String DOCUMENT = "ogc/openapi.json";

    private final ObjectNode document;

    /** Reads the document once while the application starts, off the event loop. */
    ApiDocumentHandler(LangsoProperties properties) {
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
        ObjectNode served = document.deepCopy();
        served.putArray("servers").addObject().put("url", OgcLinks.base(request));
        return OgcResponses.write(format, OutputFormat.OPENAPI_JSON, "Làng Số OGC API - Features: OpenAPI",
                OgcLinks.language(request), served);
    }
}
