package vn.langso.backend.traceability.epcis;

import io.r2dbc.spi.R2dbcException;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;

/** Reads stored events back with their document context, as captured plus eventID and recordTime. */
@Repository
class EventReader {

    /** One stored event: its content and context as JSON text. */
    record StoredJson(String eventId, String recordTime, String context, String content) {
    }

    /** One page of results; {@code more} is true when another page follows. */
    record EventPage(List<StoredJson> events, boolean more) {
    }

    private static final String COLUMNS = """
            SELECT e.event_id, to_char(e.record_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS record_time,
                   e.context::text AS context, e.content::text AS content
              FROM epcis_event e""";

    private final DatabaseClient database;

    EventReader(DatabaseClient database) {
        this.database = database;
    }

    /** Runs a parsed query and returns one page, reading one row more than the page to know whether more follow. */
    Mono<EventPage> find(EventQuery query) {
        Mono<Void> communeCheck = query.commune() == null ? Mono.empty() : requireCommune(query.commune());
        String sql = COLUMNS + query.statement().whereClause() + query.orderClause()
                + " LIMIT " + (query.perPage() + 1) + " OFFSET " + query.offset();
        return communeCheck.then(query.statement().prepare(database, sql)
                .map(row -> new StoredJson(row.get("event_id", String.class), row.get("record_time", String.class),
                        row.get("context", String.class), row.get("content", String.class)))
                .all()
                .collectList()
                .map(rows -> rows.size() > query.perPage()
                        ? new EventPage(rows.subList(0, query.perPage()), true)
                        : new EventPage(rows, false))
                .onErrorMap(R2dbcException.class, error -> query.within() != null && isGeometryError(error)
                        ? InvalidParameterException.of("within", "The within geometry is invalid: " + error.getMessage()
                                + ". Give a valid GeoJSON Polygon or MultiPolygon.")
                        : error));
    }

    /** Finds the latest event with this eventID; a later one with the same ID declares an error in the first. */
    Mono<StoredJson> findById(String eventId) {
        return database.sql(COLUMNS + " WHERE e.event_id = :id ORDER BY e.id DESC LIMIT 1")
                .bind("id", eventId)
                .map(row -> new StoredJson(row.get("event_id", String.class), row.get("record_time", String.class),
                        row.get("context", String.class), row.get("content", String.class)))
                .one();
    }

    private Mono<Void> requireCommune(String code) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL "
                        + "AND code = :code) AS found")
                .bind("code", code)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
                .one()
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(InvalidParameterException.of("commune",
                        "commune '" + code + "' is not the code of a current commune; see /api/v1/communes for the codes.")));
    }

    private static boolean isGeometryError(R2dbcException error) {
        String message = String.valueOf(error.getMessage()).toLowerCase();
        return message.contains("geojson") || message.contains("geometry") || message.contains("parse");
    }
}
