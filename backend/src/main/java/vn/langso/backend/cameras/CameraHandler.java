package vn.langso.backend.cameras;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.web.Bbox;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.QueryParameters;

/** Handlers of the camera read API under {@code /api/v1/cameras}. */
@Component
class CameraHandler {

    static final Set<Integer> BUCKET_MINUTES = Set.of(1, 5, 15, 60);
    /** Maximum number of buckets in one counts request, which is a week of 1-minute buckets. */
    static final long MAX_BUCKETS = 7 * 24 * 60;
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final Duration DEFAULT_SEARCH_WINDOW = Duration.ofDays(1);
    static final Duration DEFAULT_VIOLATION_WINDOW = Duration.ofDays(7);
    /** Snapshots never change once stored, so browsers may keep them for a day. */
    static final Duration SNAPSHOT_MAX_AGE = Duration.ofDays(1);

    private final CameraQueryRepository cameras;
    private final CameraAccess access;
    private final LangsoProperties.Api limits;
    private final Clock clock = Clock.systemUTC();

    CameraHandler(CameraQueryRepository cameras, CameraAccess access, LangsoProperties properties) {
        this.cameras = cameras;
        this.access = access;
        this.limits = properties.api();
    }

    static String snapshotPath(long violationId) {
        return "/api/v1/cameras/violations/" + violationId + "/snapshot";
    }

    /** {@code GET /api/v1/cameras}: cameras of the layer with their live state. */
    Mono<ServerResponse> list(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("limit", "offset"));
        Page page = parameters.page(limits.maxLimit(), limits.maxLimit());
        return cameras.cameras(page).collectList()
                .flatMap(list -> json(Map.of("cameras", list)));
    }

    /** {@code GET /api/v1/cameras/{camera}}: one camera by the id its agent sends. */
    Mono<ServerResponse> one(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        return camera(request).flatMap(this::json);
    }

    /** {@code GET /api/v1/cameras/{camera}/counts}: counts per bucket of 1, 5, 15 or 60 minutes. */
    Mono<ServerResponse> counts(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("interval", "from", "to", "class", "direction", "line"));
        int minutes = parameters.integer("interval", 1, 1440).map(Long::intValue).orElse(5);
        if (!BUCKET_MINUTES.contains(minutes)) {
            throw InvalidParameterException.of("interval", "interval " + minutes + " is not supported; use 1, 5, 15 or 60 "
                    + "(minutes).");
        }
        Duration bucket = Duration.ofMinutes(minutes);
        TimeWindow window = align(TimeWindow.parse(parameters, bucket.multipliedBy(60), MAX_WINDOW, clock), bucket);
        long buckets = Duration.between(window.from(), window.to()).dividedBy(bucket);
        if (buckets > MAX_BUCKETS) {
            throw InvalidParameterException.of("from", "The window holds " + buckets + " buckets of " + minutes
                    + " minutes; the maximum is " + MAX_BUCKETS + ". Use a longer interval or a shorter window.");
        }
        List<String> classes = classes(parameters);
        String direction = parameters.string("direction").map(CameraHandler::direction).orElse(null);
        String line = parameters.string("line").map(raw -> id("line", raw)).orElse(null);
        return camera(request).flatMap(camera -> cameras
                .counts((Long) camera.get("featureId"), minutes, window, classes, direction, line)
                .collectList()
                .flatMap(rows -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("camera", camera.get("camera"));
                    body.put("featureId", camera.get("featureId"));
                    body.put("intervalMinutes", minutes);
                    body.put("from", window.from().toString());
                    body.put("to", window.to().toString());
                    body.put("buckets", rows);
                    return json(body);
                }));
    }

    /** {@code GET /api/v1/cameras/{camera}/violations}: violations newest first, with snapshot links. */
    Mono<ServerResponse> violations(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("from", "to", "limit", "offset"));
        TimeWindow window = TimeWindow.parse(parameters, DEFAULT_VIOLATION_WINDOW, MAX_WINDOW, clock);
        Page page = parameters.page(limits.defaultLimit(), limits.maxLimit());
        return camera(request).flatMap(camera -> cameras.violations((Long) camera.get("featureId"), window, page)
                .collectList()
                .flatMap(rows -> json(Map.of("camera", camera.get("camera"), "violations", rows))));
    }

    /** {@code GET /api/v1/cameras/violations/{id}/snapshot}: the JPEG of a violation, for officials only. */
    Mono<ServerResponse> snapshot(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        String raw = request.pathVariable("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw InvalidParameterException.of("id", "Violation id '" + QueryParameters.shorten(raw)
                    + "' is not a whole number; take ids from /api/v1/cameras/{camera}/violations.");
        }
        String resource = "The snapshot of a violation";
        return cameras.snapshot(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No violation has id " + id + ".")))
                .flatMap(snapshot -> access.requireSensitive(resource, snapshot.communeCode()).thenReturn(snapshot))
                .flatMap(snapshot -> {
                    if (snapshot.jpeg() == null) {
                        return Mono.error(new NotFoundException("Violation " + id + " has no snapshot; the agent sent none."));
                    }
                    return ServerResponse.ok()
                            .contentType(MediaType.IMAGE_JPEG)
                            // Private: the response depends on the user's rights, so shared caches must not keep it.
                            .cacheControl(CacheControl.maxAge(SNAPSHOT_MAX_AGE).cachePrivate().immutable())
                            .eTag("\"violation-" + id + "\"")
                            .lastModified(snapshot.storedAt())
                            .bodyValue(snapshot.jpeg());
                });
    }

    /** {@code GET /api/v1/cameras/detections}: past detections by class, time, camera, area and colour. */
    Mono<ServerResponse> searchDetections(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request,
                Set.of("from", "to", "class", "colour", "camera", "area", "bbox", "limit", "offset"));
        TimeWindow window = TimeWindow.parse(parameters, DEFAULT_SEARCH_WINDOW, MAX_WINDOW, clock);
        List<String> classes = classes(parameters);
        String colour = parameters.string("colour").map(CameraHandler::colour).orElse(null);
        String camera = parameters.string("camera").map(raw -> id("camera", raw)).orElse(null);
        String area = parameters.string("area").map(SearchArea::parse).orElse(null);
        Bbox bbox = parameters.string("bbox").map(Bbox::parse).orElse(null);
        Page page = parameters.page(limits.defaultLimit(), limits.maxLimit());
        DetectionQuery query = new DetectionQuery(window, classes, colour, camera, area, bbox, page);
        return access.sensitiveScope("The detection search")
                .flatMap(scope -> cameras.detections(query, scope).collectList())
                .flatMap(rows -> {
                    boolean more = rows.size() > page.limit();
                    List<Map<String, Object>> detections = more ? rows.subList(0, page.limit()) : rows;
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("from", window.from().toString());
                    body.put("to", window.to().toString());
                    body.put("limit", page.limit());
                    body.put("offset", page.offset());
                    body.put("hasMore", more);
                    body.put("detections", detections);
                    return json(body);
                });
    }

    private Mono<Map<String, Object>> camera(ServerRequest request) {
        String key = id("camera", request.pathVariable("camera"));
        return cameras.camera(key).switchIfEmpty(Mono.error(() -> new NotFoundException("No camera has the id '" + key
                + "'. List the cameras at /api/v1/cameras; only cameras that an agent has reported have an id.")));
    }

    private Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    /** Widens the window to whole buckets (aligned as the counts query aligns them). */
    private static TimeWindow align(TimeWindow window, Duration bucket) {
        long size = bucket.toMillis();
        long origin = IngestJson.EARLIEST.toEpochMilli();
        long from = Math.floorDiv(window.from().toEpochMilli() - origin, size) * size + origin;
        long to = -Math.floorDiv(-(window.to().toEpochMilli() - origin), size) * size + origin;
        return new TimeWindow(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
    }

    private static List<String> classes(QueryParameters parameters) {
        return parameters.string("class").map(raw -> Arrays.stream(raw.split(",", -1))
                .map(String::strip)
                .map(value -> {
                    if (!IngestJson.CLASS.matcher(value).matches()) {
                        throw InvalidParameterException.of("class", "class '" + QueryParameters.shorten(value)
                                + "' is invalid; give classes such as car, motorbike, bus, truck, bicycle or person, "
                                + "separated by commas.");
                    }
                    return value;
                })
                .distinct()
                .toList()).orElse(List.of());
    }

    private static String colour(String raw) {
        String value = raw.strip().toLowerCase(java.util.Locale.ROOT);
        if (!IngestJson.COLOUR.matcher(value).matches()) {
            throw InvalidParameterException.of("colour", "colour '" + QueryParameters.shorten(raw)
                    + "' is invalid; give a colour name in English letters, for example white.");
        }
        return value;
    }

    private static String direction(String raw) {
        if (!IngestParser.DIRECTIONS.contains(raw)) {
            throw InvalidParameterException.of("direction", "direction '" + QueryParameters.shorten(raw)
                    + "' is invalid; use forward or backward.");
        }
        return raw;
    }

    private static String id(String name, String raw) {
        if (!IngestJson.ID.matcher(raw).matches()) {
            throw InvalidParameterException.of(name, name + " '" + QueryParameters.shorten(raw) + "' is not a valid id; "
                    + "ids contain letters, digits and . _ : - only.");
        }
        return raw;
    }
}
