package vn.langso.backend.audit;

import org.springframework.stereotype.Component;
import vn.langso.backend.problems.ForbiddenException;
import vn.langso.backend.problems.UnauthorizedException;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;

/** Access rule of the audit log: only province administrators search it. */
@Component
class AuditAccess {

    /** Fails with 401 for an anonymous user and 403 for anyone but a province administrator. */
    void checkSearch(CurrentUser user) {
        if (user.isAnonymous()) {
            throw new UnauthorizedException("Searching the audit log needs a signed-in province administrator.");
        }
        if (!user.has(Role.PROVINCE_ADMIN)) {
            throw new ForbiddenException("Only a province administrator may search the audit log.");
        }
    }
}
