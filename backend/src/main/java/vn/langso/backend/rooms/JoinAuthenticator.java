package vn.langso.backend.rooms;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.security.CurrentUser;
import vn.langso.conferencing.ParticipantRole;

/**
 * Decides from a {@code join} message who a new connection is and whether it enters the room or its lobby: a
 * member's single-use join token, an invitation link's token, or the account that opened the WebSocket.
 */
@Component
class JoinAuthenticator {

    static final int MAX_NAME_LENGTH = 60;

    private final RoomRepository repository;

    JoinAuthenticator(RoomRepository repository) {
        this.repository = repository;
    }

    /** The identity and role of a joining person, and whether a moderator must admit them first. */
    record Admission(String displayName, String accountId, ParticipantRole role, boolean lobby, UUID invitationId) {
    }

    Mono<Admission> authenticate(UUID roomId, CurrentUser user, JsonNode join) {
        return repository.find(roomId)
                .switchIfEmpty(Mono.error(() -> SignalException.fatal(SignalCodes.ROOM_NOT_FOUND,
                        "No room with id " + roomId + ".")))
                .flatMap(room -> {
                    if (room.endedAt() != null) {
                        return Mono.error(SignalException.fatal(SignalCodes.ROOM_NOT_FOUND, "Room " + roomId
                                + " has ended."));
                    }
                    if (join.hasNonNull("token")) {
                        return withJoinToken(roomId, join.path("token").asString(""));
                    }
                    if (join.hasNonNull("invitation")) {
                        return withInvitation(roomId, join);
                    }
                    return asAccount(room, user);
                });
    }

    private Mono<Admission> withJoinToken(UUID roomId, String token) {
        if (!Tokens.isWellFormed(token)) {
            return Mono.error(SignalException.fatal(SignalCodes.TOKEN_INVALID, "The join token is malformed; "
                    + "request a new one with POST /api/v1/rooms/" + roomId + "/join-tokens."));
        }
        return repository.useJoinToken(roomId, Tokens.hash(token))
                .map(identity -> new Admission(identity.displayName(), identity.accountId(), identity.role(), false, null))
                .switchIfEmpty(Mono.error(() -> SignalException.fatal(SignalCodes.TOKEN_INVALID, "The join token is "
                        + "unknown, expired, already used or for another room; request a new one with POST "
                        + "/api/v1/rooms/" + roomId + "/join-tokens.")));
    }

    private Mono<Admission> withInvitation(UUID roomId, JsonNode join) {
        String token = join.path("invitation").asString("");
        String name = RoomInput.cleanText(join.path("name").asString(""));
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return Mono.error(SignalException.fatal(SignalCodes.INVALID_MESSAGE, "A guest joining with an invitation "
                    + "needs a name of 1 to " + MAX_NAME_LENGTH + " characters in the join message's name member."));
        }
        if (!Tokens.isWellFormed(token)) {
            return Mono.error(SignalException.fatal(SignalCodes.INVITATION_INVALID, "The invitation token is malformed; "
                    + "copy the whole invitation link or ask the moderator for a new one."));
        }
        byte[] hash = Tokens.hash(token);
        return repository.useInvitation(roomId, hash)
                .map(used -> new Admission(name, null, used.role(), used.requiresAdmission(), used.id()))
                .switchIfEmpty(Mono.defer(() -> repository.invitationState(roomId, hash)
                        .flatMap(state -> Mono.error(SignalException.fatal(SignalCodes.INVITATION_INVALID,
                                "The invitation is " + state + "; ask the moderator for a new one.")))));
    }

    private Mono<Admission> asAccount(RoomRecord room, CurrentUser user) {
        if (user.isAnonymous()) {
            return Mono.error(SignalException.fatal(SignalCodes.INVITATION_REQUIRED, "Joining room " + room.id()
                    + " needs an invitation or a join token; send {\"type\":\"join\",\"invitation\":\"...\","
                    + "\"name\":\"...\"} or {\"type\":\"join\",\"token\":\"...\"}."));
        }
        return repository.inviteeRole(room.id(), user.id())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(invitee -> RoomAccess.roleIn(user, room, invitee.orElse(null))
                        .map(role -> Mono.just(new Admission(user.displayName().isBlank() ? "Thành viên"
                                : user.displayName(), user.id(), role, false, null)))
                        .orElseGet(() -> Mono.error(SignalException.fatal(SignalCodes.FORBIDDEN, "This account is "
                                + "neither a member of cooperative " + room.cooperativeId() + " nor invited to room "
                                + room.id() + "; ask a moderator for an invitation."))));
    }
}
