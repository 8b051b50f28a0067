package vn.langso.conferencing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A meeting room of a cooperative or community club. Thread-safe: every method locks the room. */
public final class Room {

    private final String id;
    private final MediaServer mediaServer;
    private final Map<String, Participant> participantsById = new LinkedHashMap<>();

    public Room(String id, MediaServer mediaServer) {
        this.id = Objects.requireNonNull(id, "id");
        this.mediaServer = Objects.requireNonNull(mediaServer, "mediaServer");
    }

    public String id() {
        return id;
    }

    /**
     * Adds a participant.
     *
     * @throws IllegalStateException when the id is taken or the media server's room size is reached
     */
    public synchronized void join(Participant participant) {
        if (participantsById.containsKey(participant.id())) {
            throw new IllegalStateException("Participant " + participant.id() + " is already in room " + id);
        }
        if (participantsById.size() >= mediaServer.maxParticipantsPerRoom()) {
            throw new IllegalStateException("Room " + id + " is full: " + mediaServer.name()
                    + " allows " + mediaServer.maxParticipantsPerRoom() + " participants");
        }
        participantsById.put(participant.id(), participant);
    }

    /** Removes a participant; returns false when they were not in the room. */
    public synchronized boolean leave(String participantId) {
        return participantsById.remove(participantId) != null;
    }

    public synchronized List<Participant> participants() {
        return List.copyOf(new ArrayList<>(participantsById.values()));
    }
}
