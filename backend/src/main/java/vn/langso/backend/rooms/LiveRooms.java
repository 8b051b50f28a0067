package vn.langso.backend.rooms;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.langso.conferencing.MediaServerSelector;

/**
 * The rooms that have someone connected to this backend instance. A room is opened on the media server (or
 * peer-to-peer) when its first peer joins and closed when its last one leaves.
 *
 * <p>NOTE: rooms live in one instance's memory. With several backend instances, a load balancer must send every
 * WebSocket of a room to the same instance (for example by hashing the room id in the path).
 */
@Component
class LiveRooms {

    private final Map<UUID, Entry> rooms = new ConcurrentHashMap<>();
    private final MediaServerSelector mediaServers;
    private final RoomRepository repository;

    LiveRooms(MediaServerSelector mediaServers, RoomRepository repository) {
        this.mediaServers = mediaServers;
        this.repository = repository;
    }

    /**
     * Returns the open room, opening its media session when it is not open yet. A caller that finds the returned
     * room closed (its last peer left meanwhile) calls this again.
     */
    Mono<LiveRoom> open(UUID roomId) {
        return rooms.computeIfAbsent(roomId, this::newEntry).opening();
    }

    int participantCount(UUID roomId) {
        Entry entry = rooms.get(roomId);
        LiveRoom room = entry == null ? null : entry.ready().get();
        return room == null ? 0 : room.participantCount();
    }

    /** Counts the cooperative's rooms with at least one participant. */
    long liveRoomCount(long cooperativeId) {
        return rooms.values().stream()
                .map(entry -> entry.ready().get())
                .filter(room -> room != null && room.cooperativeId() == cooperativeId && room.participantCount() > 0)
                .count();
    }

    private Entry newEntry(UUID id) {
        AtomicReference<LiveRoom> ready = new AtomicReference<>();
        Entry[] self = new Entry[1];
        Mono<LiveRoom> opening = Mono.defer(() -> repository.find(id))
                .switchIfEmpty(Mono.error(() -> SignalException.fatal(SignalCodes.ROOM_NOT_FOUND, "Room " + id
                        + " no longer exists.")))
                .flatMap(record -> mediaServers.openRoom(id.toString())
                        .map(session -> new LiveRoom(record, session, repository, () -> rooms.remove(id, self[0]))))
                .doOnNext(ready::set)
                .doOnError(error -> rooms.remove(id, self[0]))
                .cache();
        self[0] = new Entry(opening, ready);
        return self[0];
    }

    private record Entry(Mono<LiveRoom> opening, AtomicReference<LiveRoom> ready) {
    }
}
