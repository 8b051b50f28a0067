package vn.langso.ui.reports;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/**
 * Test-only stand-in for the sign-in page: {@code test/sign-in?commune=CODE} signs this browser session in as a
 * commune official of that commune. It exists in test sources only.
 */
@Route("test/sign-in")
public class TestSignInView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String commune = event.getLocation().getQueryParameters().getSingleParameter("commune").orElseThrow();
        event.getUI().getSession().setAttribute(TestUsers.SESSION_ATTRIBUTE,
                TestUsers.communeOfficial("Cán bộ xã " + commune, commune));
        Span done = new Span("signed in for " + commune);
        done.setId("test-signed-in");
        removeAll();
        add(done);
    }
}
