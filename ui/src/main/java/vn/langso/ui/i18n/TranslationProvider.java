package vn.langso.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Translations of the UI from every {@code i18n/NAME_vi.properties} and {@code i18n/NAME_en.properties} pair on the
 * class path (UTF-8): {@code translations} contains the shared texts and each feature keeps its own pair (for example
 * {@code reports_vi.properties}), so features never edit one file. Keys are unique across files; a key missing from
 * a language is logged and shown as {@code !key}.
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final String BUNDLE_NAME = "i18n.translations";

    private static final String BUNDLE_PATTERN = "classpath*:i18n/*_vi.properties";

    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);

    /** No fallback to the JVM's default locale: each UI language reads only its own file. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Base names of every bundle, shared texts first; found once at start-up. */
    private final List<String> bundleNames = findBundleNames();

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
        String pattern = find(key, UiLanguage.of(locale));
        if (pattern == null) {
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
        Map<String, String> translations = new TreeMap<>();
        for (String bundleName : bundleNames) {
            ResourceBundle bundle = bundle(bundleName, language);
            for (String key : bundle.keySet()) {
                if (key.startsWith(prefix)) {
                    translations.putIfAbsent(key.substring(prefix.length()), bundle.getString(key));
                }
            }
        }
        return new LinkedHashMap<>(translations);
    }

    /** Base names of all bundles, for tests that compare the languages file by file. */
    public List<String> bundleNames() {
        return bundleNames;
    }

    private String find(String key, UiLanguage language) {
        for (String bundleName : bundleNames) {
            ResourceBundle bundle = bundle(bundleName, language);
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    static ResourceBundle bundle(String bundleName, UiLanguage language) {
        try {
            return ResourceBundle.getBundle(bundleName, language.locale(), TranslationProvider.class.getClassLoader(),
                    NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Translation file " + bundleName + "_" + language.code()
                    + ".properties is missing; every bundle needs a file per language", e);
        }
    }

    static ResourceBundle bundle(UiLanguage language) {
        return bundle(BUNDLE_NAME, language);
    }

    private static List<String> findBundleNames() {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(TranslationProvider.class.getClassLoader())
                    .getResources(BUNDLE_PATTERN)) {
                String fileName = resource.getFilename();
                if (fileName != null) {
                    names.add("i18n." + fileName.substring(0, fileName.length() - "_vi.properties".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the translation files " + BUNDLE_PATTERN, e);
        }
        names.remove(BUNDLE_NAME);

        List<String> ordered = new ArrayList<>();
        ordered.add(BUNDLE_NAME);
        ordered.addAll(names);
        log.info("Translation bundles: {}", ordered);
        return List.copyOf(ordered);
    }
}
