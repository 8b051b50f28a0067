package vn.langso.ui.backend;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.langso.ui.accounts.UiSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-side client of the backend's public JSON API, for the data that the Java UI needs (the layer list, the
 * commune search, sign-in and administration). Requests carry the bearer token of the session's signed-in user. The map component in the browser fetches features itself from {@link BackendProperties#publicUrl()}.
 * Calls block for at most {@link BackendProperties#timeout()}.
 */
@Component
public class BackendClient {

    /** Maximum length of the search text, in characters; longer input is rejected before any request. */
    public static final int MAX_SEARCH_LENGTH = 100;

    private static final Logger log = LoggerFactory.getLogger(BackendClient.class);

    private final BackendProperties properties;
    private final HttpClient httpClient;
    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    public BackendClient(BackendProperties properties) {
        this.properties = properties;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI backendUrl() {
        return properties.url();
    }

    /** Fetches the layer catalog; layers without a name are skipped. */
    public List<LayerSummary> layers() {
        return layerList("/api/v1/layers");
    }

    /** Fetches the layers that the analyses accept: the catalog's place layers and the growing areas. */
    public List<LayerSummary> analysisLayers() {
        return layerList("/api/v1/analyses/layers");
    }

    private List<LayerSummary> layerList(String path) {
        URI requestUrl = URI.create(properties.url() + path);
        JsonNode root = getJson(requestUrl);

        List<LayerSummary> layers = new ArrayList<>();
        for (JsonNode layer : root.path("layers")) {
            String name = layer.path("name").asString("");
            if (name.isBlank()) {
                log.warn("Skipping a layer without a name in {}", requestUrl);
                continue;
            }
            layers.add(new LayerSummary(name,
                    localized(layer.path("title")),
                    localized(layer.path("description")),
                    layer.path("geometryType").asString("Point"),
                    layer.path("featureCount").asLong(-1)));
        }
        return layers;
    }

    /**
     * Searches current communes by name, with or without diacritics.
     *
     * @param query search text; blank or longer than {@value #MAX_SEARCH_LENGTH} characters is rejected
     * @return matches in the backend's order; empty when nothing matches
     */
    public List<CommuneMatch> searchCommunes(String query) {
        // NFC, as the backend stores names, so that text typed in decomposed form (NFD) matches the same way.
        String trimmed = query == null ? "" : Normalizer.normalize(query, Normalizer.Form.NFC).strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Commune search text is empty; type part of a commune name");
        }
        if (trimmed.length() > MAX_SEARCH_LENGTH) {
            throw new IllegalArgumentException("Commune search text has " + trimmed.length()
                    + " characters; the maximum is " + MAX_SEARCH_LENGTH);
        }

        URI requestUrl = URI.create(properties.url() + "/api/v1/communes/search?q="
                + URLEncoder.encode(trimmed, StandardCharsets.UTF_8).replace("+", "%20"));
        JsonNode root = getJson(requestUrl);

        List<CommuneMatch> matches = new ArrayList<>();
        for (JsonNode result : root.path("results")) {
            matches.add(toCommuneMatch(requestUrl, result));
        }
        return matches;
    }

    /**
     * Fetches a JSON object from a path of the backend's public API, with the query parameters encoded.
     *
     * @throws BackendUnavailableException when the backend cannot be reached
     * @throws BackendResponseException when the backend returns an error status or a body that is not a JSON object
     */
    public JsonNode getJson(String path, Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(properties.url().toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return getJson(URI.create(url.toString()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private CommuneMatch toCommuneMatch(URI requestUrl, JsonNode result) {
        String code = result.path("code").asString("");
        String name = result.path("name").asString("");
        JsonNode bbox = result.path("bbox");
        if (code.isBlank() || name.isBlank() || !bbox.isArray() || bbox.size() != 4 || !allNumbers(bbox)) {
            throw new BackendResponseException(properties.url(), requestUrl, 0,
                    "search result without code, name or a 4-number bbox: " + result);
        }
        try {
            BoundingBox box = new BoundingBox(bbox.get(0).asDouble(), bbox.get(1).asDouble(),
                    bbox.get(2).asDouble(), bbox.get(3).asDouble());
            JsonNode successor = result.path("now_part_of");
            String nowPartOf = successor.isObject()
                    ? CommuneMatch.withUnitType(successor.path("unit_type").asString(""), successor.path("name").asString(""))
                    : "";
            return new CommuneMatch(code, name, result.path("unit_type").asString(""), box,
                    result.hasNonNull("valid_to"), nowPartOf);
        } catch (IllegalArgumentException e) {
            throw new BackendResponseException(properties.url(), requestUrl, 0, e.getMessage());
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode value : array) {
            if (!value.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static LocalizedText localized(JsonNode node) {
        if (node.isString()) {
            return new LocalizedText(node.asString(), node.asString());
        }
        return new LocalizedText(node.path("vi").asString(""), node.path("en").asString(""));
    }

    /**
     * GETs a JSON object from the backend as the signed-in user of this session (anonymous when none).
     *
     * @param pathAndQuery path below the backend's base URL with an already encoded query, for example
     *                     {@code /api/v1/admin/audit?limit=50}
     */
    public JsonNode get(String pathAndQuery) {
        return getJson(URI.create(properties.url() + pathAndQuery));
    }

    /** POSTs a JSON body to the backend as the signed-in user of this session and returns the JSON object of the response. */
    public JsonNode post(String path, Object body) {
        URI requestUrl = URI.create(properties.url() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(requestUrl)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonMapper.writeValueAsString(body), StandardCharsets.UTF_8));
        return send(requestUrl, request);
    }

    private JsonNode getJson(URI requestUrl) {
        return send(requestUrl, HttpRequest.newBuilder(requestUrl).GET());
    }

    private JsonNode send(URI requestUrl, HttpRequest.Builder builder) {
        builder.timeout(properties.timeout()).header("Accept", "application/json");
        // The signed-in user's token goes with every call, so the backend decides access as it does for any client.
        UiSession.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        HttpRequest request = builder.build();

        HttpResponse<String> response;
        try {
            response = httpClient.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("Backend request {} failed: {}", requestUrl, e.toString());
            throw new BackendUnavailableException(properties.url(), requestUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(properties.url(), requestUrl, e);
        }

        if (response.statusCode() / 100 != 2) {
            String detail = problemDetail(response.body());
            log.warn("Backend request {} returned HTTP {}: {}", requestUrl, response.statusCode(), detail);
            throw new BackendResponseException(properties.url(), requestUrl, response.statusCode(), detail);
        }
        try {
            JsonNode root = jsonMapper.readTree(response.body());
            if (root == null || !root.isObject()) {
                throw new BackendResponseException(properties.url(), requestUrl, 0, "response body is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            log.warn("Backend request {} returned malformed JSON: {}", requestUrl, e.getOriginalMessage());
            throw new BackendResponseException(properties.url(), requestUrl, 0, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Returns the problem+json {@code detail} (or {@code title}) of an error body, or the start of a body that is not one. */
    private String problemDetail(String body) {
        try {
            JsonNode problem = jsonMapper.readTree(body);
            String detail = problem.path("detail").asString("");
            return detail.isBlank() ? problem.path("title").asString("no detail") : detail;
        } catch (JacksonException e) {
            String start = body == null ? "" : body.strip();
            return start.length() > 200 ? start.substring(0, 200) + "…" : start;
        }
    }
}
