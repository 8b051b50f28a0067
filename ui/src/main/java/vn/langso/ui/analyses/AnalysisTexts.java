package vn.langso.ui.analyses;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import vn.langso.ui.backend.LayerSummary;
import vn.langso.ui.i18n.UiLanguage;

/**
 * The texts of the analyses page that depend on the measure, an analysis response or the query string, in the page's
 * language.
 */
final class AnalysisTexts {

    /** Maximum length of a query parameter value quoted back in a message, in characters. */
    static final int MAX_QUOTED_LENGTH = 60;

    private final BiFunction<String, Object[], String> translate;
    private final UiLanguage language;

    /** @param translate looks up a translation key with its parameters in the page's language */
    AnalysisTexts(BiFunction<String, Object[], String> translate, UiLanguage language) {
        this.translate = translate;
        this.language = language;
    }

    /** Returns the heading of the choropleth controls, which names the measure. */
    String heading(Measure measure) {
        return t("analyses.choropleth.heading." + measure.code());
    }

    /**
     * Returns the label of a commune's value, for the legend title and the table's value column: the count, the
     * density per km², or the share of places whose attribute has the value.
     *
     * @param attributeValue the shown label of the attribute value, such as "(no value)"; used only for a share
     */
    String valueLabel(Measure measure, String attribute, String attributeValue) {
        return switch (measure) {
            case COUNT, DENSITY -> t("analyses.metric." + measure.code());
            case SHARE -> t("analyses.legend.share", attribute, attributeValue);
        };
    }

    /** Returns the label of a commune's value in a coverage analysis: the share of places beyond the distance. */
    String beyondShareLabel(int distanceMetres) {
        return t("analyses.legend.beyondShare", distanceMetres);
    }

    /**
     * Returns the summary of a coverage analysis: how many places are beyond the distance, then whether the map
     * draws only part of them and whether the target layer has no places.
     *
     * @param coverage the response of {@code /api/v1/analyses/coverage}
     */
    String coverageSummary(JsonNode coverage, String layerTitle, int distanceMetres, String targetTitle) {
        JsonNode beyond = coverage.path("beyond");
        JsonNode totalShare = coverage.path("beyondShare");
        List<String> notes = new ArrayList<>();
        notes.add(t("analyses.coverage.summary", coverage.path("beyondCount").asLong(), coverage.path("featureCount").asLong(),
                totalShare.isNumber() ? NumberFormat.getPercentInstance(language.locale()).format(totalShare.asDouble())
                        : "–",
                layerTitle, distanceMetres, targetTitle));
        if (beyond.path("numberReturned").asLong() < beyond.path("numberMatched").asLong()) {
            notes.add(t("analyses.coverage.partial", beyond.path("numberReturned").asLong(),
                    beyond.path("numberMatched").asLong()));
        }
        if (coverage.path("targetFeatureCount").asLong(-1) == 0) {
            notes.add(t("analyses.coverage.emptyTarget", targetTitle));
        }
        return String.join(" ", notes);
    }

    /**
     * Returns the message that a query parameter of the page address names no layer, with the layers it may name.
     *
     * @param parameter the query parameter, such as {@code layer} or {@code target}
     * @param layers    the layers from the backend, whose names the parameter may take
     */
    String unknownLayer(String parameter, String value, List<LayerSummary> layers) {
        String choices = layers.stream()
                .map(layer -> layer.name() + " (" + layer.title().in(language) + ")")
                .collect(Collectors.joining(", "));
        return t("analyses.error.unknownLayer", parameter, quoted(value), choices);
    }

    /** Returns the message that the {@code distance} parameter of the page address is not a distance in range. */
    String invalidDistance(String value) {
        // Numbers as text: MessageFormat would group the digits, and distance=2.000 is no valid link.
        return t("analyses.error.invalidDistance", quoted(value), String.valueOf(CoverageForm.MIN_DISTANCE),
                String.valueOf(CoverageForm.MAX_DISTANCE), String.valueOf(AnalysisLink.DEFAULT_DISTANCE));
    }

    /**
     * Returns the message that the {@code measure} parameter of the page address names no measure, with the codes
     * and labels of the measures.
     */
    String unknownMeasure(String value) {
        String choices = Arrays.stream(Measure.values())
                .map(measure -> measure.code() + " — " + t("analyses.metric." + measure.code()))
                .collect(Collectors.joining("; "));
        return t("analyses.error.unknownMeasure", quoted(value), choices);
    }

    /**
     * Returns the message that the {@code attribute} parameter of the page address names no category attribute of
     * the layer, with the attributes it may name.
     */
    String unknownAttribute(String value, String layerTitle, List<String> attributes) {
        if (attributes.isEmpty()) {
            return t("analyses.error.noAttributes", quoted(value), layerTitle);
        }
        return t("analyses.error.unknownAttribute", quoted(value), layerTitle, String.join(", ", attributes));
    }

    /**
     * Returns the message that the places of the layer do not have the {@code value} parameter of the page address
     * as their value of the attribute, with the values they have.
     *
     * @param values the values of the attribute, where "null" is the value of places without one
     */
    String unknownValue(String value, String attribute, String layerTitle, List<String> values) {
        String choices = values.stream()
                .map(choice -> "null".equals(choice) ? choice + " " + t("analyses.value.none") : choice)
                .collect(Collectors.joining(", "));
        return t("analyses.error.unknownValue", quoted(value), attribute, layerTitle, choices);
    }

    /** Returns the label of an attribute value, where the backend names places without a value "null". */
    String attributeValueLabel(String value) {
        return "null".equals(value) ? t("analyses.value.none") : value;
    }

    /** Returns the title of a layer in the page's language. */
    String layerTitle(LayerSummary layer) {
        return layer.title().in(language);
    }

    /** Shortens a value typed into the address and replaces its control characters, so the message stays readable. */
    private static String quoted(String value) {
        String clean = value.strip().replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MAX_QUOTED_LENGTH ? clean.substring(0, MAX_QUOTED_LENGTH) + "…" : clean;
    }

    private String t(String key, Object... params) {
        return translate.apply(key, params);
    }
}
