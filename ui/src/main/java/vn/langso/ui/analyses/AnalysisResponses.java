package vn.langso.ui.analyses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the backend's responses that the analyses page draws: the queryables of a layer and the per-commune figures. */
final class AnalysisResponses {

    /** Properties that name or locate a place instead of classifying it. */
    private static final List<String> NOT_CATEGORIES = List.of("name", "address", "commune_code", "phone", "description",
            "school_code");

    private AnalysisResponses() {
    }

    /**
     * Returns the attributes of a layer that a share can count by: text without a format, or yes/no.
     *
     * @param queryables the layer's OGC API queryables, a JSON Schema with one property per attribute
     */
    static List<String> categoryAttributes(JsonNode queryables) {
        List<String> attributes = new ArrayList<>();
        queryables.path("properties").properties().forEach(property -> {
            String type = property.getValue().path("type").asString("");
            boolean category = ("string".equals(type) && !property.getValue().has("format")) || "boolean".equals(type);
            if (category && !NOT_CATEGORIES.contains(property.getKey())) {
                attributes.add(property.getKey());
            }
        });
        return attributes;
    }

    /**
     * Returns each commune's value of the measure, from {@code /api/v1/analyses/communes}.
     *
     * @param shareValue the attribute value whose share is the value; used only for a share
     */
    static List<CommuneFigures> communeFigures(JsonNode collection, Measure measure, String shareValue) {
        List<CommuneFigures> rows = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            JsonNode properties = feature.path("properties");
            double value = switch (measure) {
                case COUNT -> properties.path("featureCount").asDouble();
                case DENSITY -> properties.path("densityPerKm2").asDouble();
                // A share of nothing is not 0 %: a commune without places has no value.
                case SHARE -> properties.path("featureCount").asLong() == 0 ? Double.NaN
                        : 100 * properties.path("shares").path(String.valueOf(shareValue)).path("share").asDouble(0);
            };
            rows.add(new CommuneFigures(properties.path("code").asString(), properties.path("name").asString(), value,
                    properties.path("featureCount").asLong(), -1));
        }
        return rows;
    }

    /** Returns the attribute values that the communes of a share analysis count, in alphabetical order. */
    static List<String> shareValues(JsonNode collection) {
        List<String> values = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            feature.path("properties").path("shares").propertyNames().forEach(value -> {
                if (!values.contains(value)) {
                    values.add(value);
                }
            });
        }
        values.sort(Comparator.naturalOrder());
        return values;
    }

    /** Returns each commune's share of places beyond the distance, from {@code /api/v1/analyses/coverage}. */
    static List<CommuneFigures> coverageFigures(JsonNode coverage) {
        List<CommuneFigures> rows = new ArrayList<>();
        for (JsonNode commune : coverage.path("communes")) {
            // The backend sends no share (null) for a commune without places.
            JsonNode share = commune.path("beyondShare");
            rows.add(new CommuneFigures(commune.path("code").asString(), commune.path("name").asString(),
                    share.isNumber() ? 100 * share.asDouble() : Double.NaN, commune.path("featureCount").asLong(),
                    commune.path("beyondCount").asLong()));
        }
        return rows;
    }
}
