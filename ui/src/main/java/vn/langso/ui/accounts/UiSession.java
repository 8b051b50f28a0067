package vn.langso.ui.accounts;

import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in user of the current Vaadin session. The token lives only in the server-side session, never in the
 * browser, and {@link vn.langso.ui.backend.BackendClient} forwards it on every backend call.
 */
public final class UiSession {

    private static final String ATTRIBUTE = UiSession.class.getName() + ".user";

    private UiSession() {
    }

    /**
     * Returns the signed-in user, or empty when no user is signed in, the token expired, or there is no session.
     *
     * <p>NOTE: an expired access token signs the user out (after 15 minutes by default); the ui does not yet use the
     * refresh token to get a new one.
     */
    public static Optional<SignedInUser> currentUser() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof SignedInUser user)) {
            return Optional.empty();
        }
        if (user.expiresAt().isBefore(Instant.now())) {
            session.setAttribute(ATTRIBUTE, null);
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /** Returns the bearer token of the signed-in user, if any. */
    public static Optional<String> bearerToken() {
        return currentUser().map(SignedInUser::accessToken);
    }

    static void signIn(SignedInUser user) {
        VaadinSession session = VaadinSession.getCurrent();
        // NOTE: the HTTP session id stays the same across sign-in; Vaadin's VaadinService.reinitializeSession would
        // renew it against session fixation but is not wired in yet.
        session.setAttribute(ATTRIBUTE, user);
    }

    /** Forgets the user; the backend's tokens stay valid until they expire (15 minutes by default). */
    public static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(ATTRIBUTE, null);
        }
    }
}
