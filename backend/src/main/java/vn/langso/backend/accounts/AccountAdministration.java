package vn.langso.backend.accounts;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.audit.AuditEntry;
import vn.langso.backend.audit.AuditEntry.Outcome;
import vn.langso.backend.audit.AuditLog;
import vn.langso.backend.problems.ConflictException;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;
import vn.langso.backend.security.TokenClaims;
import vn.langso.backend.web.Page;

/**
 * Account management for province administrators: creating accounts and changing roles, scopes and whether an
 * account may sign in. Every change and every read of an account's personal data is audited.
 */
@Service
class AccountAdministration {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final AuditLog audit;

    AccountAdministration(UserRepository users, PasswordHasher passwords, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    Mono<UserAccount> create(CurrentUser admin, String client, String username, String phone, String displayName,
                             String password, RoleAssignment assignment) {
        return checkCommunes(assignment)
                .then(password == null ? Mono.just("") : passwords.hash(password))
                .flatMap(hash -> users.insert(new UserRepository.NewAccount(username, phone, displayName,
                        hash.isEmpty() ? null : hash, assignment.roles(), assignment.scopes())))
                .onErrorMap(DataIntegrityViolationException.class, error -> duplicate(username, phone))
                .onErrorMap(R2dbcDataIntegrityViolationException.class, error -> duplicate(username, phone))
                .flatMap(created -> audit.record(entry(admin, "account.create", created.id(), client)
                        .withDetails(assignmentDetails(null, created))).thenReturn(created));
    }

    Mono<UserAccount> get(CurrentUser admin, UUID id, String client) {
        return users.findById(id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(account -> audit.record(entry(admin, "account.read", id, client)).thenReturn(account));
    }

    Mono<List<UserAccount>> list(CurrentUser admin, String search, Role role, Page page, String client) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (search != null) {
            details.put("search", search);
        }
        if (role != null) {
            details.put("role", TokenClaims.roleName(role));
        }
        AuditEntry read = AuditEntry.of(admin, "account.list", Outcome.SUCCESS, "app_user", client).withDetails(details);
        return audit.record(read).then(users.list(search, role, page).collectList());
    }

    Mono<Long> count(String search, Role role) {
        return users.count(search, role);
    }

    /** Replaces roles and scopes; refuses to take the administrator role from the last enabled administrator. */
    Mono<UserAccount> updateRoles(CurrentUser admin, UUID id, RoleAssignment assignment, String client) {
        return checkCommunes(assignment)
                .then(users.findById(id))
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(before -> guardLastAdmin(before, assignment.roles().contains(Role.PROVINCE_ADMIN))
                        .then(users.updateRoles(id, assignment.roles(), assignment.scopes()))
                        .flatMap(after -> audit.record(entry(admin, "account.role-change", id, client)
                                .withDetails(assignmentDetails(before, after))).thenReturn(after)));
    }

    Mono<UserAccount> updateEnabled(CurrentUser admin, UUID id, boolean enabled, String client) {
        return users.findById(id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(before -> guardLastAdmin(before, enabled)
                        .then(users.updateEnabled(id, enabled))
                        .flatMap(after -> audit.record(entry(admin, enabled ? "account.enable" : "account.disable", id, client))
                                .thenReturn(after)));
    }

    /** Fails with 409 when the change would leave the province without an enabled administrator. */
    private Mono<Void> guardLastAdmin(UserAccount before, boolean staysAdmin) {
        if (staysAdmin || !before.enabled() || !before.roles().contains(Role.PROVINCE_ADMIN)) {
            return Mono.empty();
        }
        return users.countEnabledWithRole(Role.PROVINCE_ADMIN).flatMap(admins -> admins <= 1
                ? Mono.error(new ConflictException("Account " + before.id() + " is the last enabled province "
                        + "administrator; make another account administrator first."))
                : Mono.empty());
    }

    private Mono<Void> checkCommunes(RoleAssignment assignment) {
        if (assignment.scopes().communeCodes().isEmpty()) {
            return Mono.empty();
        }
        Flux<String> unknown = users.unknownCommuneCodes(assignment.scopes().communeCodes());
        return unknown.collectList().flatMap(codes -> codes.isEmpty() ? Mono.empty()
                : Mono.error(InvalidParameterException.of("communeCodes", "No current commune has the code(s) "
                        + String.join(", ", codes) + "; use codes from GET /api/v1/communes.")));
    }

    private static AuditEntry entry(CurrentUser admin, String action, UUID target, String client) {
        return AuditEntry.of(admin, action, Outcome.SUCCESS, "user:" + target, client);
    }

    private static Map<String, Object> assignmentDetails(UserAccount before, UserAccount after) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (before != null) {
            details.put("before", UserView.of(before.toCurrentUser()));
        }
        details.put("after", UserView.of(after.toCurrentUser()));
        return details;
    }

    private static ConflictException duplicate(String username, String phone) {
        return new ConflictException("An account with user name '" + username + "' or phone "
                + (phone == null ? "(none)" : PhoneNumbers.masked(phone)) + " already exists; choose another one.");
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No account has id " + id + "; list accounts with GET /api/v1/admin/users.");
    }
}
