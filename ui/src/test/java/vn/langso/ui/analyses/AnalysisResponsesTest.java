package vn.langso.ui.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The backend's analysis responses are read into the attributes, values and commune figures that the page draws. */
class AnalysisResponsesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void categoryAttributesAreTextOrYesNo() {
        JsonNode queryables = json("""
                {"properties": {
                  "name": {"type": "string"},
                  "school_level": {"type": "string"},
                  "public": {"type": "boolean"},
                  "opened": {"type": "string", "format": "date"},
                  "pupils": {"type": "integer"},
                  "geometry": {"format": "geometry-point"}
                }}""");

        assertThat(AnalysisResponses.categoryAttributes(queryables)).containsExactly("school_level", "public");
    }

    @Test
    void categoryAttributesOfEmptyQueryables() {
        assertThat(AnalysisResponses.categoryAttributes(json("{}"))).isEmpty();
    }

    @Test
    void communeFiguresOfEachMeasure() {
        JsonNode collection = json("""
                {"features": [
                  {"properties": {"code": "1", "name": "A", "featureCount": 4, "densityPerKm2": 0.5,
                                  "shares": {"primary": {"count": 1, "share": 0.25}}}},
                  {"properties": {"code": "2", "name": "B", "featureCount": 0, "densityPerKm2": 0, "shares": {}}}
                ]}""");

        assertThat(AnalysisResponses.communeFigures(collection, Measure.COUNT, null))
                .extracting(CommuneFigures::value).containsExactly(4.0, 0.0);
        assertThat(AnalysisResponses.communeFigures(collection, Measure.DENSITY, null))
                .extracting(CommuneFigures::value).containsExactly(0.5, 0.0);
        List<CommuneFigures> shares = AnalysisResponses.communeFigures(collection, Measure.SHARE, "primary");
        assertThat(shares.getFirst()).isEqualTo(new CommuneFigures("1", "A", 25.0, 4, -1));
        assertThat(shares.get(1).value()).as("share in a commune without places").isNaN();
    }

    @Test
    void shareValuesDistinctAndSorted() {
        JsonNode collection = json("""
                {"features": [
                  {"properties": {"shares": {"secondary": {}, "null": {}}}},
                  {"properties": {"shares": {"primary": {}, "secondary": {}}}},
                  {"properties": {}}
                ]}""");

        assertThat(AnalysisResponses.shareValues(collection)).containsExactly("null", "primary", "secondary");
    }

    @Test
    void coverageFiguresWithoutShare() {
        JsonNode coverage = json("""
                {"communes": [
                  {"code": "1", "name": "A", "featureCount": 4, "beyondCount": 1, "beyondShare": 0.25},
                  {"code": "2", "name": "B", "featureCount": 0, "beyondCount": 0, "beyondShare": null}
                ]}""");

        List<CommuneFigures> rows = AnalysisResponses.coverageFigures(coverage);

        assertThat(rows.getFirst()).isEqualTo(new CommuneFigures("1", "A", 25.0, 4, 1));
        assertThat(rows.get(1).value()).as("share in a commune without places").isNaN();
        assertThat(rows.get(1).beyondCount()).isZero();
    }
}
