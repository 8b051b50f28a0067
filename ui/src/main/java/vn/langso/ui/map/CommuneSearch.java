package vn.langso.ui.map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.ui.backend.BackendClient;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.backend.CommuneMatch;

/**
 * Commune search box in the header: searches the backend by name (with or without diacritics), zooms the map to the
 * first match and hands every match to a listener, so the page can offer the others.
 */
class CommuneSearch extends Composite<HorizontalLayout> {

    private static final Logger log = LoggerFactory.getLogger(CommuneSearch.class);

    private final BackendClient backendClient;
    private final LangsoMap map;
    private final Consumer<List<CommuneMatch>> resultsListener;
    private final BackendErrorNotifier errorNotifier;

    private final TextField queryField = new TextField();
    private final Span status = new Span();

    CommuneSearch(BackendClient backendClient, LangsoMap map, BackendErrorNotifier errorNotifier,
            Consumer<List<CommuneMatch>> resultsListener) {
        this.backendClient = backendClient;
        this.map = map;
        this.errorNotifier = errorNotifier;
        this.resultsListener = resultsListener;

        queryField.setId("commune-search");
        queryField.setAriaLabel(getTranslation("search.label"));
        queryField.setPlaceholder(getTranslation("search.placeholder"));
        queryField.setClearButtonVisible(true);
        queryField.setMaxLength(BackendClient.MAX_SEARCH_LENGTH);
        queryField.addKeyPressListener(Key.ENTER, event -> search());

        Button searchButton = new Button(getTranslation("search.button"), event -> search());
        searchButton.setId("commune-search-button");
        searchButton.addThemeVariants(ButtonVariant.PRIMARY);

        status.setId("commune-search-status");
        status.addClassName("langso-search-status");

        getContent().setAlignItems(FlexComponent.Alignment.CENTER);
        getContent().add(queryField, searchButton, status);
    }

    /** Searches for the field's text and zooms to the first match, or shows why there is none. */
    void search() {
        String query = queryField.getValue().strip();
        if (query.isEmpty()) {
            showStatus(getTranslation("search.empty"), "empty");
            return;
        }
        if (query.length() > BackendClient.MAX_SEARCH_LENGTH) {
            showStatus(getTranslation("search.tooLong", BackendClient.MAX_SEARCH_LENGTH), "invalid");
            return;
        }

        List<CommuneMatch> matches;
        try {
            matches = backendClient.searchCommunes(query);
        } catch (BackendUnavailableException | BackendResponseException e) {
            log.warn("Commune search for '{}' failed: {}", query.replaceAll("[\\r\\n]", " "), e.getMessage());
            showStatus("", "error");
            errorNotifier.notifyFailure(e);
            return;
        }

        resultsListener.accept(matches);
        if (matches.isEmpty()) {
            showStatus(getTranslation("search.notFound", query), "not-found");
            return;
        }
        CommuneMatch first = matches.getFirst();
        map.showCommune(first);
        showStatus(getTranslation("search.found", label(this, first)), "found");
    }

    /** Returns the commune's name for people, saying for a former commune which current one it is part of. */
    static String label(Component component, CommuneMatch match) {
        if (!match.former()) {
            return match.displayName();
        }
        if (match.nowPartOf().isBlank()) {
            return component.getTranslation("search.formerUnit", match.displayName());
        }
        return component.getTranslation("search.formerUnitNowPartOf", match.displayName(), match.nowPartOf());
    }

    private void showStatus(String text, String outcome) {
        status.setText(text);
        status.getElement().setAttribute("data-outcome", outcome);
    }
}
