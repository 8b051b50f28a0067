package vn.langso.ui.map;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.BiFunction;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.Sentences;

/** Shows backend failures to the user as error notifications that name the backend URL and what to do. */
public final class BackendErrorNotifier {

    private static final int DURATION_MILLIS = 15_000;

    private final BiFunction<String, Object[], String> translate;
    private boolean failureShown;

    /** @param translate looks up a translation key with its parameters in the page's language */
    public BackendErrorNotifier(BiFunction<String, Object[], String> translate) {
        this.translate = translate;
    }

    public void notifyFailure(RuntimeException failure) {
        show(message(failure));
    }

    /** Returns the text shown for a backend failure. Any other exception is rethrown. */
    String message(RuntimeException failure) {
        return switch (failure) {
            case BackendUnavailableException unavailable ->
                    translate.apply("backend.unreachable", new Object[] {unavailable.backendUrl().toString()});
            case BackendResponseException response ->
                    translate.apply("backend.failed", new Object[] {response.backendUrl().toString(), detail(response)});
            default -> throw failure;
        };
    }

    /** Formats the backend's detail as one whole sentence, because the template adds no full stop after it. */
    private static String detail(BackendResponseException response) {
        String detail = Sentences.withFinalStop(response.detail());
        return detail.isEmpty() ? "HTTP " + response.status() + "." : detail;
    }

    /**
     * Shows that the browser could not load map data from the URL, unless a failure was already shown on this page:
     * when the backend is down, the failed server-side layer request has already been shown.
     */
    void notifyMapLoadFailed(String url) {
        if (!failureShown) {
            show(translate.apply("map.loadFailed", new Object[] {url}));
        }
    }

    private void show(String text) {
        failureShown = true;
        Notification notification = Notification.show(text, DURATION_MILLIS, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setId("backend-error");
    }
}
