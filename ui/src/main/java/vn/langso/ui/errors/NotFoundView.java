package vn.langso.ui.errors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import vn.langso.ui.map.MapView;

/**
 * The page for an address that names no view, in the UI's language (Vaadin's own page is English only),
 * with a link back to the map.
 */
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = event.getLocation().getPath();
        UI.getCurrent().setLocale(MapView.chooseLanguage(event).locale());

        removeAll();
        setId("not-found");
        add(new H1(getTranslation("notFound.title")),
                new Paragraph(getTranslation("notFound.detail", "/" + path)),
                new Anchor("/", getTranslation("notFound.back")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
