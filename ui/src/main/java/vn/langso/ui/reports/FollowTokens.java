package vn.langso.ui.reports;

import com.vaadin.flow.server.VaadinSession;
import java.util.HashMap;
import java.util.Map;

/**
 * Follow tokens of the reports filed or opened in this browser session, so that the citizen's page can read the
 * full view without an account. The token itself reaches the citizen as a link to save.
 */
final class FollowTokens {

    private static final String ATTRIBUTE = FollowTokens.class.getName();

    private FollowTokens() {
    }

    static void remember(long reportId, String token) {
        if (token != null && !token.isBlank()) {
            tokens().put(reportId, token);
        }
    }

    /** Returns the token for the report, or null when this session has none. */
    static String find(long reportId) {
        return tokens().get(reportId);
    }

    static void forget(long reportId) {
        tokens().remove(reportId);
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, String> tokens() {
        VaadinSession session = VaadinSession.getCurrent();
        Object stored = session.getAttribute(ATTRIBUTE);
        if (stored instanceof Map<?, ?> map) {
            return (Map<Long, String>) map;
        }
        Map<Long, String> created = new HashMap<>();
        session.setAttribute(ATTRIBUTE, created);
        return created;
    }
}
