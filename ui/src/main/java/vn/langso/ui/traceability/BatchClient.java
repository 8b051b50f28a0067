package vn.langso.ui.traceability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendUnavailableException;

/** Reads a batch's consumer summary from {@code GET /api/v1/traceability/batches/{gtin}/{lot}} of the backend. */
@Component
class BatchClient {

    private static final Logger log = LoggerFactory.getLogger(BatchClient.class);

    private final BackendProperties properties;
    private final HttpClient httpClient;
    private final JsonMapper json = JsonMapper.builder().build();

    BatchClient(BackendProperties properties) {
        this.properties = properties;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Returns the summary, or empty when the backend has no such batch (404) or rejects the GTIN or lot (400).
     *
     * @throws BackendUnavailableException when the backend cannot be reached or fails
     */
    Optional<JsonNode> summary(String gtin, String lot) {
        URI uri = properties.url().resolve("/api/v1/traceability/batches/" + encode(gtin) + "/" + encode(lot));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404 || response.statusCode() == 400) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                log.warn("Batch summary {} returned HTTP {}", uri, response.statusCode());
                throw new BackendUnavailableException(properties.url(), uri,
                        new IOException("HTTP " + response.statusCode()));
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            log.warn("Batch summary {} failed: {}", uri, e.toString());
            throw new BackendUnavailableException(properties.url(), uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(properties.url(), uri, e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
