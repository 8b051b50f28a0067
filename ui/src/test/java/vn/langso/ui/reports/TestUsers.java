package vn.langso.ui.reports;

import com.vaadin.flow.server.VaadinSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test users of the ui on this branch. Until accounts exist, the backend recognises a user only through its
 * test-only filter, which reads the user from the {@value #HEADER} header; {@link Credentials} sends that header
 * for the user that {@link TestSignInView} stored in the browser's session.
 */
final class TestUsers {

    /** Header read by the backend's test-only {@code vn.langso.backend.testing.TestUserFilter}. */
    static final String HEADER = "X-Langso-Test-User";
    static final String SESSION_ATTRIBUTE = TestUsers.class.getName() + ".header";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestUsers() {
    }

    /** Returns the header value that makes a backend request act for a commune official of the communes. */
    static String communeOfficial(String displayName, String... communeCodes) {
        return encode(Map.of("id", UUID.randomUUID().toString(), "displayName", displayName,
                "roles", List.of("COMMUNE_OFFICIAL"), "communeCodes", List.of(communeCodes),
                "agencyCodes", List.of(), "cooperativeIds", List.of(), "schoolIds", List.of(), "clinicIds", List.of()));
    }

    private static String encode(Map<String, Object> user) {
        return Base64.getUrlEncoder().encodeToString(JSON.writeValueAsString(user).getBytes(StandardCharsets.UTF_8));
    }

    /** Credentials of the test user signed in on the current page's session, if any. */
    static final class Credentials implements ReportsCredentials {

        @Override
        public Optional<String> bearerToken() {
            return Optional.empty();
        }

        @Override
        public Map<String, String> headers() {
            VaadinSession session = VaadinSession.getCurrent();
            Object header = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
            return header instanceof String value ? Map.of(HEADER, value) : Map.of();
        }
    }
}
