package vn.langso.backend.traceability.epcis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks a captured EPCIS 2.0 document or single event against the standard's structure and vocabulary rules and
 * returns its events, or every problem found. An EPCISQueryDocument is accepted too, because partners forward query
 * results to another repository.
 */
final class CaptureValidator {

    private static final Pattern VERSION = Pattern.compile("^\\d+(\\.\\d+)*$");
    private static final Set<String> DOCUMENT_MEMBERS = Set.of(
            "@context", "id", "type", "schemaVersion", "creationDate", "instanceIdentifier", "sender", "receiver",
            "epcisHeader", "epcisBody");

    /**
     * Outcome of a validation.
     *
     * @param events  the events in document order; empty when there are errors
     * @param context the document's {@code @context}, or the event's own for a single event; {@code null} when absent
     * @param errors  every broken rule, empty when the capture is valid
     */
    record Result(List<JsonNode> events, JsonNode context, List<ValidationError> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private CaptureValidator() {
    }

    /** Validates the body of {@code POST /epcis/capture}: an EPCISDocument (or EPCISQueryDocument). */
    static Result validateDocument(JsonNode document) {
        List<ValidationError> errors = new ArrayList<>();
        if (document == null || !document.isObject()) {
            errors.add(new ValidationError(null, "(document)", "must be a JSON object of type EPCISDocument"));
            return new Result(List.of(), null, errors);
        }
        String type = document.path("type").isString() ? document.path("type").stringValue() : "";
        if (!type.equals("EPCISDocument") && !type.equals("EPCISQueryDocument")) {
            errors.add(new ValidationError(null, "type", "'" + EventValidator.text(document.path("type"))
                    + "' is not a document type; expected EPCISDocument (send single events to /epcis/events)"));
            return new Result(List.of(), null, errors);
        }

        checkHeader(document, errors);
        JsonNode eventList;
        String listPath;
        if (type.equals("EPCISDocument")) {
            eventList = document.path("epcisBody").path("eventList");
            listPath = "epcisBody.eventList";
        } else {
            eventList = document.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
            listPath = "epcisBody.queryResults.resultsBody.eventList";
        }
        if (!eventList.isArray()) {
            errors.add(new ValidationError(null, listPath, "is missing; a document carries its events in " + listPath));
            return new Result(List.of(), null, errors);
        }

        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < eventList.size(); i++) {
            EventValidator.validate(eventList.get(i), i, listPath + "[" + i + "]", errors);
            events.add(eventList.get(i));
        }
        return errors.isEmpty()
                ? new Result(List.copyOf(events), document.get("@context"), List.of())
                : new Result(List.of(), null, List.copyOf(errors));
    }

    /** Validates the body of {@code POST /epcis/events}: one event with its own {@code @context}. */
    static Result validateEvent(JsonNode event) {
        List<ValidationError> errors = new ArrayList<>();
        if (event == null || !event.isObject()) {
            errors.add(new ValidationError(0, "(event)", "must be a JSON object (an EPCIS event)"));
            return new Result(List.of(), null, errors);
        }
        if (!event.has("@context")) {
            errors.add(new ValidationError(0, "@context", "is missing; a single event carries its own @context, "
                    + "e.g. [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"]"));
        }
        EventValidator.validate(event, 0, "", errors);
        return errors.isEmpty()
                ? new Result(List.of(event), event.get("@context"), List.of())
                : new Result(List.of(), null, List.copyOf(errors));
    }

    private static void checkHeader(JsonNode document, List<ValidationError> errors) {
        if (!document.has("@context")) {
            errors.add(new ValidationError(null, "@context", "is missing; an EPCIS JSON-LD document needs "
                    + "\"@context\": [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"]"));
        }
        JsonNode version = document.get("schemaVersion");
        if (version == null) {
            errors.add(new ValidationError(null, "schemaVersion", "is missing; expected \"2.0\""));
        } else if (!version.isString() || !VERSION.matcher(version.stringValue()).matches()) {
            errors.add(new ValidationError(null, "schemaVersion", "'" + EventValidator.text(version)
                    + "' is not a version number; expected \"2.0\""));
        }
        JsonNode creationDate = document.get("creationDate");
        if (creationDate == null) {
            errors.add(new ValidationError(null, "creationDate", "is missing; give the date-time the document was created"));
        } else if (!EventValidator.isDateTime(creationDate)) {
            errors.add(new ValidationError(null, "creationDate", "'" + EventValidator.text(creationDate)
                    + "' is not an RFC 3339 date-time; expected e.g. 2026-07-22T06:45:00+07:00"));
        }
        for (String name : document.propertyNames()) {
            if (!DOCUMENT_MEMBERS.contains(name) && !EpcisVocabulary.isUri(name)) {
                errors.add(new ValidationError(null, name, "is not a member of an EPCIS document; an extension "
                        + "member needs a namespace prefix"));
            }
        }
    }
}
