package vn.langso.ui.cameras;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import vn.langso.ui.accounts.UiSession;
import vn.langso.ui.backend.BackendUnavailableException;

/**
 * Serves a violation snapshot to the camera panel's {@code <img>} ({@code ?violation=ID}) by fetching it from the
 * backend with the signed-in user's token. The token stays on the server, and the backend decides who may see the
 * picture: its 401, 403 or 404 is passed on without a body, so the panel shows its "officials only" text.
 */
final class SnapshotDownload implements DownloadHandler {

    /** Violation ids are positive 64-bit integers; anything else names no violation. */
    private static final Pattern VIOLATION_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final transient CameraClient client;

    SnapshotDownload(CameraClient client) {
        this.client = client;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        String violation = event.getRequest().getParameter("violation");
        if (violation == null || !VIOLATION_ID.matcher(violation).matches()) {
            event.getResponse().setStatus(400);
            return;
        }

        CameraClient.Snapshot snapshot;
        try {
            snapshot = client.snapshot(Long.parseLong(violation), bearerToken(event.getSession()));
        } catch (BackendUnavailableException e) {
            event.getResponse().setStatus(502);
            return;
        }
        if (snapshot.status() != 200) {
            event.getResponse().setStatus(snapshot.status());
            return;
        }

        event.setContentType("image/jpeg");
        event.setContentLength(snapshot.jpeg().length);
        event.inline("violation-" + violation + ".jpg");
        // Snapshots can show people and number plates: only this browser may keep a copy.
        event.getResponse().setHeader("Cache-Control", "private, max-age=300");
        try (OutputStream out = event.getOutputStream()) {
            out.write(snapshot.jpeg());
        }
    }

    /** Reads the token under the session lock, which {@link UiSession} needs, and releases the lock before the fetch. */
    private static Optional<String> bearerToken(VaadinSession session) {
        AtomicReference<Optional<String>> token = new AtomicReference<>(Optional.empty());
        session.accessSynchronously(() -> token.set(UiSession.bearerToken()));
        return token.get();
    }
}
