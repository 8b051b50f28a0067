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
    private final Map<String, Integer> fileCountByPublisher = new LinkedHashMap<>();

    RoomRecording(String id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    void add(String publisherId, RecorderEndpoint recorder, URI file) {
        recordersByPublisher.put(publisherId, recorder);
        files.add(file);
        fileCountByPublisher.merge(publisherId, 1, Integer::sum);
    }

    /** Returns how many files the publisher has in this recording, used to name their next one. */
    int fileCount(String publisherId) {
        return fileCountByPublisher.getOrDefault(publisherId, 0);
    }

    Recording snapshot(String roomId, Instant stoppedAt) {
        return new Recording(id, roomId, files, startedAt, stoppedAt);
    }
}
