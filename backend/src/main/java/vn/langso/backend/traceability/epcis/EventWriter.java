package vn.langso.backend.traceability.epcis;

import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes capture jobs and, in one transaction per capture, their events and identifiers. */
@Repository
class EventWriter {

    /**
     * A stored event with its eventID (assigned when it had none) and where it was placed on the map; lon and lat
     * are {@code null} when its read point is unknown.
     */
    record StoredEvent(CapturedEvent event, String eventId, Double lon, Double lat, String communeCode) {
    }

    private record Inserted(long pk, StoredEvent stored) {
    }

    private static final String INSERT_EVENT = """
            INSERT INTO epcis_event (event_id, capture_id, event_type, event_time, time_zone_offset, action, biz_step,
                                     disposition, read_point, biz_location, geom, biz_geom, commune_code, context, content)
            SELECT COALESCE(CAST(:eventId AS text), 'urn:uuid:' || gen_random_uuid()), :captureId, :type, :eventTime, :offset, :action, :bizStep, :disposition, :readPoint,
                   :bizLocation, places.read_geom, places.biz_geom, current_commune_at(places.read_geom),
                   CAST(:context AS jsonb), CAST(:content AS jsonb)
              FROM (SELECT trace_place_geom(CAST(:readPoint AS text), CAST(:readLon AS float8), CAST(:readLat AS float8)) AS read_geom,
                           trace_place_geom(CAST(:bizLocation AS text), CAST(:bizLon AS float8), CAST(:bizLat AS float8)) AS biz_geom
                   ) places
            RETURNING id, event_id, ST_X(geom) AS lon, ST_Y(geom) AS lat, commune_code""";

    private static final String INSERT_IDENTIFIERS = """
            INSERT INTO epcis_event_epc (event_pk, role, value, gtin, lot)
            SELECT :eventPk, role, value, gtin, lot
              FROM unnest(CAST(:roles AS text[]), CAST(:values AS text[]), CAST(:gtins AS text[]), CAST(:lots AS text[]))
                   AS identifier(role, value, gtin, lot)""";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    EventWriter(DatabaseClient database, ReactiveTransactionManager transactionManager) {
        this.database = database;
        this.transaction = TransactionalOperator.create(transactionManager);
    }

    /** Records a new running capture job; PostgreSQL draws its id, because SecureRandom may block the event loop. */
    Mono<UUID> startJob() {
        return database.sql("INSERT INTO epcis_capture (id) VALUES (gen_random_uuid()) RETURNING id")
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /** Stores every event of one capture, or none of them when any insert fails. */
    Mono<List<StoredEvent>> store(UUID captureId, String context, List<CapturedEvent> events) {
        return Flux.fromIterable(events)
                .concatMap(event -> insert(captureId, context, event))
                .collectList()
                .as(transaction::transactional);
    }

    /** Marks a job finished, with its outcome. */
    Mono<Void> finishJob(UUID captureId, boolean success, int eventCount, String errorsJson) {
        return database.sql("""
                        UPDATE epcis_capture
                           SET running = false, success = :success, finished_at = now(), event_count = :count,
                               errors = CAST(:errors AS jsonb)
                         WHERE id = :id""")
                .bind("success", success)
                .bind("count", eventCount)
                .bind("errors", errorsJson)
                .bind("id", captureId)
                .then();
    }

    private Mono<StoredEvent> insert(UUID captureId, String context, CapturedEvent event) {
        DatabaseClient.GenericExecuteSpec spec = database.sql(INSERT_EVENT)
                .bind("captureId", captureId)
                .bind("type", event.type())
                .bind("eventTime", event.eventTime())
                .bind("offset", event.timeZoneOffset())
                .bind("content", event.content());
        spec = nullable(spec, "eventId", event.eventId(), String.class);
        spec = nullable(spec, "action", event.action(), String.class);
        spec = nullable(spec, "bizStep", event.bizStep(), String.class);
        spec = nullable(spec, "disposition", event.disposition(), String.class);
        spec = nullable(spec, "readPoint", event.readPoint(), String.class);
        spec = nullable(spec, "bizLocation", event.bizLocation(), String.class);
        spec = nullable(spec, "readLon", event.readPointGeo() == null ? null : event.readPointGeo().lon(), Double.class);
        spec = nullable(spec, "readLat", event.readPointGeo() == null ? null : event.readPointGeo().lat(), Double.class);
        spec = nullable(spec, "bizLon", event.bizLocationGeo() == null ? null : event.bizLocationGeo().lon(), Double.class);
        spec = nullable(spec, "bizLat", event.bizLocationGeo() == null ? null : event.bizLocationGeo().lat(), Double.class);
        spec = nullable(spec, "context", context, String.class);

        return spec.map(row -> new Inserted(row.get("id", Long.class), new StoredEvent(event,
                        row.get("event_id", String.class), row.get("lon", Double.class), row.get("lat", Double.class), row.get("commune_code", String.class))))
                .one()
                .flatMap(inserted -> insertIdentifiers(inserted.pk(), event).thenReturn(inserted.stored()));
    }

    private Mono<Void> insertIdentifiers(long eventPk, CapturedEvent event) {
        List<CapturedEvent.Identifier> identifiers = event.identifiers();
        if (identifiers.isEmpty()) {
            return Mono.empty();
        }
        return database.sql(INSERT_IDENTIFIERS)
                .bind("eventPk", eventPk)
                .bind("roles", identifiers.stream().map(CapturedEvent.Identifier::role).toArray(String[]::new))
                .bind("values", identifiers.stream().map(CapturedEvent.Identifier::value).toArray(String[]::new))
                .bind("gtins", identifiers.stream().map(CapturedEvent.Identifier::gtin).toArray(String[]::new))
                .bind("lots", identifiers.stream().map(CapturedEvent.Identifier::lot).toArray(String[]::new))
                .then();
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
