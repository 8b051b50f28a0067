package vn.langso.backend.accounts;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.security.ClientAddress;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.CurrentUsers;
import vn.langso.backend.security.Role;
import vn.langso.backend.security.TokenClaims;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.QueryParameters;

/** {@code /api/v1/admin/users}: request parsing and responses; access in {@link AccountAccess}, rules in {@link AccountAdministration}. */
@Component
class AdminUserHandler {

    private static final Set<String> LIST_PARAMETERS = Set.of("q", "role", "limit", "offset");

    private final AccountAccess access;
    private final AccountAdministration administration;

    AdminUserHandler(AccountAccess access, AccountAdministration administration) {
        this.access = access;
        this.administration = administration;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return admin().flatMap(admin -> {
            QueryParameters parameters = QueryParameters.of(request, LIST_PARAMETERS);
            String search = parameters.text("q", 100).orElse(null);
            Role role = parameters.string("role").map(name -> TokenClaims.parseRole(name).orElseThrow(() ->
                    InvalidParameterException.of("role", "Parameter 'role' value '" + QueryParameters.shorten(name)
                            + "' is not a role; use for example commune_official."))).orElse(null);
            Page page = parameters.page(50, 500);
            return Mono.zip(administration.list(admin, search, role, page, client(request)),
                            administration.count(search, role))
                    .flatMap(result -> {
                        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("numberMatched", result.getT2());
                        body.put("numberReturned", result.getT1().size());
                        body.put("users", result.getT1().stream().map(account -> UserView.of(account, now)).toList());
                        return json(body);
                    });
        });
    }

    /** {@code POST /api/v1/admin/users}: 201 with the account and its Location. */
    Mono<ServerResponse> create(ServerRequest request) {
        return admin().zipWith(JsonBody.read(request)).flatMap(both -> {
            CurrentUser admin = both.getT1();
            JsonBody body = both.getT2();
            String username = body.text("username", 64).map(Usernames::normalize).orElse(null);
            if (username != null && !Usernames.isValid(username)) {
                body.reject("username", "User name '" + JsonBody.shorten(username) + "' is invalid; use 3 to 64 "
                        + "letters a-z, digits, dots, hyphens or underscores, starting with a letter or digit.");
            }
            String phone = body.text("phone", 32).map(raw -> PhoneNumbers.normalize(raw).orElseGet(() -> {
                body.reject("phone", "'" + JsonBody.shorten(raw) + "' is not a Vietnamese mobile number; write it as "
                        + "0912345678 or +84912345678.");
                return null;
            })).orElse(null);
            String displayName = body.requiredText("displayName", 100);
            String password = body.text("password", PasswordHasher.MAX_LENGTH).isPresent()
                    ? body.secret("password", PasswordHasher.MAX_LENGTH) : null;
            if (password != null && password.codePointCount(0, password.length()) < PasswordHasher.MIN_LENGTH) {
                body.reject("password", "The password is shorter than " + PasswordHasher.MIN_LENGTH + " characters.");
            }
            if (username == null && phone == null) {
                body.reject("username", "Give a 'username' (staff signing in with a password) or a 'phone' (one-time codes).");
            }
            if (username != null && password == null) {
                body.reject("password", "An account with a user name needs a 'password' of at least "
                        + PasswordHasher.MIN_LENGTH + " characters.");
            }
            RoleAssignment assignment = RoleAssignment.read(body);
            body.throwIfInvalid();
            return administration.create(admin, client(request), username, phone, displayName, password, assignment);
        }).flatMap(created -> ServerResponse.created(URI.create("/api/v1/admin/users/" + created.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(UserView.of(created, OffsetDateTime.now(ZoneOffset.UTC))));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return admin().flatMap(admin -> administration.get(admin, id(request), client(request)))
                .flatMap(account -> json(UserView.of(account, OffsetDateTime.now(ZoneOffset.UTC))));
    }

    /** {@code PUT /api/v1/admin/users/{id}/roles}: replaces every role and scope. */
    Mono<ServerResponse> updateRoles(ServerRequest request) {
        return admin().zipWith(JsonBody.read(request)).flatMap(both -> {
            UUID id = id(request);
            RoleAssignment assignment = RoleAssignment.read(both.getT2());
            both.getT2().throwIfInvalid();
            return administration.updateRoles(both.getT1(), id, assignment, client(request));
        }).flatMap(account -> json(UserView.of(account, OffsetDateTime.now(ZoneOffset.UTC))));
    }

    /** {@code PUT /api/v1/admin/users/{id}/enabled} with {@code {"enabled": false}}; enabling also lifts a lockout. */
    Mono<ServerResponse> updateEnabled(ServerRequest request) {
        return admin().zipWith(JsonBody.read(request)).flatMap(both -> {
            UUID id = id(request);
            Boolean enabled = both.getT2().requiredBoolean("enabled");
            both.getT2().throwIfInvalid();
            return administration.updateEnabled(both.getT1(), id, enabled, client(request));
        }).flatMap(account -> json(UserView.of(account, OffsetDateTime.now(ZoneOffset.UTC))));
    }

    /** Returns the current user once {@link AccountAccess} allowed them; the check runs before the body is read. */
    private Mono<CurrentUser> admin() {
        return CurrentUsers.current().map(user -> {
            access.checkAdminister(user);
            return user;
        });
    }

    private static UUID id(ServerRequest request) {
        String raw = request.pathVariable("id");
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw InvalidParameterException.of("id", "Account id '" + QueryParameters.shorten(raw)
                    + "' is not a UUID; take ids from GET /api/v1/admin/users.");
        }
    }

    private static String client(ServerRequest request) {
        return ClientAddress.of(request.exchange().getRequest());
    }

    private static Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").bodyValue(body);
    }
}
