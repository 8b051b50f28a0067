package vn.langso.backend.traceability.epcis;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule that a captured document or event breaks.
 *
 * @param eventIndex position of the event in the document's event list, from 0; {@code null} for the document
 * @param field      JSON path of the offending member, e.g. {@code epcisBody.eventList[1].eventTimeZoneOffset}
 * @param reason     what is wrong and what is expected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationError(Integer eventIndex, String field, String reason) {

    /** Returns a one-line description naming the event and the field. */
    public String describe() {
        String where = eventIndex == null ? "" : "Event " + eventIndex + ": ";
        return where + field + ": " + reason;
    }
}
