package vn.langso.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;

/** The text of a backend error notification ends the backend's detail with one mark, whatever the detail ends with. */
class BackendErrorNotifierTest {

    private static final TranslationProvider TRANSLATIONS = new TranslationProvider();
    private static final URI BACKEND = URI.create("http://127.0.0.1:8080");

    private static String message(UiLanguage language, String detail) {
        BackendErrorNotifier notifier = new BackendErrorNotifier(
                (key, params) -> TRANSLATIONS.getTranslation(key, language.locale(), params));
        return notifier.message(new BackendResponseException(BACKEND,
                URI.create("http://127.0.0.1:8080/ogc/collections/nope/queryables"), 404, detail));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Collection 'nope' does not exist. Known collections: schools, admin-units.",
            "Collection 'nope' does not exist. Known collections: schools, admin-units",
            "Collection 'nope' does not exist. Known collections: schools, admin-units.  ",
            "Collection 'nope' does not exist. Known collections: schools, admin-units. \n"})
    void detailEndsOnceInVietnamese(String detail) {
        assertThat(message(UiLanguage.VI, detail)).isEqualTo("Máy chủ dữ liệu tại http://127.0.0.1:8080 báo lỗi: "
                + "Collection 'nope' does not exist. Known collections: schools, admin-units. "
                + "Hãy thử lại sau hoặc xem nhật ký của backend.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Is the layer 'nope' spelled right?", "Is the layer 'nope' spelled right? "})
    void questionKeptInEnglish(String detail) {
        assertThat(message(UiLanguage.EN, detail)).isEqualTo("The data server at http://127.0.0.1:8080 returned an error: "
                + "Is the layer 'nope' spelled right? Try again later or read the backend log.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Overloaded!", "Overloaded! "})
    void exclamationKept(String detail) {
        assertThat(message(UiLanguage.EN, detail)).contains("error: Overloaded! Try again later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankDetailGivesStatus(String detail) {
        assertThat(message(UiLanguage.VI, detail)).contains("báo lỗi: HTTP 404. Hãy thử lại sau");
    }
}
