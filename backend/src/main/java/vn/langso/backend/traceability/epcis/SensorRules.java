package vn.langso.backend.traceability.epcis;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/** The structure of an event's sensorElementList: each element has a non-empty sensorReport, times are RFC 3339. */
final class SensorRules {

    private static final Set<String> ELEMENT_MEMBERS = Set.of("sensorMetadata", "sensorReport");
    private static final List<String> TIME_MEMBERS = List.of("time", "startTime", "endTime");

    private SensorRules() {
    }

    /** Checks the list and passes each problem (field path, reason) to the sink. */
    static void check(JsonNode list, BiConsumer<String, String> errors) {
        if (!list.isArray()) {
            errors.accept("sensorElementList", "must be an array of sensor elements");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            String path = "sensorElementList[" + i + "]";
            if (!element.isObject()) {
                errors.accept(path, "must be an object with sensorReport");
                continue;
            }
            for (String name : element.propertyNames()) {
                if (!ELEMENT_MEMBERS.contains(name) && !EpcisVocabulary.isUri(name)) {
                    errors.accept(path + "." + name, "is not a member of a sensor element; an extension member "
                            + "needs a namespace prefix");
                }
            }
            JsonNode metadata = element.get("sensorMetadata");
            if (metadata != null) {
                if (metadata.isObject()) {
                    checkTimes(metadata, path + ".sensorMetadata", errors);
                } else {
                    errors.accept(path + ".sensorMetadata", "must be an object");
                }
            }
            JsonNode reports = element.get("sensorReport");
            if (reports == null || !reports.isArray() || reports.isEmpty()) {
                errors.accept(path + ".sensorReport", "is missing or empty; give at least one sensor report");
                continue;
            }
            for (int j = 0; j < reports.size(); j++) {
                JsonNode report = reports.get(j);
                String reportPath = path + ".sensorReport[" + j + "]";
                if (!report.isObject()) {
                    errors.accept(reportPath, "must be an object");
                } else {
                    checkTimes(report, reportPath, errors);
                }
            }
        }
    }

    private static void checkTimes(JsonNode object, String path, BiConsumer<String, String> errors) {
        for (String member : TIME_MEMBERS) {
            JsonNode value = object.get(member);
            if (value != null && !EventValidator.isDateTime(value)) {
                errors.accept(path + "." + member, "'" + EventValidator.text(value)
                        + "' is not an RFC 3339 date-time; expected e.g. 2026-07-22T06:45:00+07:00");
            }
        }
    }
}
