package vn.langso.backend.traceability.epcis;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The EPCIS 2.0 rules of one event: the members each event type allows and requires, time formats, the CBV
 * vocabularies and the identifier lists per event type. The rules follow the EPCIS 2.0 JSON schema and add the
 * vocabulary checks that the standard states in prose. Errors are appended to a list, so every problem of a
 * document is reported at once.
 */
final class EventValidator {

    private static final Pattern TIME_ZONE_OFFSET = Pattern.compile("^[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00)$");
    /** RFC 3339 date-time: seconds required, fraction optional, Z or a numeric offset. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$");

    /**
     * Members of every event type. The EPCIS 2.0 standard gives persistentDisposition to every event type, but the
     * JSON schema's member list names it for ObjectEvent and TransformationEvent only. It is accepted everywhere.
     */
    private static final Set<String> COMMON_MEMBERS = Set.of(
            "@context", "type", "eventTime", "recordTime", "eventTimeZoneOffset", "eventID", "certificationInfo",
            "errorDeclaration", "persistentDisposition");

    private static final Map<String, Set<String>> TYPE_MEMBERS = Map.of(
            "ObjectEvent", Set.of("action", "epcList", "quantityList", "bizStep", "disposition",
                    "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList",
                    "destinationList", "sensorElementList", "ilmd"),
            "AggregationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList"),
            "AssociationEvent", Set.of("parentID", "childEPCs", "childQuantityList", "action", "bizStep",
                    "disposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList"),
            "TransactionEvent", Set.of("bizTransactionList", "parentID", "epcList", "quantityList", "action",
                    "bizStep", "disposition", "readPoint", "bizLocation", "sourceList", "destinationList",
                    "sensorElementList"),
            "TransformationEvent", Set.of("inputEPCList", "inputQuantityList", "outputEPCList",
                    "outputQuantityList", "transformationID", "bizStep", "disposition", "persistentDisposition",
                    "readPoint", "bizLocation", "bizTransactionList", "sourceList", "destinationList",
                    "sensorElementList", "ilmd"));

    private final Integer index;
    private final String prefix;
    private final List<ValidationError> errors;
    private final MemberRules members = new MemberRules(this);

    private EventValidator(Integer index, String prefix, List<ValidationError> errors) {
        this.index = index;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * Checks one event and appends its errors.
     *
     * @param index  position in the event list, or {@code null} for an event captured on its own
     * @param prefix JSON path of the event, e.g. {@code epcisBody.eventList[2]}, empty for a bare event
     */
    static void validate(JsonNode event, Integer index, String prefix, List<ValidationError> errors) {
        new EventValidator(index, prefix, errors).validate(event);
    }

    private void validate(JsonNode event) {
        if (!event.isObject()) {
            error("", "must be a JSON object (an EPCIS event)");
            return;
        }
        String type = event.path("type").isString() ? event.path("type").stringValue() : null;
        if (type == null) {
            error("type", "is missing; expected ObjectEvent, AggregationEvent, AssociationEvent, "
                    + "TransformationEvent, TransactionEvent or the URI of an extension event type");
            return;
        }
        boolean standardType = EpcisVocabulary.EVENT_TYPES.contains(type);
        if (!standardType && !EpcisVocabulary.isUri(type)) {
            error("type", "'" + type + "' is not an EPCIS event type; expected ObjectEvent, AggregationEvent, "
                    + "AssociationEvent, TransformationEvent, TransactionEvent or a URI");
            return;
        }

        checkCommonMembers(event);
        if (standardType) {
            checkMemberNames(event, TYPE_MEMBERS.get(type));
            checkTypeRules(event, type);
        }
        checkSharedMembers(event);
    }

    private void checkCommonMembers(JsonNode event) {
        requireTime(event, "eventTime");
        optionalTime(event, "recordTime");
        JsonNode offset = event.get("eventTimeZoneOffset");
        if (offset == null) {
            error("eventTimeZoneOffset", "is missing; give the offset of the event's local time, e.g. +07:00");
        } else if (!offset.isString() || !TIME_ZONE_OFFSET.matcher(offset.stringValue()).matches()) {
            error("eventTimeZoneOffset", "'" + text(offset) + "' is not a time zone offset; expected +hh:mm or "
                    + "-hh:mm between -14:00 and +14:00, e.g. +07:00");
        }
        optionalUri(event, "eventID");

        JsonNode certification = event.get("certificationInfo");
        if (certification != null) {
            if (certification.isArray()) {
                uriList(certification, "certificationInfo", false);
            } else {
                uri(certification, "certificationInfo");
            }
        }
        JsonNode declaration = event.get("errorDeclaration");
        if (declaration != null) {
            checkErrorDeclaration(declaration);
        }
    }

    private void checkErrorDeclaration(JsonNode declaration) {
        if (!declaration.isObject()) {
            error("errorDeclaration", "must be an object with declarationTime");
            return;
        }
        requireTime(declaration, "errorDeclaration.declarationTime", "declarationTime");
        JsonNode reason = declaration.get("reason");
        if (reason != null) {
            vocabulary(reason, "errorDeclaration.reason", EpcisVocabulary.ERROR_REASONS);
        }
        JsonNode corrective = declaration.get("correctiveEventIDs");
        if (corrective != null) {
            uriList(corrective, "errorDeclaration.correctiveEventIDs", false);
        }
        checkExtensionNames(declaration, "errorDeclaration", Set.of("declarationTime", "reason", "correctiveEventIDs"));
    }

    private void checkMemberNames(JsonNode event, Set<String> typeMembers) {
        for (String name : event.propertyNames()) {
            if (!COMMON_MEMBERS.contains(name) && !typeMembers.contains(name) && !EpcisVocabulary.isUri(name)) {
                error(name, "is not a member of " + event.path("type").stringValue()
                        + "; an extension member needs a namespace prefix, e.g. example:" + name);
            }
        }
    }

    private void checkTypeRules(JsonNode event, String type) {
        String action = null;
        if (!type.equals("TransformationEvent")) {
            JsonNode actionNode = event.get("action");
            if (actionNode == null) {
                error("action", "is missing; expected ADD, OBSERVE or DELETE");
            } else if (!actionNode.isString() || !EpcisVocabulary.ACTIONS.contains(actionNode.stringValue())) {
                error("action", "'" + text(actionNode) + "' is not an action; expected ADD, OBSERVE or DELETE");
            } else {
                action = actionNode.stringValue();
            }
        }
        boolean delete = "DELETE".equals(action);

        switch (type) {
            case "ObjectEvent" -> {
                boolean sensorsAtReadPoint = nonEmptyArray(event, "sensorElementList") && event.has("readPoint");
                if (!event.has("epcList") && !nonEmptyArray(event, "quantityList") && !sensorsAtReadPoint) {
                    error("epcList", "is missing; an ObjectEvent needs an epcList, a non-empty quantityList, "
                            + "or a sensorElementList with a readPoint");
                }
                if (event.has("ilmd") && action != null && !action.equals("ADD")) {
                    error("ilmd", "is allowed only when action is ADD, not " + action);
                }
            }
            case "AggregationEvent", "AssociationEvent" -> {
                if (type.equals("AssociationEvent") && !event.has("parentID")) {
                    error("parentID", "is missing; an AssociationEvent needs the parentID it associates children with");
                }
                if (!delete && !nonEmptyArray(event, "childEPCs") && !nonEmptyArray(event, "childQuantityList")) {
                    error("childEPCs", "is missing; an " + type + " with action " + action
                            + " needs a non-empty childEPCs or childQuantityList");
                }
            }
            case "TransactionEvent" -> {
                if (!event.has("bizTransactionList")) {
                    error("bizTransactionList", "is missing; a TransactionEvent needs at least one business transaction");
                }
                if (!delete && !event.has("epcList") && !nonEmptyArray(event, "quantityList")) {
                    error("epcList", "is missing; a TransactionEvent needs an epcList or a non-empty quantityList");
                }
            }
            case "TransformationEvent" -> {
                boolean input = nonEmptyArray(event, "inputEPCList") || nonEmptyArray(event, "inputQuantityList");
                boolean output = nonEmptyArray(event, "outputEPCList") || nonEmptyArray(event, "outputQuantityList");
                if (!input && !output) {
                    error("inputEPCList", "is missing; a TransformationEvent needs at least one non-empty input or "
                            + "output list (inputEPCList, inputQuantityList, outputEPCList, outputQuantityList)");
                }
            }
            default -> throw new IllegalArgumentException("Unknown event type " + type);
        }
    }

    /** Members that several event types share, each checked wherever it appears. */
    private void checkSharedMembers(JsonNode event) {
        for (String list : List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList")) {
            if (event.has(list)) {
                uriList(event.get(list), list, true);
            }
        }
        for (String list : List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList")) {
            if (event.has(list)) {
                members.quantityList(event.get(list), list);
            }
        }
        optionalUri(event, "parentID");
        optionalUri(event, "transformationID");

        if (event.has("bizStep")) {
            vocabulary(event.get("bizStep"), "bizStep", EpcisVocabulary.BIZ_STEPS);
        }
        if (event.has("disposition")) {
            vocabulary(event.get("disposition"), "disposition", EpcisVocabulary.DISPOSITIONS);
        }
        if (event.has("persistentDisposition")) {
            members.persistentDisposition(event.get("persistentDisposition"));
        }

        for (String location : List.of("readPoint", "bizLocation")) {
            if (event.has(location)) {
                JsonNode node = event.get(location);
                if (!node.isObject() || !node.has("id")) {
                    error(location, "must be an object with an id, e.g. {\"id\": \"urn:epc:id:sgln:0614141.07346.1234\"}");
                } else {
                    uri(node.get("id"), location + ".id");
                    geoUri(node.get("id"), location + ".id");
                }
            }
        }

        if (event.has("bizTransactionList")) {
            members.typedList(event.get("bizTransactionList"), "bizTransactionList", "bizTransaction",
                    EpcisVocabulary.BIZ_TRANSACTION_TYPES, false);
        }
        if (event.has("sourceList")) {
            members.typedList(event.get("sourceList"), "sourceList", "source", EpcisVocabulary.SOURCE_DESTINATION_TYPES, true);
        }
        if (event.has("destinationList")) {
            members.typedList(event.get("destinationList"), "destinationList", "destination",
                    EpcisVocabulary.SOURCE_DESTINATION_TYPES, true);
        }

        if (event.has("sensorElementList")) {
            SensorRules.check(event.get("sensorElementList"), this::error);
        }
        if (event.has("ilmd")) {
            JsonNode ilmd = event.get("ilmd");
            if (!ilmd.isObject()) {
                error("ilmd", "must be an object of namespaced members");
            } else {
                checkExtensionNames(ilmd, "ilmd", Set.of());
            }
        }
    }

    void vocabulary(JsonNode value, String field, Set<String> terms) {
        if (!value.isString() || !EpcisVocabulary.isTermOrOtherUri(terms, value.stringValue())) {
            error(field, "'" + text(value) + "' is neither a standard CBV value nor a URI; use a standard value such "
                    + "as " + terms.stream().sorted().limit(3).toList() + " or your own URI, e.g. "
                    + "https://example.org/" + field.replaceAll("\\W", "") + "/value");
        }
    }

    void checkExtensionNames(JsonNode object, String field, Set<String> allowed) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name) && !EpcisVocabulary.isUri(name)) {
                error(field + "." + name, "has no namespace; name an extension member with a prefix defined in "
                        + "@context, e.g. example:" + name);
            }
        }
    }

    private void uriList(JsonNode list, String field, boolean unique) {
        if (!list.isArray()) {
            error(field, "must be an array of URIs");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            uri(item, field + "[" + i + "]");
            if (unique && item.isString() && !seen.add(item.stringValue())) {
                error(field + "[" + i + "]", "'" + item.stringValue() + "' appears twice; list each identifier once");
            }
        }
    }

    private void optionalUri(JsonNode object, String member) {
        if (object.has(member)) {
            uri(object.get(member), member);
        }
    }

    /** Checks a geo: URI (RFC 5870, latitude first), the usual mistake being longitude and latitude swapped. */
    private void geoUri(JsonNode value, String field) {
        if (value.isString() && value.stringValue().regionMatches(true, 0, "geo:", 0, 4)
                && GeoUri.parse(value.stringValue()).isEmpty()) {
            error(field, "'" + text(value) + "' is not a valid geo: URI; write the latitude first, then the "
                    + "longitude, in WGS 84 degrees, e.g. geo:10.4603,105.6329");
        }
    }

    void uri(JsonNode value, String field) {
        if (!value.isString() || !EpcisVocabulary.isUri(value.stringValue())) {
            error(field, "'" + text(value) + "' is not a URI; expected e.g. urn:epc:id:sgtin:0614141.107346.2018 "
                    + "or https://id.gs1.org/01/09521141012345/21/2017");
        }
    }

    private void requireTime(JsonNode object, String member) {
        requireTime(object, member, member);
    }

    private void requireTime(JsonNode object, String field, String member) {
        if (!object.has(member)) {
            error(field, "is missing; give a date-time with its offset, e.g. 2026-07-22T06:45:00+07:00");
        } else {
            time(object.get(member), field);
        }
    }

    private void optionalTime(JsonNode object, String member) {
        if (object.has(member)) {
            time(object.get(member), member);
        }
    }

    void time(JsonNode value, String field) {
        if (!isDateTime(value)) {
            error(field, "'" + text(value) + "' is not an RFC 3339 date-time; expected e.g. 2026-07-22T06:45:00+07:00");
        }
    }

    static boolean isDateTime(JsonNode value) {
        if (!value.isString() || !DATE_TIME.matcher(value.stringValue()).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.stringValue().toUpperCase(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean nonEmptyArray(JsonNode event, String member) {
        JsonNode node = event.get(member);
        return node != null && node.isArray() && !node.isEmpty();
    }

    static String text(JsonNode value) {
        String text = value.isString() ? value.stringValue() : value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    void error(String field, String reason) {
        String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field;
        errors.add(new ValidationError(index, path.isEmpty() ? "(event)" : path, reason));
    }
}
