package vn.langso.backend.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The counts API sums stored counts per bucket of 1, 5, 15 and 60 minutes. The reference is computed in SQL with
 * epoch arithmetic, independently of the API's date_bin query.
 */
class CameraCountsApiTest extends CameraApiTestSupport {

    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private static final String FROM = "2026-11-20T09:00:00Z";
    private static final String TO = "2026-11-20T12:00:00Z";
    private static final String[] CLASSES = {"car", "motorbike", "truck"};
    private static final String[] DIRECTIONS = {"forward", "backward"};

    private static boolean ingested;

    @BeforeAll
    static void resetFlag() {
        ingested = false;
    }

    /**
     * Posts three hours of counts for cam-1 (intervals of 20 to 60 s starting at odd seconds, so some start just
     * before a bucket edge) and one large count for cam-2, which must never appear in cam-1's counts.
     */
    private void ingestOnce() {
        if (ingested) {
            return;
        }
        Random random = new Random(20261204);
        long sequence = 1;
        List<String> rows = new ArrayList<>();
        for (Instant at = START.plusSeconds(7); at.isBefore(START.plusSeconds(3 * 3600)); at = at.plusSeconds(37)) {
            Instant end = at.plusSeconds(20 + random.nextInt(40));
            for (String objectClass : CLASSES) {
                String direction = DIRECTIONS[random.nextInt(2)];
                rows.add("""
                        {"lineId": "%s", "class": "%s", "direction": "%s", "intervalStart": "%s", "intervalEnd": "%s",
                         "count": %d}""".formatted(random.nextBoolean() ? "north-lane" : "south-lane", objectClass,
                        direction, at, end, random.nextInt(6)));
            }
            if (rows.size() >= 150) {
                postBatch(countsBatch("cam-1", sequence++, rows)).expect(200);
                rows.clear();
            }
        }
        postBatch(countsBatch("cam-1", sequence, rows)).expect(200);
        postBatch(countsBatch("cam-2", 1, List.of("""
                {"lineId": "north-lane", "class": "car", "direction": "forward", "intervalStart": "2026-11-20T09:00:00Z",
                 "intervalEnd": "2026-11-20T09:01:00Z", "count": 1000}"""))).expect(200);
        ingested = true;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 15, 60})
    void countsMatchSqlReference(int minutes) {
        ingestOnce();

        JsonNode body = get(uri -> counts(uri, minutes).build()).expect(200);

        assertThat(body.path("intervalMinutes").asInt()).isEqualTo(minutes);
        assertThat(buckets(body)).isEqualTo(reference(minutes, ""));
        assertThat(body.path("buckets").size()).isGreaterThan(0);
    }

    @Test
    void countsFilteredByClassAndDirection() {
        ingestOnce();

        JsonNode body = get(uri -> counts(uri, 15).queryParam("class", "car").queryParam("direction", "backward").build())
                .expect(200);

        assertThat(buckets(body)).isEqualTo(reference(15, " AND class = 'car' AND direction = 'backward'"));
        assertThat(buckets(body)).allMatch(bucket -> bucket.contains(" car backward "));
    }

    @Test
    void countsFilteredByLine() {
        ingestOnce();

        JsonNode body = get(uri -> counts(uri, 60).queryParam("line", "south-lane").build()).expect(200);

        assertThat(buckets(body)).isEqualTo(reference(60, " AND line_id = 'south-lane'"));
    }

    @Test
    void totalEqualsStoredTotal() {
        ingestOnce();

        JsonNode body = get(uri -> counts(uri, 60).build()).expect(200);
        long total = 0;
        for (JsonNode bucket : body.path("buckets")) {
            total += bucket.path("count").asLong();
        }

        assertThat(total).isEqualTo(Long.parseLong(query("SELECT sum(count) FROM camera_count c JOIN camera_stream s"
                + " ON s.camera_id = c.camera_id WHERE s.camera_key = 'cam-1'").getFirst()));
    }

    @Test
    void unalignedWindowWidenedToBuckets() {
        ingestOnce();

        JsonNode body = get("/api/v1/cameras/cam-1/counts?interval=15&from=2026-11-20T09:07:00Z&to=2026-11-20T09:52:00Z")
                .expect(200);

        assertThat(body.path("from").asString()).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(body.path("to").asString()).isEqualTo("2026-11-20T10:00:00Z");
    }

    @Test
    void countEventPublishedOnIngest() throws InterruptedException {
        subscribeLive();

        postBatch(countsBatch("cam-3", 1, List.of("""
                {"lineId": "east", "class": "bus", "direction": "forward", "intervalStart": "2026-11-20T09:00:00Z",
                 "intervalEnd": "2026-11-20T09:01:00Z", "count": 2}"""))).expect(200);

        Map<String, Object> data = nextLiveData("cameras.count");
        assertThat(data).containsEntry("camera", "cam-3");
        assertThat(data.get("counts").toString()).contains("bus").contains("count=2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "interval=7",
            "interval=five",
            "from=2026-11-20T12:00:00Z&to=2026-11-20T09:00:00Z",
            "from=yesterday",
            "interval=1&from=2026-01-01T00:00:00Z&to=2026-11-20T00:00:00Z",
            "direction=up",
            "class=Car",
            "unknown=1"})
    void invalidCountsRequestRejected(String query) {
        get("/api/v1/cameras/cam-1/counts?" + query).expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void unknownCameraNotFound() {
        get("/api/v1/cameras/cam-nope/counts").expectProblem(404, "/problems/not-found");
    }

    @Test
    void emptyWindowHasNoBuckets() {
        JsonNode body = get("/api/v1/cameras/cam-1/counts?interval=5&from=2026-11-21T09:00:00Z&to=2026-11-21T10:00:00Z")
                .expect(200);

        assertThat(body.path("buckets").isArray()).isTrue();
        assertThat(body.path("buckets").size()).isZero();
    }

    private static UriBuilder counts(UriBuilder uri, int minutes) {
        return uri.path("/api/v1/cameras/cam-1/counts").queryParam("interval", minutes)
                .queryParam("from", FROM).queryParam("to", TO);
    }

    private static List<String> buckets(JsonNode body) {
        List<String> buckets = new ArrayList<>();
        for (JsonNode bucket : body.path("buckets")) {
            buckets.add(bucket.path("start").asString() + " " + bucket.path("class").asString() + " "
                    + bucket.path("direction").asString() + " " + bucket.path("count").asLong());
        }
        return buckets;
    }

    /** The expected buckets, computed from the stored rows by flooring epoch seconds to the bucket length. */
    private static List<String> reference(int minutes, String condition) {
        int seconds = minutes * 60;
        return query("""
                SELECT to_char(to_timestamp(floor(extract(epoch FROM interval_start) / %1$d) * %1$d) AT TIME ZONE 'UTC',
                               'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' ' || class || ' ' || direction || ' ' || sum(count)
                  FROM camera_count c JOIN camera_stream s ON s.camera_id = c.camera_id
                 WHERE s.camera_key = 'cam-1' AND interval_start >= '%2$s' AND interval_start < '%3$s' %4$s
                 GROUP BY floor(extract(epoch FROM interval_start) / %1$d), class, direction
                 ORDER BY floor(extract(epoch FROM interval_start) / %1$d), class, direction"""
                .formatted(seconds, FROM, TO, condition));
    }

    private static String countsBatch(String camera, long sequence, List<String> counts) {
        return """
                {"agentId": "agent-1", "cameraId": "%s", "sequence": %d, "sentAt": "2026-11-20T12:00:00Z",
                 "counts": [%s]}""".formatted(camera, sequence, String.join(",", counts));
    }
}
