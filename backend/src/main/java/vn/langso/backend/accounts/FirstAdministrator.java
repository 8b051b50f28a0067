package vn.langso.backend.accounts;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.langso.backend.audit.AuditEntry;
import vn.langso.backend.audit.AuditLog;
import vn.langso.backend.problems.ConflictException;
import vn.langso.backend.security.Role;

/** Creates the first province administrator, once: there is no default account and no default password. */
@Service
class FirstAdministrator {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final AuditLog audit;

    FirstAdministrator(UserRepository users, PasswordHasher passwords, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Creates the account; fails with {@link ConflictException} when an enabled administrator already exists. */
    Mono<UserAccount> create(String username, String displayName, String password) {
        return users.countEnabledWithRole(Role.PROVINCE_ADMIN)
                .flatMap(admins -> admins > 0
                        ? Mono.error(new ConflictException("A province administrator already exists; manage further "
                                + "accounts through /api/v1/admin/users or the administration page."))
                        : passwords.hash(password))
                .flatMap(hash -> users.insert(new UserRepository.NewAccount(username, null, displayName, hash,
                        Set.of(Role.PROVINCE_ADMIN), UserAccount.Scopes.NONE)))
                .flatMap(created -> audit.record(new AuditEntry(null, "command line", "account.create",
                                AuditEntry.Outcome.SUCCESS, "user:" + created.id(), "local",
                                Map.of("roles", java.util.List.of("province_admin"), "method", "create-admin")))
                        .thenReturn(created));
    }
}
