package vn.langso.backend.rooms;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.conferencing.MediaEvent;
import vn.langso.conferencing.MediaSession;
import vn.langso.conferencing.Recording;

/**
 * The people connected to one room on this backend instance: participants and guests waiting in the lobby, with
 * the room's media session. Every change of membership happens under the room's monitor, so that the participant
 * lists that clients receive are consistent. Messages are queued per peer, so sending never blocks.
 */
final class LiveRoom {

    private static final Logger log = LoggerFactory.getLogger(LiveRoom.class);

    private final RoomRecord room;
    private final MediaSession media;
    private final RoomRepository repository;
    /** Guarded by {@code this}. */
    private final Map<String, Peer> participants = new LinkedHashMap<>();
    /** Guarded by {@code this}. */
    private final Map<String, Peer> lobby = new LinkedHashMap<>();
    /** Guarded by {@code this}. True once the last peer left, after which the room accepts no one. */
    private boolean closed;
    /** Guarded by {@code this}: who asked for the running recording, stored with its metadata. */
    private String recordingRequestedBy;
    private volatile Recording recording;
    private final Disposable mediaEvents;
    private final Runnable onClose;

    LiveRoom(RoomRecord room, MediaSession media, RoomRepository repository, Runnable onClose) {
        this.room = room;
        this.media = media;
        this.repository = repository;
        this.onClose = onClose;
        this.mediaEvents = media.events().subscribe(this::onMediaEvent,
                error -> log.warn("Media events of room {} failed: {}", room.id(), error.toString()));
    }

    UUID id() {
        return room.id();
    }

    long cooperativeId() {
        return room.cooperativeId();
    }

    MediaSession media() {
        return media;
    }

    boolean isRelayOnly() {
        return media.isRelayOnly();
    }

    synchronized int participantCount() {
        return participants.size();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Adds the peer as a participant and sends {@code participant-joined} to the others.
     *
     * @return false when the room has closed meanwhile and the caller must open it again
     * @throws SignalException when the room is full
     */
    synchronized boolean admit(Peer peer) {
        if (closed) {
            return false;
        }
        int max = media.server().maxParticipantsPerRoom();
        if (participants.size() >= max) {
            throw SignalException.fatal(SignalCodes.ROOM_FULL, "Room " + room.id() + " is full: "
                    + media.server().name() + " allows " + max + " participants. Try again when someone leaves.");
        }
        lobby.remove(peer.id());
        peer.markJoined();
        participants.put(peer.id(), peer);

        ObjectNode joined = Messages.of("joined");
        joined.set("self", Messages.participant(peer));
        joined.put("roomId", room.id().toString());
        joined.put("topic", room.topic());
        joined.put("mode", media.isRelayOnly() ? "peer-to-peer" : "media-server");
        joined.put("maxParticipants", max);
        ArrayNode others = joined.putArray("participants");
        participants.values().stream().filter(other -> other != peer).forEach(other -> others.add(Messages.participant(other)));
        if (recording != null) {
            joined.put("recording", true);
        }
        peer.send(joined);
        if (RoomAccess.canModerate(peer.role())) {
            lobby.values().forEach(waiting -> peer.send(lobbyRequest(waiting)));
        }

        ObjectNode announcement = Messages.of("participant-joined");
        announcement.set("participant", Messages.participant(peer));
        broadcastExcept(announcement, peer);
        log.info("Participant {} joined room {} as {} ({} now)", peer.id(), room.id(), peer.role(), participants.size());
        return true;
    }

    /** Puts a guest into the lobby and sends {@code lobby-request} to the moderators, and returns false when the room has closed meanwhile. */
    synchronized boolean enterLobby(Peer peer) {
        if (closed) {
            return false;
        }
        lobby.put(peer.id(), peer);
        peer.send(Messages.of("lobby-waiting").put("participant", peer.id()).put("position", lobby.size()));
        ObjectNode request = lobbyRequest(peer);
        moderators().forEach(moderator -> moderator.send(request));
        log.info("Guest {} waits in the lobby of room {}", peer.id(), room.id());
        return true;
    }

    /**
     * Removes a participant or lobby guest, sends {@code participant-left} to the others and closes the media
     * session when no one is left.
     * Idempotent.
     */
    void leave(Peer peer, String reason) {
        boolean last;
        synchronized (this) {
            boolean wasParticipant = participants.remove(peer.id()) != null;
            boolean wasWaiting = lobby.remove(peer.id()) != null;
            peer.markGone();
            if (wasParticipant) {
                ObjectNode left = Messages.of("participant-left").put("participant", peer.id()).put("reason", reason);
                broadcastExcept(left, peer);
                log.info("Participant {} left room {} ({}); {} remain", peer.id(), room.id(), reason, participants.size());
            }
            if (wasWaiting) {
                ObjectNode left = Messages.of("lobby-left").put("participant", peer.id());
                moderators().forEach(moderator -> moderator.send(left));
                repository.decideLobbyEntry(peer.lobbyEntryId(), "left", null).subscribe(null,
                        error -> log.warn("Could not record that guest {} left the lobby: {}", peer.id(), error.toString()));
            }
            last = !closed && participants.isEmpty() && lobby.isEmpty();
            if (last) {
                closed = true;
            }
        }
        if (!media.isRelayOnly()) {
            media.leave(peer.id()).subscribe(null,
                    error -> log.warn("Media server failed to release participant {}: {}", peer.id(), error.toString()));
        }
        if (last) {
            close(vn.langso.conferencing.CloseReason.LAST_PARTICIPANT_LEFT);
        }
    }

    /** Admits or rejects a guest from the lobby on a moderator's decision. */
    void decide(Peer moderator, String guestId, boolean admit) {
        Peer guest;
        synchronized (this) {
            guest = lobby.get(guestId);
        }
        if (guest == null) {
            throw SignalException.of(SignalCodes.PARTICIPANT_NOT_FOUND, "No guest " + guestId
                    + " waits in the lobby; it may have left or been decided by another moderator.");
        }
        repository.decideLobbyEntry(guest.lobbyEntryId(), admit ? "admitted" : "rejected", moderator.accountId())
                .subscribe(null, error -> log.warn("Could not record the lobby decision on guest {}: {}", guestId,
                        error.toString()));
        if (admit) {
            try {
                admit(guest);
            } catch (SignalException full) {
                // The guest cannot enter, but the moderator's own connection must stay open.
                guest.send(Messages.error(full.code(), full.getMessage()));
                guest.end(full.code());
                throw SignalException.of(full.code(), full.getMessage());
            }
        } else {
            synchronized (this) {
                lobby.remove(guestId);
            }
            guest.send(Messages.error(SignalCodes.REJECTED, "A moderator did not admit you to this room."));
            guest.end("rejected");
            ObjectNode left = Messages.of("lobby-left").put("participant", guestId);
            moderators().forEach(other -> other.send(left));
        }
    }

    /** Sends a message from one participant to another, stamped with the sender's id. */
    void relay(Peer from, String toId, ObjectNode message) {
        Peer to = participant(toId);
        message.put("from", from.id());
        message.remove("to");
        to.send(message);
    }

    Peer participant(String id) {
        Peer peer;
        synchronized (this) {
            peer = participants.get(id);
        }
        if (peer == null) {
            throw SignalException.of(SignalCodes.PARTICIPANT_NOT_FOUND, "No participant " + id
                    + " in this room; it may have left.");
        }
        return peer;
    }

    synchronized void broadcast(ObjectNode message) {
        participants.values().forEach(peer -> peer.send(message));
    }

    synchronized void broadcastExcept(ObjectNode message, Peer except) {
        participants.values().stream().filter(peer -> peer != except).forEach(peer -> peer.send(message));
    }

    synchronized void setRecordingRequestedBy(String accountOrName) {
        recordingRequestedBy = accountOrName;
    }

    private synchronized List<Peer> moderators() {
        List<Peer> moderators = new ArrayList<>();
        participants.values().stream().filter(peer -> RoomAccess.canModerate(peer.role())).forEach(moderators::add);
        return moderators;
    }

    private static ObjectNode lobbyRequest(Peer guest) {
        ObjectNode request = Messages.of("lobby-request");
        request.set("participant", Messages.JSON.createObjectNode().put("id", guest.id()).put("name", guest.displayName()));
        return request;
    }

    private void onMediaEvent(MediaEvent event) {
        switch (event) {
            case MediaEvent.RecordingStarted started -> {
                recording = started.recording();
                String by;
                synchronized (this) {
                    by = recordingRequestedBy == null ? "" : recordingRequestedBy;
                }
                repository.insertRecording(room.id(), started.recording().id(), uri(started.recording()), by,
                                started.recording().startedAt())
                        .subscribe(null, error -> log.warn("Could not store recording {} of room {}: {}",
                                started.recording().id(), room.id(), error.toString()));
                broadcast(Messages.of("recording-started").put("recordingId", started.recording().id())
                        .put("at", started.recording().startedAt().toString()));
            }
            case MediaEvent.RecordingStopped stopped -> {
                recording = null;
                Instant stoppedAt = stopped.recording().stoppedAt() == null ? Instant.now() : stopped.recording().stoppedAt();
                repository.stopRecording(stopped.recording().id(), uri(stopped.recording()), stoppedAt)
                        .subscribe(null, error -> log.warn("Could not store the end of recording {}: {}",
                                stopped.recording().id(), error.toString()));
                broadcast(Messages.of("recording-stopped").put("recordingId", stopped.recording().id())
                        .put("at", stoppedAt.toString()));
            }
            case MediaEvent.RenegotiationNeeded renegotiation -> {
                Peer peer;
                synchronized (this) {
                    peer = participants.get(renegotiation.participantId());
                }
                if (peer != null) {
                    peer.send(Messages.of("renegotiate").put("publisher", renegotiation.publisherId()));
                }
            }
            case MediaEvent.Closed closedEvent -> log.info("Media session of room {} closed: {}", room.id(),
                    closedEvent.reason());
        }
    }

    /** Returns the recording's first file, or an empty string when the media server reported none yet. */
    private static String uri(Recording recording) {
        List<URI> files = recording.files();
        return files.isEmpty() ? "" : files.getFirst().toString();
    }

    private void close(vn.langso.conferencing.CloseReason reason) {
        onClose.run();
        media.close(reason)
                .doFinally(signal -> mediaEvents.dispose())
                .subscribe(null, error -> log.warn("Media session of room {} failed to close: {}", room.id(), error.toString()));
        log.info("Room {} closed: {}", room.id(), reason);
    }
}
