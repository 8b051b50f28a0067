package vn.langso.backend.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/**
 * The detection search filters by class, time, camera, area, bbox and colour, and only officials see detections and
 * snapshots, each within their communes.
 */
class CameraSearchApiTest extends CameraApiTestSupport {

    private static final String DAY = "2026-11-25";
    private static boolean ingested;

    /**
     * Posts detections: cam-1 a white car at 08:00, a red motorbike at 09:00 and a white truck at 10:00; cam-2 a
     * white car at 09:30; cam-3 (other commune) a white car at 09:15 and a black bus at 11:00. A second cam-1 batch adds a white car
     * (track 7) at 10:00:01 and a wrong-way violation with a snapshot.
     */
    private void ingestOnce() {
        if (ingested) {
            return;
        }
        postBatch(batch("cam-1", 1, detection(1, "car", "08:00:00", "white"), detection(2, "motorbike", "09:00:00", "red"),
                detection(3, "truck", "10:00:00", "WHITE"))).expect(200);
        postBatch(batch("cam-2", 1, detection(4, "car", "09:30:00", "white"))).expect(200);
        postBatch(batch("cam-3", 1, detection(5, "car", "09:15:00", "white"), detection(6, "bus", "11:00:00", "black")))
                .expect(200);
        postBatch(fullBatch("cam-1", 2, DAY)).expect(200);
        ingested = true;
    }

    @Test
    void anonymousSearchUnauthorized() {
        ingestOnce();
        JsonNode problem = search(null, uri -> uri).expectProblem(401, "/problems/unauthorized");

        assertThat(problem.path("detail").asString()).contains("sign in");
    }

    @Test
    void citizenSearchForbidden() {
        search(TestUsers.citizen(), uri -> uri).expectProblem(403, "/problems/forbidden");
        search(TestUsers.planner(), uri -> uri).expectProblem(403, "/problems/forbidden");
    }

    @Test
    void searchByClass() {
        ingestOnce();

        JsonNode body = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("class", "car")).expect(200);

        assertThat(tracks(body)).containsExactly(7L, 4L, 5L, 1L);
        assertThat(body.path("detections").get(1).path("camera").asString()).isEqualTo("cam-2");
    }

    @Test
    void searchBySeveralClasses() {
        ingestOnce();

        JsonNode body = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("class", "bus,truck")).expect(200);

        assertThat(tracks(body)).containsExactly(6L, 3L);
    }

    @Test
    void searchByTimeWindow() {
        ingestOnce();

        JsonNode body = search(TestUsers.provinceAdmin(), uri -> uri
                .replaceQueryParam("from", DAY + "T09:00:00Z").replaceQueryParam("to", DAY + "T10:00:00Z")).expect(200);

        assertThat(tracks(body)).containsExactly(4L, 5L, 2L);
    }

    @Test
    void searchByArea() {
        ingestOnce();
        String area = """
                {"type": "Polygon", "coordinates": [[[105.61, 10.44], [105.63, 10.44], [105.63, 10.46],
                 [105.61, 10.46], [105.61, 10.44]]]}""";

        JsonNode body = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("area", "{area}"), area).expect(200);

        assertThat(tracks(body)).containsExactly(7L, 3L, 2L, 1L);
    }

    @Test
    void searchByMultiPolygonArea() {
        ingestOnce();
        String area = """
                {"type": "MultiPolygon", "coordinates": [
                  [[[105.63, 10.46], [105.65, 10.46], [105.65, 10.48], [105.63, 10.48], [105.63, 10.46]]],
                  [[[105.74, 10.29], [105.76, 10.29], [105.76, 10.31], [105.74, 10.31], [105.74, 10.29]]]]}""";

        JsonNode body = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("area", "{area}"), area).expect(200);

        assertThat(tracks(body)).containsExactly(6L, 4L, 5L);
    }

    @Test
    void searchByBbox() {
        ingestOnce();

        JsonNode body = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("bbox", "105.7,10.2,105.8,10.4"))
                .expect(200);

        assertThat(tracks(body)).containsExactly(6L, 5L);
    }

    @Test
    void searchByColour() {
        ingestOnce();

        JsonNode white = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("colour", "White")).expect(200);
        JsonNode red = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("colour", "red")).expect(200);

        assertThat(tracks(white)).containsExactly(7L, 3L, 4L, 5L, 1L);
        assertThat(tracks(red)).containsExactly(2L);
    }

    @Test
    void searchByCameraAndColourAndClass() {
        ingestOnce();

        JsonNode body = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("camera", "cam-1")
                .queryParam("colour", "white").queryParam("class", "car")).expect(200);

        assertThat(tracks(body)).containsExactly(7L, 1L);
        JsonNode detection = body.path("detections").get(1);
        assertThat(detection.path("box").toString()).isEqualTo("[10.0,20.0,30.0,40.0]");
        assertThat(detection.path("at").asString()).isEqualTo(DAY + "T08:00:00Z");
        assertThat(detection.path("lon").asDouble()).isEqualTo(105.62);
    }

    @Test
    void communeOfficialSeesOwnCommuneOnly() {
        ingestOnce();

        JsonNode body = search(TestUsers.communeOfficial("90002"), uri -> uri).expect(200);

        assertThat(tracks(body)).containsExactly(6L, 5L);
    }

    @Test
    void searchPaged() {
        ingestOnce();

        JsonNode first = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("limit", 2)).expect(200);
        JsonNode second = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("limit", 2).queryParam("offset", 2))
                .expect(200);
        JsonNode last = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("limit", 2).queryParam("offset", 7))
                .expect(200);

        assertThat(tracks(first)).containsExactly(6L, 7L);
        assertThat(first.path("hasMore").asBoolean()).isTrue();
        assertThat(tracks(second)).containsExactly(3L, 4L);
        assertThat(tracks(last)).isEmpty();
        assertThat(last.path("hasMore").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"Polygon\", \"coordinates\": [[[10.44, 105.61], [10.44, 105.63], [10.46, 105.63], [10.44, 105.61]]]}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[105.61, 10.44], [105.63, 10.44], [105.63, 10.46], [105.62, 10.46]]]}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[105.61, 10.44], [105.63, 10.44], [105.61, 10.44]]]}",
            "{\"type\": \"Point\", \"coordinates\": [105.61, 10.44]}",
            "{\"type\": \"Polygon\", \"coordinates\": [[[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.85]]]}",
            "{\"type\": \"Polygon\"",
            ""})
    void invalidAreaRejected(String area) {
        JsonNode problem = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("area", "{area}"), area)
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("area");
    }

    @Test
    void swappedAreaNamed() {
        String area = "{\"type\": \"Polygon\", \"coordinates\": [[[10.44, 105.61], [10.44, 105.63], [10.46, 105.63], "
                + "[10.44, 105.61]]]}";

        JsonNode problem = search(TestUsers.provinceAdmin(), uri -> uri.queryParam("area", "{area}"), area)
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("detail").asString()).contains("swapped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"class=Car", "colour=trắng", "camera=cam%201", "bbox=1,2,3", "from=today", "limit=0"})
    void invalidSearchParameterRejected(String query) {
        ApiResponse response = getAs(TestUsers.provinceAdmin(), "/api/v1/cameras/detections?" + query);

        assertThat(response.status()).as("status; body: %s", response.body()).isEqualTo(400);
    }

    @Test
    void violationsListedPublicly() {
        ingestOnce();

        JsonNode body = get("/api/v1/cameras/cam-1/violations?from=" + DAY + "T00:00:00Z&to=" + DAY + "T23:59:59Z")
                .expect(200);

        assertThat(body.path("violations").size()).isEqualTo(1);
        JsonNode violation = body.path("violations").get(0);
        assertThat(violation.path("type").asString()).isEqualTo("wrong_way");
        assertThat(violation.path("lineId").asString()).isEqualTo("north-lane");
        assertThat(violation.path("track").size()).isEqualTo(2);
        assertThat(violation.path("snapshot").asString()).matches("/api/v1/cameras/violations/\\d+/snapshot");
    }

    @Test
    void snapshotServedToOfficialOfCommune() {
        ingestOnce();
        String path = snapshotPath();

        EntityExchangeResult<byte[]> result = client.get().uri(path).headers(TestUsers.as(TestUsers.communeOfficial("90001")))
                .exchange().expectBody(byte[].class).returnResult();

        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseHeaders().getContentType()).hasToString("image/jpeg");
        assertThat(result.getResponseHeaders().getCacheControl()).contains("private").contains("max-age=86400");
        assertThat(result.getResponseHeaders().getETag()).isNotBlank();
        assertThat(result.getResponseBody()).isEqualTo(Base64.getDecoder().decode(TINY_JPEG_BASE64));
    }

    @Test
    void snapshotDeniedOutsideScope() {
        ingestOnce();
        String path = snapshotPath();

        ApiResponse anonymous = getAs(null, path);
        ApiResponse otherCommune = getAs(TestUsers.communeOfficial("90002"), path);
        ApiResponse citizen = getAs(TestUsers.citizen(), path);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(otherCommune.status()).isEqualTo(403);
        assertThat(otherCommune.body().path("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(citizen.status()).isEqualTo(403);
        assertThat(citizen.body().path("type").asString()).isEqualTo("/problems/forbidden");
    }

    @Test
    void missingSnapshotNotFound() {
        get("/api/v1/cameras/violations/999999/snapshot").expectProblem(404, "/problems/not-found");
        get("/api/v1/cameras/violations/abc/snapshot").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void cameraListShowsStreams() {
        ingestOnce();

        JsonNode body = get("/api/v1/cameras").expect(200);

        List<String> keys = new ArrayList<>();
        body.path("cameras").forEach(camera -> keys.add(camera.path("camera").asString()));
        assertThat(keys).containsExactly("cam-1", "cam-2", "cam-3");
        assertThat(body.path("cameras").get(0).path("communeCode").asString()).isEqualTo("90001");
    }

    @Test
    void violationEventPublished() throws InterruptedException {
        subscribeLive();

        // Another day, so that the detections of the search tests stay as they are.
        postBatch(fullBatch("cam-2", 50, "2026-11-26")).expect(200);

        Map<String, Object> data = nextLiveData("cameras.violation");
        assertThat(data).containsEntry("camera", "cam-2").containsEntry("type", "wrong_way")
                .containsEntry("hasSnapshot", true).doesNotContainKey("snapshotJpeg");
    }

    private String snapshotPath() {
        return get("/api/v1/cameras/cam-1/violations?from=" + DAY + "T00:00:00Z&to=" + DAY + "T23:59:59Z")
                .expect(200).path("violations").get(0).path("snapshot").asString();
    }

    private record ApiResponse(int status, JsonNode body) {
    }

    private ApiResponse getAs(CurrentUser user, String pathAndQuery) {
        EntityExchangeResult<String> result = client.get().uri(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
                .headers(headers -> {
                    if (user != null) {
                        TestUsers.as(user).accept(headers);
                    }
                })
                .exchange().expectBody(String.class).returnResult();
        String body = result.getResponseBody();
        return new ApiResponse(result.getStatus().value(), body == null ? JSON.createObjectNode() : JSON.readTree(body));
    }

    /** Searches the whole test day with the given extra parameters; URI template variables take {@code values}. */
    private Response search(CurrentUser user, Function<UriBuilder, UriBuilder> parameters, Object... values) {
        EntityExchangeResult<String> result = client.get()
                .uri(uri -> parameters.apply(uri.path("/api/v1/cameras/detections")
                        .queryParam("from", DAY + "T00:00:00Z").queryParam("to", DAY + "T23:59:59Z")).build(values))
                .headers(headers -> {
                    if (user != null) {
                        TestUsers.as(user).accept(headers);
                    }
                })
                .exchange().expectBody(String.class).returnResult();
        String body = result.getResponseBody();
        return new Response(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
                body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body), result.getResponseHeaders());
    }

    private static List<Long> tracks(JsonNode body) {
        List<Long> tracks = new ArrayList<>();
        body.path("detections").forEach(detection -> tracks.add(detection.path("trackId").asLong()));
        return tracks;
    }

    private static String detection(long track, String objectClass, String time, String colour) {
        return """
                {"trackId": %d, "class": "%s", "score": 0.9, "box": [10, 20, 30, 40], "at": "%sT%sZ", "colour": "%s"}"""
                .formatted(track, objectClass, DAY, time, colour);
    }

    private static String batch(String camera, long sequence, String... detections) {
        return """
                {"agentId": "agent-1", "cameraId": "%s", "sequence": %d, "sentAt": "%sT12:00:00Z", "detections": [%s]}"""
                .formatted(camera, sequence, DAY, String.join(",", detections));
    }
}
