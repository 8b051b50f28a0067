package vn.langso.backend.rooms;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.rooms.RoomRepository.NewInvitation;
import vn.langso.backend.rooms.RoomRepository.NewRoom;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.CurrentUsers;
import vn.langso.conferencing.ParticipantRole;

/** The REST side of rooms under {@code /api/v1/rooms}; the signalling WebSocket is {@link SignalHandler}. */
@Component
class RoomHandler {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final RoomRepository repository;
    private final LiveRooms liveRooms;
    private final RoomsProperties properties;

    RoomHandler(RoomRepository repository, LiveRooms liveRooms, RoomsProperties properties) {
        this.repository = repository;
        Tokens.initialize();
        this.liveRooms = liveRooms;
        this.properties = properties;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        String cooperativeParam = request.queryParam("cooperative").orElseThrow(() -> InvalidParameterException.of(
                "cooperative", "The cooperative parameter is missing; send ?cooperative=ID of a cooperatives feature."));
        long cooperativeId = RoomInput.cooperativeId(cooperativeParam);
        int limit = limit(request);
        return CurrentUsers.current()
                .doOnNext(user -> RoomAccess.requireList(user, cooperativeId))
                .flatMap(user -> repository.cooperativeName(cooperativeId)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("No cooperative with id " + cooperativeId
                                + "; list the cooperatives layer to find its id.")))
                        .flatMap(name -> repository.findByCooperative(cooperativeId, limit)
                                .map(room -> summary(room, RoomAccess.roleIn(user, room, null).orElse(null)))
                                .collectList()
                                .map(rooms -> {
                                    Map<String, Object> body = new LinkedHashMap<>();
                                    body.put("cooperativeId", cooperativeId);
                                    body.put("cooperativeName", name);
                                    body.put("rooms", rooms);
                                    return body;
                                })))
                .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        Instant now = Instant.now();
        return Mono.zip(CurrentUsers.current(), request.bodyToMono(String.class).defaultIfEmpty(""))
                .flatMap(userAndBody -> {
                    CurrentUser user = userAndBody.getT1();
                    NewRoom room = RoomInput.newRoom(RoomInput.parseObject(userAndBody.getT2()), now);
                    RoomAccess.requireSchedule(user, room.cooperativeId());
                    return repository.cooperativeName(room.cooperativeId())
                            .switchIfEmpty(Mono.error(() -> new NotFoundException("No cooperative with id "
                                    + room.cooperativeId() + "; list the cooperatives layer to find its id.")))
                            .then(repository.insert(room, user.id()));
                })
                .flatMap(repository::find)
                .flatMap(room -> repository.invitees(room.id()).collectList()
                        .map(invitees -> detail(room, ParticipantRole.MODERATOR, invitees)))
                .flatMap(body -> ServerResponse.created(URI.create("/api/v1/rooms/" + body.get("id")))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return roomForUser(request)
                .flatMap(access -> {
                    Mono<List<Invitee>> invitees = RoomAccess.canModerate(access.role())
                            ? repository.invitees(access.room().id()).collectList()
                            : Mono.just(List.of());
                    return invitees.map(list -> detail(access.room(), access.role(), list));
                })
                .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    Mono<ServerResponse> createInvitation(ServerRequest request) {
        return Mono.zip(roomForUser(request), request.bodyToMono(String.class).defaultIfEmpty("{}"))
                .flatMap(accessAndBody -> {
                    RoomForUser access = accessAndBody.getT1();
                    RoomAccess.requireSchedule(access.user(), access.room().cooperativeId());
                    JsonNode body = RoomInput.parseObject(accessAndBody.getT2().isBlank() ? "{}" : accessAndBody.getT2());
                    NewInvitation invitation = RoomInput.newInvitation(body);
                    Duration lifetime = RoomInput.invitationLifetime(body, properties.maxInvitationLifetime());
                    Instant expiresAt = Instant.now().plus(lifetime);
                    String token = Tokens.newToken();
                    return repository.insertInvitation(access.room().id(), Tokens.hash(token), invitation, expiresAt,
                                    access.user().id())
                            .map(id -> {
                                Map<String, Object> created = new LinkedHashMap<>();
                                created.put("id", id);
                                created.put("roomId", access.room().id());
                                created.put("token", token);
                                created.put("role", RoomRepository.roleName(invitation.role()));
                                created.put("singleUse", invitation.singleUse());
                                created.put("requiresAdmission", invitation.requiresAdmission());
                                created.put("expiresAt", expiresAt);
                                return created;
                            });
                })
                .flatMap(body -> ServerResponse.created(URI.create("/api/v1/rooms/" + body.get("roomId")
                                + "/invitations/" + body.get("id")))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    Mono<ServerResponse> listInvitations(ServerRequest request) {
        return roomForUser(request)
                .doOnNext(access -> RoomAccess.requireSchedule(access.user(), access.room().cooperativeId()))
                .flatMap(access -> repository.invitations(access.room().id()).collectList())
                .flatMap(list -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("invitations", list)));
    }

    Mono<ServerResponse> revokeInvitation(ServerRequest request) {
        UUID invitationId = RoomInput.roomId(request.pathVariable("invitationId"));
        return roomForUser(request)
                .doOnNext(access -> RoomAccess.requireSchedule(access.user(), access.room().cooperativeId()))
                .flatMap(access -> repository.revokeInvitation(access.room().id(), invitationId))
                .flatMap(found -> found
                        ? ServerResponse.noContent().build()
                        : Mono.error(new NotFoundException("Room " + request.pathVariable("id")
                                + " has no invitation " + invitationId + ".")));
    }

    Mono<ServerResponse> createJoinToken(ServerRequest request) {
        return roomForUser(request)
                .flatMap(access -> {
                    String token = Tokens.newToken();
                    Instant expiresAt = Instant.now().plus(properties.joinTokenLifetime());
                    String name = access.user().displayName().isBlank() ? "Thành viên" : access.user().displayName();
                    return repository.insertJoinToken(access.room().id(), Tokens.hash(token), access.user().id(), name,
                                    access.role(), expiresAt)
                            .then(Mono.fromSupplier(() -> {
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("token", token);
                                body.put("role", RoomRepository.roleName(access.role()));
                                body.put("expiresAt", expiresAt);
                                body.put("signalPath", "/api/v1/rooms/" + access.room().id() + "/signal");
                                return body;
                            }));
                })
                .flatMap(body -> ServerResponse.status(201).contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    Mono<ServerResponse> recordings(ServerRequest request) {
        return roomForUser(request)
                .flatMap(access -> repository.recordings(access.room().id()).collectList())
                .flatMap(list -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("recordings", list)));
    }

    /** GeoJSON of the cooperatives with rooms that have not ended, for the map; it names no person. */
    Mono<ServerResponse> places(ServerRequest request) {
        return repository.places(Instant.now())
                .map(place -> {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    properties.put("cooperativeId", place.cooperativeId());
                    properties.put("name", place.name());
                    properties.put("roomCount", place.roomCount());
                    properties.put("liveCount", liveRooms.liveRoomCount(place.cooperativeId()));
                    properties.put("nextStart", place.nextStart());
                    Map<String, Object> feature = new LinkedHashMap<>();
                    feature.put("type", "Feature");
                    feature.put("id", place.cooperativeId());
                    feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(place.lon(), place.lat())));
                    feature.put("properties", properties);
                    return feature;
                })
                .collectList()
                .flatMap(features -> ServerResponse.ok().contentType(MediaType.valueOf("application/geo+json"))
                        .bodyValue(Map.of("type", "FeatureCollection", "features", features)));
    }

    /** Loads the room of the path and checks that the current user has a role in it. */
    private Mono<RoomForUser> roomForUser(ServerRequest request) {
        UUID roomId = RoomInput.roomId(request.pathVariable("id"));
        return CurrentUsers.current().flatMap(user -> repository.find(roomId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No room with id " + roomId + ".")))
                .flatMap(room -> repository.inviteeRole(roomId, user.id())
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .map(invitee -> new RoomForUser(user, room,
                                RoomAccess.requireRole(user, room, invitee.orElse(null))))));
    }

    private Map<String, Object> summary(RoomRecord room, ParticipantRole role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", room.id());
        body.put("cooperativeId", room.cooperativeId());
        body.put("cooperativeName", room.cooperativeName());
        body.put("topic", room.topic());
        body.put("startsAt", room.startsAt());
        body.put("durationMinutes", room.durationMinutes());
        body.put("endsAt", room.endsAt());
        body.put("status", status(room));
        body.put("participantCount", liveRooms.participantCount(room.id()));
        body.put("recordingRetentionDays", room.recordingRetentionDays());
        if (role != null) {
            body.put("yourRole", RoomRepository.roleName(role));
        }
        return body;
    }

    private Map<String, Object> detail(RoomRecord room, ParticipantRole role, List<Invitee> invitees) {
        Map<String, Object> body = summary(room, role);
        body.put("invitedMembers", invitees.stream()
                .map(invitee -> {
                    Map<String, Object> member = new LinkedHashMap<>();
                    member.put("accountId", invitee.accountId());
                    member.put("role", RoomRepository.roleName(invitee.role()));
                    return member;
                })
                .toList());
        body.put("signalPath", "/api/v1/rooms/" + room.id() + "/signal");
        return body;
    }

    /** {@code live} while someone is connected, {@code upcoming} until the scheduled end, {@code past} after it. */
    private String status(RoomRecord room) {
        if (liveRooms.participantCount(room.id()) > 0) {
            return "live";
        }
        if (room.endedAt() == null && Instant.now().isBefore(room.endsAt())) {
            return "upcoming";
        }
        return "past";
    }

    private static int limit(ServerRequest request) {
        String value = request.queryParam("limit").orElse(null);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw InvalidParameterException.of("limit", "limit '" + RoomInput.clip(value) + "' is not an integer from 1 to "
                + MAX_LIMIT + ".");
    }

    private record RoomForUser(CurrentUser user, RoomRecord room, ParticipantRole role) {
    }
}
