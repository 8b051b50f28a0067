package vn.langso.ui.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
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

    /** Percent-encodes text in decomposed Unicode (NFD), as a link typed on some systems arrives. */
    private static String nfd(String text) {
        return URLEncoder.encode(Normalizer.normalize(text, Normalizer.Form.NFD), StandardCharsets.UTF_8);
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
        assertThat(choropleth.measure()).contains(Measure.COUNT);
        assertThat(choropleth.attribute()).isEmpty();
        assertThat(choropleth.value()).isEmpty();
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void missingMeasureMeansDensity() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools");

        assertThat(choropleth.measure()).contains(Measure.DENSITY);
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void shareWithAttributeAndValue() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools&measure=share&attribute=school_level&value=primary");

        assertThat(choropleth.measure()).contains(Measure.SHARE);
        assertThat(choropleth.attribute()).contains("school_level");
        assertThat(choropleth.value()).contains("primary");
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void surroundingSpacesStripped() {
        AnalysisLink.Choropleth choropleth = choropleth(
                "layer=%20schools%09&measure=%20share%20&attribute=%20school_level%20&value=%20primary%20");

        assertThat(choropleth.layer()).contains("schools");
        assertThat(choropleth.measure()).contains(Measure.SHARE);
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
    void noBreakAndZeroWidthSpacesStripped() {
        AnalysisLink.Choropleth choropleth = choropleth(
                "layer=schools%C2%A0&measure=%E2%80%8Bshare&attribute=school_level%E2%80%8B&value=%C2%A0primary");

        assertThat(choropleth.layer()).contains("schools");
        assertThat(choropleth.measure()).contains(Measure.SHARE);
        assertThat(choropleth.attribute()).contains("school_level");
        assertThat(choropleth.value()).contains("primary");
    }

    @Test
    void blankMeasureMeansDensity() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools&measure=%20");

        assertThat(choropleth.measure()).contains(Measure.DENSITY);
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void unknownMeasureExplainedInVietnamese() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools&measure=nope");

        assertThat(choropleth.layer()).contains("schools");
        assertThat(choropleth.measure()).isEmpty();
        assertThat(choropleth.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.parameter()).isEqualTo("measure");
            assertThat(problem.message()).isEqualTo("Địa chỉ trang có measure=nope, nhưng không có chỉ số nào tên “nope”. "
                    + "Các chỉ số có thể dùng: count — Số lượng; density — Mật độ (trên km²); "
                    + "share — Tỷ lệ theo thuộc tính (%). "
                    + "Hãy sửa liên kết hoặc chọn chỉ số trong danh sách bên trái.");
        });
    }

    @Test
    void unknownMeasureExplainedInEnglish() {
        AnalysisLink.Choropleth choropleth = link("layer=schools&measure=nope&lang=en", UiLanguage.EN, LAYERS)
                .choropleth().orElseThrow();

        assertThat(choropleth.problems()).singleElement().extracting(AnalysisLink.Problem::message)
                .isEqualTo("The page address has measure=nope, but there is no measure named “nope”. "
                        + "The measures you can use are: count — Count; density — Density (per km²); "
                        + "share — Share by attribute (%). Correct the link or choose a measure from the list on the left.");
    }

    @Test
    void measureCodeIsCaseSensitive() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools&measure=Density");

        assertThat(choropleth.measure()).isEmpty();
        assertThat(choropleth.problems()).singleElement().extracting(AnalysisLink.Problem::message).asString()
                .contains("measure=Density");
    }

    @Test
    void malformedMeasureQuotedReadably() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=schools&measure=den%07sity%7B0%7D" + "x".repeat(100));

        String message = choropleth.problems().getFirst().message();
        assertThat(message).contains("measure=den sity{0}xxx");
        assertThat(message).contains("x".repeat(40) + "…,");
        assertThat(message).doesNotContain("\u0007").doesNotContain("x".repeat(100));
    }

    @Test
    void unknownLayerAndMeasureBothExplained() {
        AnalysisLink.Choropleth choropleth = choropleth("layer=nope&measure=nope");

        assertThat(choropleth.layer()).isEmpty();
        assertThat(choropleth.measure()).isEmpty();
        assertThat(choropleth.problems()).extracting(AnalysisLink.Problem::parameter).containsExactly("layer", "measure");
    }

    @Test
    void layerInDecomposedUnicodeMatches() {
        List<LayerSummary> layers = List.of(
                new LayerSummary("hội_quán", new LocalizedText("Hội quán", "Community clubs"), null, "Point", 3));

        AnalysisLink.Choropleth choropleth = link("layer=" + nfd("hội_quán"), UiLanguage.VI, layers)
                .choropleth().orElseThrow();

        assertThat(choropleth.layer()).contains("hội_quán");
        assertThat(choropleth.problems()).isEmpty();
    }

    @Test
    void attributeAndValueInNfc() {
        AnalysisLink.Choropleth choropleth = choropleth(
                "layer=schools&measure=share&attribute=" + nfd("cấp_học") + "&value=" + nfd("Tiểu học"));

        assertThat(choropleth.attribute()).contains("cấp_học");
        assertThat(choropleth.value()).contains("Tiểu học");
        assertThat(Normalizer.isNormalized(choropleth.value().orElseThrow(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void knownAttributeAccepted() {
        AnalysisLink link = link("layer=schools&measure=share&attribute=school_level");

        assertThat(link.unknownAttribute("schools", "school_level", List.of("school_level", "ownership"))).isEmpty();
    }

    @Test
    void decomposedAttributeAccepted() {
        AnalysisLink link = link("layer=schools&measure=share&attribute=" + nfd("cấp_học"));
        String attribute = link.choropleth().orElseThrow().attribute().orElseThrow();

        assertThat(link.unknownAttribute("schools", attribute, List.of("cấp_học", "ownership"))).isEmpty();
    }

    @Test
    void unknownAttributeExplainedInVietnamese() {
        Optional<AnalysisLink.Problem> problem = link("layer=schools")
                .unknownAttribute("schools", "nope", List.of("school_level", "ownership"));

        assertThat(problem).hasValueSatisfying(unknown -> {
            assertThat(unknown.parameter()).isEqualTo("attribute");
            assertThat(unknown.message()).isEqualTo("Địa chỉ trang có attribute=nope, nhưng lớp Trường học không có "
                    + "thuộc tính phân loại nào tên “nope”. Các thuộc tính có thể dùng: school_level, ownership. "
                    + "Hãy sửa liên kết hoặc chọn thuộc tính trong danh sách bên trái.");
        });
    }

    @Test
    void unknownAttributeExplainedInEnglish() {
        Optional<AnalysisLink.Problem> problem = link("layer=clinics", UiLanguage.EN, LAYERS)
                .unknownAttribute("clinics", "School_Level", List.of("facility_type", "ownership"));

        assertThat(problem).map(AnalysisLink.Problem::message).contains("The page address has attribute=School_Level, "
                + "but layer Health facilities has no category attribute named “School_Level”. "
                + "The attributes you can use are: facility_type, ownership. "
                + "Correct the link or choose an attribute from the list on the left.");
    }

    @Test
    void attributeOfLayerWithoutCategories() {
        Optional<AnalysisLink.Problem> problem = link("layer=schools").unknownAttribute("schools", "level", List.of());

        assertThat(problem).map(AnalysisLink.Problem::message).contains("Địa chỉ trang có attribute=level, nhưng lớp "
                + "Trường học không có thuộc tính phân loại nào để tính tỷ lệ. "
                + "Hãy sửa liên kết hoặc chọn chỉ số hay lớp khác.");
    }

    @Test
    void attributeOfUnlistedLayerNamesLayer() {
        Optional<AnalysisLink.Problem> problem = link("layer=markets", UiLanguage.VI, List.of())
                .unknownAttribute("markets", "nope", List.of("kind"));

        assertThat(problem).map(AnalysisLink.Problem::message).asString().contains("lớp markets không có");
    }

    @Test
    void knownValueAccepted() {
        AnalysisLink link = link("layer=schools");

        assertThat(link.unknownValue("schools", "school_level", "primary", List.of("null", "primary"))).isEmpty();
        assertThat(link.unknownValue("schools", "school_level", "null", List.of("null", "primary"))).isEmpty();
    }

    @Test
    void decomposedValueAccepted() {
        AnalysisLink link = link("layer=schools&measure=share&attribute=cap_hoc&value=%20" + nfd("Tiểu học") + "%20");
        String value = link.choropleth().orElseThrow().value().orElseThrow();

        assertThat(link.unknownValue("schools", "cap_hoc", value, List.of("Trung học cơ sở", "Tiểu học"))).isEmpty();
    }

    @Test
    void unknownValueExplainedInVietnamese() {
        Optional<AnalysisLink.Problem> problem = link("layer=schools")
                .unknownValue("schools", "school_level", "tertiary", List.of("null", "primary", "secondary"));

        assertThat(problem).hasValueSatisfying(unknown -> {
            assertThat(unknown.parameter()).isEqualTo("value");
            assertThat(unknown.message()).isEqualTo("Địa chỉ trang có value=tertiary, nhưng thuộc tính school_level "
                    + "của lớp Trường học không có giá trị “tertiary”. "
                    + "Các giá trị có thể dùng: null (không có giá trị), primary, secondary. "
                    + "Hãy sửa liên kết hoặc chọn giá trị trong danh sách bên trái.");
        });
    }

    @Test
    void unknownValueExplainedInEnglish() {
        Optional<AnalysisLink.Problem> problem = link("layer=schools", UiLanguage.EN, LAYERS)
                .unknownValue("schools", "school_level", "Primary", List.of("null", "primary"));

        assertThat(problem).map(AnalysisLink.Problem::message).contains("The page address has value=Primary, "
                + "but attribute school_level of layer Schools has no value “Primary”. "
                + "The values you can use are: null (no value), primary. "
                + "Correct the link or choose a value from the list on the left.");
    }

    @Test
    void valueOfAttributeWithoutValuesAccepted() {
        assertThat(link("layer=schools").unknownValue("schools", "school_level", "primary", List.of())).isEmpty();
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
    void malformedDistanceExplained() {
        for (String distance : new String[] {"abc", "2km", "2.5", "99999999999", "0", "-5", "100001"}) {
            AnalysisLink.Coverage coverage = coverage("coverage=schools&target=clinics&distance=" + distance);

            assertThat(coverage.distance()).as(distance).isNull();
            assertThat(coverage.problems()).as(distance).singleElement().satisfies(problem -> {
                assertThat(problem.parameter()).isEqualTo("distance");
                assertThat(problem.message()).contains("distance=" + distance + ",").contains("từ 1 đến 100000")
                        .contains("distance=2000");
            });
        }
    }

    @Test
    void distanceInRangeKept() {
        assertThat(coverage("coverage=schools&target=clinics&distance=%20700%20").distance()).isEqualTo(700);
        assertThat(coverage("coverage=schools&target=clinics&distance=1").distance()).isEqualTo(1);
        assertThat(coverage("coverage=schools&target=clinics&distance=100000").distance()).isEqualTo(100_000);
    }

    @Test
    void coverageWithSpacesAndDecomposedText() {
        AnalysisLink.Coverage coverage = coverage("coverage=%20schools%20&target=clinics%C2%A0&distance=%E2%80%8B500");

        assertThat(coverage.layer()).contains("schools");
        assertThat(coverage.target()).contains("clinics");
        assertThat(coverage.distance()).isEqualTo(500);
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
