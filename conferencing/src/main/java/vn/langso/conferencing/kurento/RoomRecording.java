package vn.langso.conferencing.kurento;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kurento.client.RecorderEndpoint;
import vn.langso.conferencing.Recording;

/** A running recording of a room: one recorder per publisher. Guarded by the room's lock. */
final class RoomRecording {

    final String id;
    final Instant startedAt;
    final Map<String, RecorderEndpoint> recordersByPublisher = new LinkedHashMap<>();
    private final List<URI> files = new ArrayList<>();

    RoomRecording(String id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    void add(String publisherId, RecorderEndpoint recorder, URI file) {
        recordersByPublisher.put(publisherId, recorder);
        files.add(file);
    }

    /** Number of files so far, used to name a publisher's next file after a restart. */
    int fileCount() {
        return files.size();
    }

    Recording snapshot(String roomId, Instant stoppedAt) {
        return new Recording(id, roomId, files, startedAt, stoppedAt);
    }
}
