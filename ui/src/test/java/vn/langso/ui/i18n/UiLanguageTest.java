package vn.langso.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UiLanguageTest {

    @Test
    void codeIsMatchedIgnoringCaseAndBlanks() {
        assertThat(UiLanguage.fromCode("en")).contains(UiLanguage.EN);
        assertThat(UiLanguage.fromCode(" VI ")).contains(UiLanguage.VI);
    }

    @Test
    void unknownOrMissingCodeIsEmpty() {
        assertThat(UiLanguage.fromCode("fr")).isEmpty();
        assertThat(UiLanguage.fromCode("")).isEmpty();
        assertThat(UiLanguage.fromCode(null)).isEmpty();
        assertThat(UiLanguage.fromCode("en-US")).isEmpty();
    }

    @Test
    void localeOfOtherLanguageGetsDefault() {
        assertThat(UiLanguage.of(Locale.GERMAN)).isEqualTo(UiLanguage.VI);
        assertThat(UiLanguage.of(Locale.US)).isEqualTo(UiLanguage.EN);
        assertThat(UiLanguage.of(null)).isEqualTo(UiLanguage.DEFAULT);
    }
}
