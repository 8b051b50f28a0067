package vn.langso.ui.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.ui.backend.LayerSummary;
import vn.langso.ui.backend.LocalizedText;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;

/** The analyses page names the measure it shows and explains a link's unknown layer, in Vietnamese and English. */
class AnalysisTextsTest {

    private static final TranslationProvider TRANSLATIONS = new TranslationProvider();

    private static AnalysisTexts texts(UiLanguage language) {
        return new AnalysisTexts((key, params) -> TRANSLATIONS.getTranslation(key, language.locale(), params), language);
    }

    private static final List<LayerSummary> LAYERS = List.of(
            new LayerSummary("schools", new LocalizedText("Trường học", "Schools"), null, "Point", 5),
            new LayerSummary("clinics", new LocalizedText("Cơ sở y tế", "Health facilities"), null, "Point", 7));

    @Test
    void headingFollowsMeasureInVietnamese() {
        AnalysisTexts vi = texts(UiLanguage.VI);

        assertThat(vi.heading(Measure.COUNT)).isEqualTo("Số lượng theo xã, phường");
        assertThat(vi.heading(Measure.DENSITY)).isEqualTo("Mật độ theo xã, phường");
        assertThat(vi.heading(Measure.SHARE)).isEqualTo("Tỷ lệ theo xã, phường");
    }

    @Test
    void headingFollowsMeasureInEnglish() {
        AnalysisTexts en = texts(UiLanguage.EN);

        assertThat(en.heading(Measure.COUNT)).isEqualTo("Count by commune");
        assertThat(en.heading(Measure.DENSITY)).isEqualTo("Density by commune");
        assertThat(en.heading(Measure.SHARE)).isEqualTo("Share by commune");
    }

    @Test
    void valueLabelNamesMeasure() {
        AnalysisTexts vi = texts(UiLanguage.VI);
        AnalysisTexts en = texts(UiLanguage.EN);

        assertThat(vi.valueLabel(Measure.COUNT, null, null)).isEqualTo("Số lượng");
        assertThat(vi.valueLabel(Measure.DENSITY, null, null)).isEqualTo("Mật độ (trên km²)");
        assertThat(en.valueLabel(Measure.COUNT, null, null)).isEqualTo("Count");
        assertThat(en.valueLabel(Measure.DENSITY, null, null)).isEqualTo("Density (per km²)");
    }

    @Test
    void shareLabelNamesAttributeValue() {
        assertThat(texts(UiLanguage.VI).valueLabel(Measure.SHARE, "school_level", "primary"))
                .isEqualTo("Tỷ lệ điểm có school_level = primary (%)");
        assertThat(texts(UiLanguage.EN).valueLabel(Measure.SHARE, "school_level", "(no value)"))
                .isEqualTo("Share of places with school_level = (no value) (%)");
    }

    @Test
    void beyondShareLabelNamesDistance() {
        assertThat(texts(UiLanguage.VI).beyondShareLabel(500)).isEqualTo("Tỷ lệ điểm xa hơn 500 m (%)");
        assertThat(texts(UiLanguage.EN).beyondShareLabel(500)).isEqualTo("Share of places farther than 500 m (%)");
    }

    @Test
    void coverageSummaryNamesLayersAndShare() {
        JsonNode coverage = JsonMapper.builder().build().readTree("""
                {"beyondCount": 3, "featureCount": 12, "beyondShare": 0.25, "targetFeatureCount": 7,
                 "beyond": {"numberReturned": 3, "numberMatched": 3}}""");

        assertThat(texts(UiLanguage.EN).coverageSummary(coverage, "Schools", 500, "Health facilities"))
                .isEqualTo("3 of 12 places (25%) of layer Schools are farther than 500 m from every place of layer "
                        + "Health facilities.");
    }

    @Test
    void coverageSummaryNotesPartialMapAndEmptyTarget() {
        JsonNode coverage = JsonMapper.builder().build().readTree("""
                {"beyondCount": 1500, "featureCount": 1500, "beyondShare": 1.0, "targetFeatureCount": 0,
                 "beyond": {"numberReturned": 1000, "numberMatched": 1500}}""");

        String summary = texts(UiLanguage.VI).coverageSummary(coverage, "Trường học", 2000, "Cơ sở y tế");

        assertThat(summary).startsWith("1.500 trên 1.500 điểm (100%) của lớp Trường học cách xa hơn 2.000 m");
        assertThat(summary).contains("Bản đồ chỉ vẽ 1.000 điểm đầu tiên trong số 1.500 điểm ở xa.");
        assertThat(summary).endsWith("Lớp Cơ sở y tế chưa có điểm nào, nên mọi điểm đều được tính là ở xa.");
    }

    @Test
    void coverageSummaryWithoutPlaces() {
        JsonNode coverage = JsonMapper.builder().build().readTree("""
                {"beyondCount": 0, "featureCount": 0, "beyondShare": null, "targetFeatureCount": 7,
                 "beyond": {"numberReturned": 0, "numberMatched": 0}}""");

        assertThat(texts(UiLanguage.EN).coverageSummary(coverage, "Schools", 500, "Health facilities"))
                .startsWith("0 of 0 places (–) of layer Schools");
    }

    @Test
    void unknownLayerNamedInVietnamese() {
        String text = texts(UiLanguage.VI).unknownLayer("layer", "nope", LAYERS);

        assertThat(text).isEqualTo("Địa chỉ trang có layer=nope, nhưng không có lớp dữ liệu nào tên “nope”. "
                + "Các lớp có thể dùng: schools (Trường học), clinics (Cơ sở y tế). "
                + "Hãy sửa liên kết hoặc chọn lớp trong danh sách bên trái.");
        assertThat(text).doesNotContain("thử lại sau");
    }

    @Test
    void unknownLayerNamedInEnglish() {
        String text = texts(UiLanguage.EN).unknownLayer("target", "hospitals", LAYERS);

        assertThat(text).isEqualTo("The page address has target=hospitals, but there is no layer named “hospitals”. "
                + "The layers you can use are: schools (Schools), clinics (Health facilities). "
                + "Correct the link or choose a layer from the list on the left.");
    }

    @Test
    void unknownLayerValueShortened() {
        String text = texts(UiLanguage.EN).unknownLayer("coverage", "x".repeat(200), LAYERS);

        assertThat(text).contains("coverage=" + "x".repeat(AnalysisTexts.MAX_QUOTED_LENGTH) + "…,");
        assertThat(text).doesNotContain("x".repeat(AnalysisTexts.MAX_QUOTED_LENGTH + 1));
    }

    @Test
    void unknownLayerKeepsQuotesAndBraces() {
        String text = texts(UiLanguage.VI).unknownLayer("layer", "it's {1}", LAYERS);

        assertThat(text).contains("layer=it's {1},").contains("tên “it's {1}”");
    }

    @Test
    void unknownLayerControlCharactersReplaced() {
        String text = texts(UiLanguage.EN).unknownLayer("layer", "no\u0007pe", LAYERS);

        assertThat(text).contains("layer=no pe,");
    }
}
