package vn.langso.backend.rooms;

import vn.langso.conferencing.ParticipantRole;

/** An account invited to a room, with the role it gets there. */
record Invitee(String accountId, ParticipantRole role) {
}
