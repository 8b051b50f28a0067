package vn.langso.ui.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;

/** The analyses page names the measure it shows, in Vietnamese and English. */
class AnalysisTextsTest {

    private static final TranslationProvider TRANSLATIONS = new TranslationProvider();

    private static AnalysisTexts texts(UiLanguage language) {
        return new AnalysisTexts((key, params) -> TRANSLATIONS.getTranslation(key, language.locale(), params));
    }

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
}
