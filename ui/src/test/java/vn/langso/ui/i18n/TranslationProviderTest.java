package vn.langso.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TranslationProviderTest {

    private final TranslationProvider provider = new TranslationProvider();

    @Test
    void bundlesHaveSameKeys() {
        assertThat(provider.bundleNames()).first().isEqualTo(TranslationProvider.BUNDLE_NAME);
        for (String bundleName : provider.bundleNames()) {
            Set<String> vietnamese = new TreeSet<>(TranslationProvider.bundle(bundleName, UiLanguage.VI).keySet());
            Set<String> english = new TreeSet<>(TranslationProvider.bundle(bundleName, UiLanguage.EN).keySet());

            assertThat(vietnamese).as(bundleName).isNotEmpty();
            assertThat(english).as(bundleName).containsExactlyElementsOf(vietnamese);
        }
    }

    @Test
    void keysAreUniqueAcrossBundles() {
        Map<String, String> owners = new HashMap<>();
        for (String bundleName : provider.bundleNames()) {
            for (String key : TranslationProvider.bundle(bundleName, UiLanguage.VI).keySet()) {
                String earlier = owners.putIfAbsent(key, bundleName);
                assertThat(earlier).as("key %s is in both %s and %s", key, earlier, bundleName).isNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void bundleHasNoEmptyValues(UiLanguage language) {
        for (String bundleName : provider.bundleNames()) {
            ResourceBundle bundle = TranslationProvider.bundle(bundleName, language);

            for (String key : bundle.keySet()) {
                assertThat(bundle.getString(key)).as("%s in %s of %s", key, language, bundleName).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void bundleFileIsUtf8InNfc(UiLanguage language) throws IOException {
        for (String bundleName : provider.bundleNames()) {
            String file = "/" + bundleName.replace('.', '/') + "_" + language.code() + ".properties";
            try (InputStream in = TranslationProviderTest.class.getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);

                assertThat(text).as(file).doesNotContain("\uFFFD").doesNotContain("\\u");
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("%s is in NFC", file).isTrue();
            }
        }
    }

    @Test
    void vietnameseIsReadWithDiacritics() {
        assertThat(provider.getTranslation("app.title", UiLanguage.VI.locale())).isEqualTo("Làng Số — Bản đồ Đồng Tháp");
        assertThat(provider.getTranslation("app.title", Locale.ENGLISH)).isEqualTo("Làng Số — Đồng Tháp map");
    }

    @Test
    void unknownLocaleGetsVietnamese() {
        assertThat(provider.getTranslation("layers.heading", Locale.FRENCH)).isEqualTo("Lớp dữ liệu");
        assertThat(provider.getTranslation("layers.heading", null)).isEqualTo("Lớp dữ liệu");
    }

    @Test
    void parametersAreFilledIn() {
        assertThat(provider.getTranslation("search.notFound", Locale.ENGLISH, "zzz"))
                .isEqualTo("Not found: no commune or ward matches “zzz”.");
        assertThat(provider.getTranslation("backend.unreachable", UiLanguage.VI.locale(), "http://127.0.0.1:8080"))
                .contains("http://127.0.0.1:8080")
                .contains("./langso start");
    }

    @Test
    void missingKeyIsMarked() {
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }

    @Test
    void prefixLookupStripsPrefix() {
        assertThat(provider.translationsWithPrefix("map.", UiLanguage.VI))
                .containsEntry("commune", "Xã/phường")
                .containsEntry("attribute.phone", "Điện thoại")
                .doesNotContainKey("app.title");
    }

    @Test
    void providedLocalesStartWithVietnamese() {
        assertThat(provider.getProvidedLocales()).first().extracting(Locale::getLanguage).isEqualTo("vi");
        assertThat(provider.getProvidedLocales()).extracting(Locale::getLanguage).containsExactly("vi", "en");
    }
}
