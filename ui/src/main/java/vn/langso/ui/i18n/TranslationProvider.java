package vn.langso.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Translations of the UI from {@code i18n/translations_vi.properties} and {@code i18n/translations_en.properties}
 * (UTF-8). Both bundles have the same keys; a key missing from one is logged and shown as {@code !key}.
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final String BUNDLE_NAME = "i18n.translations";

    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);

    /** No fallback to the JVM's default locale: each UI language reads only its own file. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(UiLanguage.values()).map(UiLanguage::locale).toList();
    }

    /**
     * Returns the text for a key in the locale's UI language; parameters fill {@code {0}}, {@code {1}}, ... through
     * {@link MessageFormat}, so values with parameters must double any apostrophe.
     */
    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        ResourceBundle bundle = bundle(UiLanguage.of(locale));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            log.warn("Translation key '{}' is missing for language {}", key, UiLanguage.of(locale).code());
            return "!" + key;
        }
        if (params == null || params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(params);
    }

    /** Returns every key starting with the prefix, without the prefix, with its text in the language; sorted by key. */
    public Map<String, String> translationsWithPrefix(String prefix, UiLanguage language) {
        ResourceBundle bundle = bundle(language);
        Map<String, String> translations = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(prefix)) {
                translations.put(key.substring(prefix.length()), bundle.getString(key));
            }
        }
        return new LinkedHashMap<>(translations);
    }

    static ResourceBundle bundle(UiLanguage language) {
        return ResourceBundle.getBundle(BUNDLE_NAME, language.locale(), TranslationProvider.class.getClassLoader(), NO_FALLBACK);
    }
}
