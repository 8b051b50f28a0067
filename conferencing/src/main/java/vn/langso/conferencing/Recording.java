package vn.langso.conferencing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recording of a room: one file per publisher, written by the media server.
 *
 * @param id unique id, also the name of the folder that contains the files
 * @param roomId the recorded room
 * @param files {@code file://} URIs on the media server's file system, one per recorded publisher
 * @param startedAt when recording started
 * @param stoppedAt when it stopped, or {@code null} while it runs
 */
public record Recording(String id, String roomId, List<URI> files, Instant startedAt, Instant stoppedAt) {

    public Recording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(startedAt, "startedAt");
        files = List.copyOf(files);
    }

    public boolean isRunning() {
        return stoppedAt == null;
    }
}
