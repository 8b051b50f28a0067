package vn.langso.backend.cameras;

import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.ForbiddenException;
import vn.langso.backend.problems.UnauthorizedException;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.CurrentUsers;
import vn.langso.backend.security.Role;

/**
 * Who may see which camera data. Camera positions, status, counts and the list of violations (type, class, time) are
 * public. Detections (the tracing search) and violation snapshots can follow or show people and number plates, so
 * only a province administrator sees them everywhere and a commune official for the cameras of their communes.
 */
@Component
class CameraAccess {

    /** The cameras whose detections and snapshots a user may see. */
    record Scope(boolean allCommunes, Set<String> communeCodes) {

        boolean covers(String communeCode) {
            return allCommunes || (communeCode != null && communeCodes.contains(communeCode));
        }
    }

    /** Returns the user's scope for detections and snapshots, or fails with 401 or 403. */
    Mono<Scope> sensitiveScope(String resource) {
        return CurrentUsers.current().map(user -> scopeOf(user, resource));
    }

    /** Fails with 401 or 403 unless the user may see sensitive data of a camera in this commune. */
    Mono<Void> requireSensitive(String resource, String communeCode) {
        return sensitiveScope(resource).flatMap(scope -> scope.covers(communeCode) ? Mono.empty()
                : Mono.error(forbidden(resource)));
    }

    private static Scope scopeOf(CurrentUser user, String resource) {
        if (user.isAnonymous()) {
            throw new UnauthorizedException(resource
                    + " may show people and number plates; sign in as a commune official or province administrator.");
        }
        if (user.has(Role.PROVINCE_ADMIN)) {
            return new Scope(true, Set.of());
        }
        if (user.has(Role.COMMUNE_OFFICIAL) && !user.communeCodes().isEmpty()) {
            return new Scope(false, user.communeCodes());
        }
        throw forbidden(resource);
    }

    private static ForbiddenException forbidden(String resource) {
        return new ForbiddenException(resource
                + " is shown only to province administrators and to officials of the camera's commune.");
    }
}
