package vn.langso.backend.traceability.epcis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.traceability.digitallink.Gs1Keys;

/**
 * The columns extracted from a valid event for indexing, beside its original JSON.
 *
 * @param eventId     the event's eventID, or {@code null} when it has none (the database then assigns a urn:uuid)
 * @param identifiers the EPCs and EPC classes by role, for the MATCH_ query parameters
 */
record CapturedEvent(String eventId, String type, OffsetDateTime eventTime, String timeZoneOffset, String action,
        String bizStep, String disposition, String readPoint, String bizLocation, GeoUri readPointGeo,
        GeoUri bizLocationGeo, List<Identifier> identifiers, String content) {

    /** An identifier of the event in one role; gtin and lot are set for batch-level identifiers. */
    record Identifier(String role, String value, String gtin, String lot) {
    }

    /** Roles of single identifiers (EPC lists) by event member. */
    static final Map<String, String> EPC_ROLES = Map.of(
            "epcList", "epc", "childEPCs", "child", "inputEPCList", "input", "outputEPCList", "output");

    /** Roles of quantity elements (EPC classes) by event member. */
    static final Map<String, String> CLASS_ROLES = Map.of(
            "quantityList", "epc_class", "childQuantityList", "child_class", "inputQuantityList", "input_class",
            "outputQuantityList", "output_class");

    /** Extracts the columns of an event that {@link CaptureValidator} accepted. */
    static CapturedEvent of(JsonNode event, String content) {
        String eventId = textOrNull(event, "eventID");
        List<Identifier> identifiers = new ArrayList<>();
        EPC_ROLES.forEach((member, role) -> event.path(member).values()
                .forEach(epc -> identifiers.add(identifier(role, epc.stringValue()))));
        CLASS_ROLES.forEach((member, role) -> event.path(member).values()
                .forEach(element -> identifiers.add(identifier(role, element.path("epcClass").stringValue()))));
        if (event.has("parentID")) {
            identifiers.add(identifier("parent", event.get("parentID").stringValue()));
        }

        String readPoint = event.path("readPoint").path("id").isString()
                ? event.path("readPoint").path("id").stringValue() : null;
        String bizLocation = event.path("bizLocation").path("id").isString()
                ? event.path("bizLocation").path("id").stringValue() : null;
        return new CapturedEvent(
                eventId,
                event.path("type").stringValue(),
                OffsetDateTime.parse(event.path("eventTime").stringValue().toUpperCase()),
                event.path("eventTimeZoneOffset").stringValue(),
                textOrNull(event, "action"),
                textOrNull(event, "bizStep"),
                textOrNull(event, "disposition"),
                readPoint,
                bizLocation,
                GeoUri.parse(readPoint).orElse(null),
                GeoUri.parse(bizLocation).orElse(null),
                List.copyOf(identifiers),
                content);
    }

    /** The first batch (GTIN and lot) among the identifiers, or {@code null}. */
    Gs1Keys.Batch firstBatch() {
        return identifiers.stream()
                .filter(identifier -> identifier.gtin() != null)
                .findFirst()
                .map(identifier -> new Gs1Keys.Batch(identifier.gtin(), identifier.lot()))
                .orElse(null);
    }

    private static Identifier identifier(String role, String value) {
        return Gs1Keys.batchOf(value)
                .map(batch -> new Identifier(role, value, batch.gtin(), batch.lot()))
                .orElseGet(() -> new Identifier(role, value, null, null));
    }

    private static String textOrNull(JsonNode event, String member) {
        JsonNode value = event.get(member);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
