package vn.langso.backend.rooms;

import java.util.Optional;
import vn.langso.backend.problems.ForbiddenException;
import vn.langso.backend.problems.UnauthorizedException;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;
import vn.langso.conferencing.ParticipantRole;

/**
 * Decides who may do what with rooms, from the {@link CurrentUser} only. Province administrators may do everything.
 * Moderators of a cooperative run its rooms, and its members join them as speakers. Invited accounts join with the
 * role of their invitation. Guests without an account join only through an invitation link, checked by the signalling.
 */
final class RoomAccess {

    private RoomAccess() {
    }

    /** Returns whether the user may schedule rooms for the cooperative and manage their invitations. */
    static boolean canSchedule(CurrentUser user, long cooperativeId) {
        return user.has(Role.PROVINCE_ADMIN)
                || (user.has(Role.COOPERATIVE_MODERATOR) && user.cooperativeIds().contains(Long.toString(cooperativeId)));
    }

    /** Returns whether the user may list the rooms of the cooperative. */
    static boolean canList(CurrentUser user, long cooperativeId) {
        return canSchedule(user, cooperativeId) || isMember(user, cooperativeId);
    }

    /**
     * Returns the role the user has in the room, or empty when the user may not see or join it.
     *
     * @param inviteeRole the role of the user's personal invitation to this room, or {@code null}
     */
    static Optional<ParticipantRole> roleIn(CurrentUser user, RoomRecord room, ParticipantRole inviteeRole) {
        if (user.isAnonymous()) {
            return Optional.empty();
        }
        if (canSchedule(user, room.cooperativeId())) {
            return Optional.of(ParticipantRole.MODERATOR);
        }
        if (inviteeRole != null) {
            return Optional.of(inviteeRole);
        }
        if (isMember(user, room.cooperativeId())) {
            return Optional.of(ParticipantRole.SPEAKER);
        }
        return Optional.empty();
    }

    static void requireSchedule(CurrentUser user, long cooperativeId) {
        requireSignedIn(user);
        if (!canSchedule(user, cooperativeId)) {
            throw new ForbiddenException(denied(user) + " may not schedule rooms or invite people for cooperative "
                    + cooperativeId + "; only its moderators and province administrators may.");
        }
    }

    static void requireList(CurrentUser user, long cooperativeId) {
        requireSignedIn(user);
        if (!canList(user, cooperativeId)) {
            throw new ForbiddenException(denied(user) + " may not list the rooms of cooperative " + cooperativeId
                    + "; only its members, moderators and province administrators may.");
        }
    }

    static ParticipantRole requireRole(CurrentUser user, RoomRecord room, ParticipantRole inviteeRole) {
        requireSignedIn(user);
        return roleIn(user, room, inviteeRole).orElseThrow(() -> new ForbiddenException(denied(user)
                + " may not see or join room " + room.id() + "; only members of cooperative " + room.cooperativeId()
                + ", invited accounts and province administrators may. Guests join through an invitation link."));
    }

    /** Returns whether a participant with the role may mute, remove and admit others and start recordings. */
    static boolean canModerate(ParticipantRole role) {
        return role == ParticipantRole.MODERATOR;
    }

    private static boolean isMember(CurrentUser user, long cooperativeId) {
        boolean memberRole = user.has(Role.COOPERATIVE_MEMBER) || user.has(Role.COOPERATIVE_MODERATOR);
        return memberRole && user.cooperativeIds().contains(Long.toString(cooperativeId));
    }

    /** Rejects a caller without a token with 401, so that a client knows to sign in rather than give up. */
    private static void requireSignedIn(CurrentUser user) {
        if (user.isAnonymous()) {
            throw new UnauthorizedException("Rooms need a signed-in account: sign in first. Guests without an account "
                    + "join only through an invitation link.");
        }
    }

    private static String denied(CurrentUser user) {
        return user.isAnonymous() ? "An anonymous caller (sign in first)" : "This account";
    }
}
