package vn.langso.ui.reports;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendUnavailableException;

/**
 * Every call of the ui to the backend's citizen reports API. Requests carry the {@link ReportsCredentials} of the
 * current user and, for a reporter without an account, the report's follow token. Calls block for at most the
 * backend timeout, or {@link #UPLOAD_TIMEOUT} for a submission with files.
 *
 * @throws ReportsApiException          (from every call) when the API returns an error
 * @throws BackendUnavailableException (from every call) when the backend cannot be reached
 */
@Component
public class ReportsClient {

    /** Upper bound for sending a report with its files, which may be tens of megabytes. */
    public static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(2);
    /** Header that carries a report's follow token. */
    static final String FOLLOW_TOKEN_HEADER = "X-Report-Token";

    private static final Logger log = LoggerFactory.getLogger(ReportsClient.class);

    private final BackendProperties properties;
    private final ObjectProvider<ReportsCredentials> credentials;
    private final HttpClient httpClient;
    /** Public views leave out the workflow fields, so absent booleans and numbers read as false and 0. */
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ReportsClient(BackendProperties properties, ObjectProvider<ReportsCredentials> credentials) {
        this.properties = properties;
        this.credentials = credentials;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Returns the URL that browsers use for a backend path such as a media URL of a report. */
    public String browserUrl(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        return path.startsWith("/") ? properties.publicUrl() + path : path;
    }

    /** Returns the backend base URL that browsers use, for the live stream and the map. */
    public String browserBaseUrl() {
        return properties.publicUrl().toString();
    }

    public List<ReportCategory> categories() {
        JsonNode root = send(get("/api/v1/report-categories", null), "categories");
        return convertList(root, ReportCategory.class);
    }

    /** Finds open reports of the category near the point (the duplicate hint shown before sending). */
    public NearbyReports nearby(String category, double lon, double lat) {
        String path = "/api/v1/reports/nearby?category=" + encode(category) + "&lon=" + lon + "&lat=" + lat;
        return convert(send(get(path, null), "nearby reports"), NearbyReports.class);
    }

    /**
     * Sends a new report with its files and returns it with its follow token.
     *
     * @param anonymous true to send without the signed-in user's credentials
     */
    public ReportView submit(NewReport report, List<MediaFile> files, boolean anonymous) {
        ObjectNode body = json.createObjectNode();
        body.put("category", report.category());
        body.put("description", report.description());
        if (report.lon() != null && report.lat() != null) {
            body.put("lon", report.lon());
            body.put("lat", report.lat());
        }
        putIfPresent(body, "address", report.address());
        putIfPresent(body, "reporterName", report.reporterName());
        putIfPresent(body, "reporterPhone", report.reporterPhone());

        HttpRequest.Builder request = request("/api/v1/reports", null, !anonymous).timeout(UPLOAD_TIMEOUT);
        if (files.isEmpty()) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        } else {
            Multipart multipart = new Multipart();
            multipart.addJson("report", json.writeValueAsString(body));
            for (MediaFile file : files) {
                multipart.addFile("media", file);
            }
            request.header("Content-Type", multipart.contentType()).POST(multipart.publisher());
        }
        JsonNode created = send(request, "report submission");
        // The response body is the full view with followToken beside its fields, or {"report": {...}, "followToken": "..."}.
        if (created.path("report").isObject()) {
            ObjectNode merged = (ObjectNode) created.get("report").deepCopy();
            merged.put("followToken", created.path("followToken").asString(""));
            created = merged;
        }
        return convert(created, ReportView.class);
    }

    /** Reads the full view of a report; the follow token may be null for a signed-in caller. */
    public ReportView report(long id, String followToken) {
        return convert(send(get("/api/v1/reports/" + id, followToken), "report " + id), ReportView.class);
    }

    /** Reads the public view of a report, which anyone may read. */
    public ReportView publicReport(long id) {
        return convert(send(get("/api/v1/reports/" + id + "/public", null), "public report " + id), ReportView.class);
    }

    /** Reads the officials' inbox: the reports the caller may see that match the filter. */
    public InboxPage inbox(InboxFilter filter) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("status", filter.status());
        query.put("category", filter.category());
        query.put("commune", filter.commune());
        query.put("overdue", filter.overdue() ? "true" : null);
        query.put("q", filter.query());
        query.put("limit", String.valueOf(filter.limit()));
        query.put("offset", String.valueOf(filter.offset()));
        StringBuilder path = new StringBuilder("/api/v1/reports");
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            if (entry.getValue() != null && !entry.getValue().isBlank()) {
                path.append(separator).append(entry.getKey()).append('=').append(encode(entry.getValue()));
                separator = '&';
            }
        }
        return convert(send(get(path.toString(), null), "inbox"), InboxPage.class);
    }

    /** Reads the counts per commune and category of the reports the caller may see. */
    public ReportStats stats() {
        return convert(send(get("/api/v1/reports/stats", null), "report statistics"), ReportStats.class);
    }

    /**
     * Moves a report to a status. The version must be the one last read: otherwise the API returns 409 and nothing
     * changes.
     *
     * @param reason required when the status is {@code rejected}, null otherwise
     */
    public ReportView transition(long id, String status, int version, String note, String reason, String followToken) {
        ObjectNode body = json.createObjectNode();
        body.put("status", status);
        body.put("version", version);
        putIfPresent(body, "note", note);
        putIfPresent(body, "reason", reason);
        return convert(send(post("/api/v1/reports/" + id + "/transitions", body, followToken),
                "transition of report " + id), ReportView.class);
    }

    public List<ReportMessage> messages(long id, String followToken) {
        return convertList(send(get("/api/v1/reports/" + id + "/messages", followToken), "messages of report " + id),
                ReportMessage.class);
    }

    public ReportMessage sendMessage(long id, String text, String followToken) {
        ObjectNode body = json.createObjectNode();
        body.put("body", text);
        return convert(send(post("/api/v1/reports/" + id + "/messages", body, followToken), "message to report " + id),
                ReportMessage.class);
    }

    /** Rates a resolved or closed report from 1 to 5 stars; the API returns 409 before it is resolved. */
    public void rate(long id, int stars, String comment, String followToken) {
        ObjectNode body = json.createObjectNode();
        body.put("stars", stars);
        putIfPresent(body, "comment", comment);
        send(post("/api/v1/reports/" + id + "/rating", body, followToken), "rating of report " + id);
    }

    /** True when the person using the page is signed in. */
    public boolean signedIn() {
        return credentials().bearerToken().isPresent();
    }

    private ReportsCredentials credentials() {
        return credentials.getIfAvailable(() -> ReportsCredentials.SIGNED_IN_USER);
    }

    private HttpRequest.Builder get(String path, String followToken) {
        return request(path, followToken).GET();
    }

    private HttpRequest.Builder post(String path, ObjectNode body, String followToken) {
        return request(path, followToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String followToken) {
        return request(path, followToken, true);
    }

    private HttpRequest.Builder request(String path, String followToken, boolean withCredentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(properties.url() + path))
                .timeout(properties.timeout())
                .header("Accept", "application/json, application/problem+json");
        if (withCredentials) {
            credentials().headers().forEach(builder::header);
        }
        if (followToken != null && !followToken.isBlank()) {
            builder.header(FOLLOW_TOKEN_HEADER, followToken);
        }
        return builder;
    }

    /** Sends the request and returns its JSON body (a JSON null for an empty one). */
    private JsonNode send(HttpRequest.Builder builder, String purpose) {
        HttpRequest request = builder.build();
        String label = request.method() + " " + request.uri().getRawPath();
        HttpResponse<String> response;
        try {
            response = httpClient.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("Backend request {} failed: {}", label, e.toString());
            throw new BackendUnavailableException(properties.url(), request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(properties.url(), request.uri(), e);
        }

        if (response.statusCode() / 100 != 2) {
            ReportsApiException problem = problem(label, response);
            log.info("Backend request {} for {} returned HTTP {} ({}): {}", label, purpose, response.statusCode(),
                    problem.typeSlug(), problem.detail());
            throw problem;
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            log.warn("Backend request {} returned malformed JSON: {}", label, e.getOriginalMessage());
            throw new ReportsApiException(label, 0, "", "malformed JSON: " + e.getOriginalMessage(), List.of(), null);
        }
    }

    private ReportsApiException problem(String label, HttpResponse<String> response) {
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(ReportsClient::seconds).orElse(null);
        try {
            JsonNode problem = json.readTree(response.body() == null ? "" : response.body());
            List<ReportsApiException.InvalidParam> invalidParams = new ArrayList<>();
            for (JsonNode param : problem.path("invalidParams")) {
                invalidParams.add(new ReportsApiException.InvalidParam(param.path("name").asString(""),
                        param.path("reason").asString("")));
            }
            String detail = problem.path("detail").asString("");
            return new ReportsApiException(label, response.statusCode(), problem.path("type").asString(""),
                    detail.isBlank() ? problem.path("title").asString("") : detail, invalidParams, retryAfter);
        } catch (JacksonException | NullPointerException e) {
            String start = response.body() == null ? "" : response.body().strip();
            return new ReportsApiException(label, response.statusCode(), "",
                    start.length() > 200 ? start.substring(0, 200) + "…" : start, List.of(), retryAfter);
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JacksonException e) {
            log.warn("Backend response is not a {}: {}", type.getSimpleName(), e.getOriginalMessage());
            throw new ReportsApiException(type.getSimpleName(), 0, "",
                    "response is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), List.of(), null);
        }
    }

    private <T> List<T> convertList(JsonNode node, Class<T> type) {
        if (!node.isArray()) {
            throw new ReportsApiException(type.getSimpleName(), 0, "", "response is not a JSON array", List.of(), null);
        }
        List<T> values = new ArrayList<>();
        for (JsonNode element : node) {
            values.add(convert(element, type));
        }
        return values;
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A multipart/form-data body whose file parts are streamed from their files. */
    private static final class Multipart {

        private final String boundary = "langso-" + UUID.randomUUID();
        private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

        void addJson(String name, String jsonText) {
            parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + jsonText + "\r\n"));
        }

        void addFile(String name, MediaFile file) {
            String contentType = file.contentType() == null || file.contentType().isBlank()
                    ? "application/octet-stream" : file.contentType().replaceAll("[\\r\\n\"]", "");
            parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + safeFileName(file.fileName()) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(file.file()));
            } catch (FileNotFoundException e) {
                throw new IllegalStateException("Uploaded file " + file.file() + " is gone", e);
            }
            parts.add(text("\r\n"));
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        HttpRequest.BodyPublisher publisher() {
            List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
            all.add(text("--" + boundary + "--\r\n"));
            return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
        }

        /** Keeps letters, digits, dots, dashes and underscores: the API ignores the name, and quotes would break the header. */
        private static String safeFileName(String fileName) {
            String name = fileName == null || fileName.isBlank() ? "file" : fileName;
            return name.replaceAll("[^A-Za-z0-9._-]", "_");
        }

        private static HttpRequest.BodyPublisher text(String value) {
            return HttpRequest.BodyPublishers.ofString(value, StandardCharsets.UTF_8);
        }
    }
}
