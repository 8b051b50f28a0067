package vn.langso.ui.analyses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.langso.gis.text.VietnameseText;
import vn.langso.ui.backend.LayerSummary;

/**
 * The analysis that a link to the analyses page requests in its query string, read and checked before anything is
 * fetched: {@code ?layer=schools&measure=share&attribute=school_level&value=primary} for a choropleth and
 * {@code ?coverage=schools&target=clinics&distance=2000} for a coverage analysis. An unknown layer, measure, attribute
 * or value, or a distance that is not a whole number of metres in range, becomes a {@link Problem} that quotes the
 * value and gives the valid ones. A mistyped link is not sent to
 * the backend, whose error would advise trying again later. Values are cleaned as stored text is
 * ({@link VietnameseText#clean}: NFC and plain spaces) and stripped, so that a link typed in decomposed Unicode or
 * copied with a no-break space still matches.
 */
final class AnalysisLink {

    /** Distance of a coverage analysis when the link gives none, in metres; also the initial value of the field. */
    static final int DEFAULT_DISTANCE = 2000;

    /**
     * A message in the page's language that explains why the link's value of a query parameter cannot be used.
     *
     * @param parameter the query parameter, such as {@code layer} or {@code measure}
     */
    record Problem(String parameter, String message) {
    }

    /**
     * A choropleth that a link requests.
     *
     * @param layer     the layer to map; empty when the link names an unknown layer
     * @param measure   the measure to map; density when the link gives none, and empty when it names an unknown one
     * @param attribute the attribute of a share, to check with {@link #unknownAttribute} once the layer's attributes
     *                  are loaded
     * @param value     the attribute value of a share, to check with {@link #unknownValue} once the share is fetched
     * @param problems  the explanations of an unknown layer and measure; the choropleth is drawn only when there is
     *                  none
     */
    record Choropleth(Optional<String> layer, Optional<Measure> measure, Optional<String> attribute,
                      Optional<String> value, List<Problem> problems) {
    }

    /**
     * A coverage analysis that a link requests.
     *
     * @param layer    the layer to check; empty when the link names an unknown layer
     * @param target   the layer to measure from; empty when the link gives none or names an unknown layer
     * @param distance the distance in metres: {@link #DEFAULT_DISTANCE} when the link gives none, and null when the
     *                 link's distance is not a whole number of metres in the allowed range
     * @param problems the explanations of unknown layers and of a bad distance; the analysis runs only when there
     *                 is none
     */
    record Coverage(Optional<String> layer, Optional<String> target, Integer distance, List<Problem> problems) {
    }

    private final Map<String, List<String>> query;
    private final List<LayerSummary> layers;
    private final AnalysisTexts texts;

    /**
     * @param query  the query parameters of the page address, each with its values in order
     * @param layers the layers from the backend, whose names the layer parameters may take. An empty list accepts
     *               every name, because the page already shows why loading the layers failed.
     */
    AnalysisLink(Map<String, List<String>> query, List<LayerSummary> layers, AnalysisTexts texts) {
        this.query = query;
        this.layers = layers;
        this.texts = texts;
    }

    /** Returns the choropleth that the link requests, or empty when it has no {@code layer} parameter. */
    Optional<Choropleth> choropleth() {
        Optional<String> layer = first("layer");
        if (layer.isEmpty()) {
            return Optional.empty();
        }

        List<Problem> problems = new ArrayList<>();
        Optional<String> knownLayer = knownLayer("layer", layer.get(), problems);
        Optional<String> measureCode = first("measure");
        Optional<Measure> measure = measureCode.isPresent() ? knownMeasure(measureCode.get(), problems)
                : Optional.of(Measure.DENSITY);
        return Optional.of(new Choropleth(knownLayer, measure, first("attribute"), first("value"), List.copyOf(problems)));
    }

    /** Returns the coverage analysis that the link requests, or empty when it has no {@code coverage} parameter. */
    Optional<Coverage> coverage() {
        Optional<String> layer = first("coverage");
        if (layer.isEmpty()) {
            return Optional.empty();
        }

        List<Problem> problems = new ArrayList<>();
        Optional<String> knownLayer = knownLayer("coverage", layer.get(), problems);
        Optional<String> knownTarget = first("target").flatMap(target -> knownLayer("target", target, problems));
        // A malformed distance must stay null, but Optional.map would replace it with the default and a
        // conditional expression would unbox it.
        Integer distance = DEFAULT_DISTANCE;
        Optional<String> rawDistance = first("distance");
        if (rawDistance.isPresent()) {
            distance = parseDistance(rawDistance.get());
            if (distance == null || distance < CoverageForm.MIN_DISTANCE || distance > CoverageForm.MAX_DISTANCE) {
                problems.add(new Problem("distance", texts.invalidDistance(rawDistance.get())));
                distance = null;
            }
        }
        return Optional.of(new Coverage(knownLayer, knownTarget, distance, List.copyOf(problems)));
    }

    /**
     * Returns the problem of an attribute that is not among the layer's category attributes, or empty when it is one.
     *
     * @param attributes the category attributes of the layer, as loaded from its queryables
     */
    Optional<Problem> unknownAttribute(String layer, String attribute, List<String> attributes) {
        if (attributes.contains(attribute)) {
            return Optional.empty();
        }
        return Optional.of(new Problem("attribute", texts.unknownAttribute(attribute, layerTitle(layer), attributes)));
    }

    /**
     * Returns the problem of a value that the places of the layer do not have for the attribute, or empty when they
     * do. An attribute without values, in a layer without places, accepts every value, because the map then has no
     * share to colour.
     *
     * @param values the values that the share analysis counts, where "null" is the value of places without one
     */
    Optional<Problem> unknownValue(String layer, String attribute, String value, List<String> values) {
        if (values.isEmpty() || values.contains(value)) {
            return Optional.empty();
        }
        return Optional.of(new Problem("value", texts.unknownValue(value, attribute, layerTitle(layer), values)));
    }

    private Optional<Measure> knownMeasure(String code, List<Problem> problems) {
        Optional<Measure> measure = Measure.fromCode(code);
        if (measure.isEmpty()) {
            problems.add(new Problem("measure", texts.unknownMeasure(code)));
        }
        return measure;
    }

    /** Returns the name if it is a loaded layer's, and otherwise adds the problem that shows the layers to choose. */
    private Optional<String> knownLayer(String parameter, String name, List<Problem> problems) {
        if (layers.isEmpty() || layers.stream().anyMatch(layer -> layer.name().equals(name))) {
            return Optional.of(name);
        }
        problems.add(new Problem(parameter, texts.unknownLayer(parameter, name, layers)));
        return Optional.empty();
    }

    private String layerTitle(String name) {
        return layers.stream().filter(layer -> layer.name().equals(name)).findFirst()
                .map(texts::layerTitle).orElse(name);
    }

    /** Returns the first non-blank value of a query parameter, cleaned and without surrounding white space. */
    private Optional<String> first(String name) {
        return query.getOrDefault(name, List.of()).stream()
                .map(value -> VietnameseText.clean(value).strip())
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static Integer parseDistance(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
