package vn.langso.backend.traceability.epcis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.live.LiveChannel;
import vn.langso.backend.live.LiveEvent;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.traceability.digitallink.Gs1Keys;

/**
 * Stores validated captures as jobs and announces each stored event on the live channel (topic
 * {@code traceability}, type {@code event-captured}) after the transaction committed.
 */
@Service
class CaptureService {

    private static final Logger log = LoggerFactory.getLogger(CaptureService.class);

    private final EventWriter writer;
    private final DatabaseClient database;
    private final LiveChannel live;
    private final JsonMapper json;

    CaptureService(EventWriter writer, DatabaseClient database, LiveChannel live, JsonMapper json) {
        this.writer = writer;
        this.database = database;
        this.live = live;
        this.json = json;
    }

    /** Stores the events of a valid capture and returns the finished job's id. */
    Mono<UUID> capture(CaptureValidator.Result capture) {
        String context = capture.context() == null ? null : json.writeValueAsString(capture.context());
        List<CapturedEvent> events = capture.events().stream()
                .map(event -> CapturedEvent.of(event, json.writeValueAsString(event)))
                .toList();

        return writer.startJob().flatMap(captureId -> writer.store(captureId, context, events)
                .flatMap(stored -> writer.finishJob(captureId, true, stored.size(), "[]")
                        .doOnSuccess(done -> announce(stored))
                        .doOnSuccess(done -> log.info("Capture {} stored {} EPCIS events", captureId, stored.size())))
                .onErrorResume(error -> {
                    log.warn("Capture {} failed and stored nothing: {}", captureId, error.toString());
                    String errors = json.writeValueAsString(List.of(new ValidationError(null, "(document)",
                            "storing the events failed: " + error.getMessage())));
                    return writer.finishJob(captureId, false, 0, errors);
                })
                .thenReturn(captureId));
    }

    /** Finds a capture job, or fails with 404. */
    Mono<CaptureJob> job(UUID id) {
        return database.sql("""
                        SELECT id, created_at, finished_at, running, success, event_count, errors::text AS errors
                          FROM epcis_capture WHERE id = :id""")
                .bind("id", id)
                .map(row -> new CaptureJob(
                        row.get("id", UUID.class).toString(),
                        row.get("created_at", java.time.OffsetDateTime.class),
                        row.get("finished_at", java.time.OffsetDateTime.class),
                        Boolean.TRUE.equals(row.get("running", Boolean.class)),
                        row.get("success", Boolean.class),
                        "rollback",
                        row.get("event_count", Integer.class),
                        readErrors(row.get("errors", String.class))))
                .one()
                .switchIfEmpty(Mono.error(new NotFoundException("Capture job '" + id + "' does not exist.")));
    }

    private List<ValidationError> readErrors(String errors) {
        List<ValidationError> list = new ArrayList<>();
        for (JsonNode error : json.readTree(errors)) {
            list.add(new ValidationError(error.has("eventIndex") ? error.get("eventIndex").asInt() : null,
                    error.path("field").asString(), error.path("reason").asString()));
        }
        return list;
    }

    private void announce(List<EventWriter.StoredEvent> stored) {
        for (EventWriter.StoredEvent event : stored) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("eventId", event.eventId());
            payload.put("type", event.event().type());
            payload.put("bizStep", event.event().bizStep());
            payload.put("lon", event.lon());
            payload.put("lat", event.lat());
            payload.put("at", event.event().eventTime().toString());
            Gs1Keys.Batch batch = event.event().firstBatch();
            payload.put("batch", batch == null ? null : Map.of("gtin", batch.gtin(), "lot", batch.lot()));
            live.publish(LiveEvent.now("traceability", "event-captured", payload));
        }
    }
}
