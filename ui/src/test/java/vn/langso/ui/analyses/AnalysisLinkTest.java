package vn.langso.ui.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.langso.ui.backend.LayerSummary;
import vn.langso.ui.backend.LocalizedText;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;

/** Links to the analyses page are read into the analysis they request, or into messages that explain their mistakes. */
class AnalysisLinkTest {

    private static final TranslationProvider TRANSLATIONS = new TranslationProvider();

    private static final List<LayerSummary> LAYERS = List.of(
            new LayerSummary("schools", new LocalizedText("Trường học", "Schools"), null, "Point", 5),
            new LayerSummary("clinics", new LocalizedText("Cơ sở y tế", "Health facilities"), null, "Point", 7));

    /** Reads a query string as the router decodes it, percent escapes included. */
    private static AnalysisLink link(String query, UiLanguage language, List<LayerSummary> layers) {
        AnalysisTexts texts = new AnalysisTexts(
                (key, params) -> TRANSLATIONS.getTranslation(key, language.locale(), params), language);
        return new AnalysisLink(QueryParameters.fromString(query).getParameters(), layers, texts);
    }

    private static AnalysisLink link(String query) {
        return link(query, UiLanguage.VI, LAYERS);
    }

    private static AnalysisLink.Choropleth choropleth(String query) {
        return link(query).choropleth().orElseThrow();
    }

    private static AnalysisLink.Coverage coverage(String query) {
        return link(query).coverage().orElseThrow();
    }

    @Test
    void noParametersRequestNothing() {
        AnalysisLink link = link("");

        assertThat(link.choropleth()).isEmpty();
        assertThat(link.coverage()).isEmpty();
    }

    @Test
    void otherParametersRequestNothing() {
        AnalysisLink link = link("lang=en&measure=count&target=clinics&distance=500");

        assertThat(link.choropleth()).isEmpty();
        assertThat(link.coverage()).isEmpty();
    }

    @Test
    void blankLayerRequestsNothing() {
        assertThat(link("layer=&coverage=%20%20").choropleth()).isEmpty();
        assertThat(link("layer=&coverage=%20%20").coverage()).isEmpty();
    }

    @Test
    void choroplethOfKnownLayer() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools&measure=count");

        assertThat(choropleth.layer()).contains("schools");
        assertThat(choropleth.measure()).isEqualTo(Measure.COUNT);
        assertThat(choropleth.attribute()).isEmpty();
        assertThat(choropleth.value()).isEmpty();
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void missingMeasureMeansDensity() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools");

        assertThat(choropleth.measure()).isEqualTo(Measure.DENSITY);
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void shareWithAttributeAndValue() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools&measure=share&attribute=school_level&value=primary");

        assertThat(choropleth.measure()).isEqualTo(Measure.SHARE);
        assertThat(choropleth.attribute()).contains("school_level");
        assertThat(choropleth.value()).contains("primary");
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void surroundingSpacesStripped() {
        AnalysisLink.Choropleth choropleth = choropleth(
                "layer=%20schools%09&measure=%20share%20&attribute=%20school_level%20&value=%20primary%20");

        assertThat(choropleth.layer()).contains("schools");
        assertThat(choropleth.measure()).isEqualTo(Measure.SHARE);
        assertThat(choropleth.attribute()).contains("school_level");
        assertThat(choropleth.value()).contains("primary");
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void firstNonBlankValueCounts() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=&layer=clinics&layer=schools");

        assertThat(choropleth.layer()).contains("clinics");
    }

    @Test
    void unknownLayerExplained() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=nope&measure=share");

        assertThat(choropleth.layer()).isEmpty();
        assertThat(choropleth.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.parameter()).isEqualTo("layer");
            assertThat(problem.message()).contains("layer=nope").contains("không có lớp dữ liệu nào tên “nope”")
                    .contains("schools (Trường học), clinics (Cơ sở y tế)");
        });
    }

    @Test
    void unloadedLayersAcceptEveryName() {
        AnalysisLink.Choropleth choropleth = link("layer=nope", UiLanguage.VI, List.of()).choropleth().orElseThrow();

        assertThat(choropleth.layer()).contains("nope");
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void coverageOfKnownLayers() {
        AnalysisLink.Coverage coverage = coverage("coverage=schools&target=clinics&distance=500");

        assertThat(coverage.layer()).contains("schools");
        assertThat(coverage.target()).contains("clinics");
        assertThat(coverage.distance()).isEqualTo(500);
        assertThat(coverage.problems()).isEmpty();
    }

    @Test
    void missingDistanceIsDefault() {
        assertThat(coverage("coverage=schools&target=clinics").distance()).isEqualTo(AnalysisLink.DEFAULT_DISTANCE);
        assertThat(coverage("coverage=schools&target=clinics&distance=%20").distance())
                .isEqualTo(AnalysisLink.DEFAULT_DISTANCE);
    }

    @Test
    void malformedDistanceEmptiesField() {
        assertThat(coverage("coverage=schools&target=clinics&distance=abc").distance()).isNull();
        assertThat(coverage("coverage=schools&target=clinics&distance=2.5").distance()).isNull();
        assertThat(coverage("coverage=schools&target=clinics&distance=99999999999").distance()).isNull();
        assertThat(coverage("coverage=schools&target=clinics&distance=abc").problems()).isEmpty();
    }

    @Test
    void distanceOutOfRangeLeftToAnalysis() {
        // The analysis checks the range of the field, typed or linked, so the link keeps the number.
        assertThat(coverage("coverage=schools&target=clinics&distance=0").distance()).isZero();
        assertThat(coverage("coverage=schools&target=clinics&distance=-5").distance()).isEqualTo(-5);
        assertThat(coverage("coverage=schools&target=clinics&distance=%20700%20").distance()).isEqualTo(700);
    }

    @Test
    void missingTargetLeftToAnalysis() {
        AnalysisLink.Coverage coverage = coverage("coverage=schools");

        assertThat(coverage.layer()).contains("schools");
        assertThat(coverage.target()).isEmpty();
        assertThat(coverage.problems()).isEmpty();
    }

    @Test
    void unknownTargetExplainedInEnglish() {
        AnalysisLink.Coverage coverage = link("coverage=schools&target=hospitals", UiLanguage.EN, LAYERS)
                .coverage().orElseThrow();

        assertThat(coverage.layer()).contains("schools");
        assertThat(coverage.target()).isEmpty();
        assertThat(coverage.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.parameter()).isEqualTo("target");
            assertThat(problem.message()).contains("target=hospitals").contains("no layer named “hospitals”");
        });
    }

    @Test
    void bothUnknownLayersExplained() {
        AnalysisLink.Coverage coverage = coverage("coverage=nope&target=hospitals");

        assertThat(coverage.layer()).isEmpty();
        assertThat(coverage.target()).isEmpty();
        assertThat(coverage.problems()).extracting(AnalysisLink.Problem::parameter).containsExactly("coverage", "target");
    }

    @Test
    void bothAnalysesInOneLink() {
        AnalysisLink link = link("layer=clinics&measure=count&coverage=schools&target=clinics");

        assertThat(link.choropleth()).hasValueSatisfying(choropleth -> assertThat(choropleth.layer()).contains("clinics"));
        assertThat(link.coverage()).hasValueSatisfying(coverage -> assertThat(coverage.layer()).contains("schools"));
    }
}
