package vn.langso.backend.accounts;

import org.springframework.stereotype.Component;
import vn.langso.backend.problems.ForbiddenException;
import vn.langso.backend.problems.UnauthorizedException;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;

/** Access rule of account management: only province administrators manage accounts, roles and scopes. */
@Component
class AccountAccess {

    /** Fails with 401 for an anonymous user and 403 for anyone but a province administrator. */
    void checkAdminister(CurrentUser user) {
        if (user.isAnonymous()) {
            throw new UnauthorizedException("Managing accounts needs a signed-in province administrator.");
        }
        if (!user.has(Role.PROVINCE_ADMIN)) {
            throw new ForbiddenException("Only a province administrator may list, create or change accounts.");
        }
    }
}
