package vn.langso.backend.accounts;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.UnauthorizedException;
import vn.langso.backend.security.ClientAddress;
import vn.langso.backend.security.CurrentUsers;

/** Sign-in endpoints under {@code /api/v1/auth}: request parsing and responses; the rules are in {@link AuthService}. */
@Component
class AuthHandler {

    private final AuthService service;

    AuthHandler(AuthService service) {
        this.service = service;
    }

    /** {@code POST /api/v1/auth/token} with {@code {"username", "password"}}. */
    Mono<ServerResponse> passwordToken(ServerRequest request) {
        return JsonBody.read(request).flatMap(body -> {
            String username = body.requiredText("username", 64);
            String password = body.secret("password", PasswordHasher.MAX_LENGTH);
            body.throwIfInvalid();
            String normalized = Usernames.normalize(username);
            if (!Usernames.isValid(normalized)) {
                // A name that cannot exist is a wrong credential, not a malformed request, so it is rate limited too.
                normalized = "invalid:" + normalized.hashCode();
            }
            return service.signInWithPassword(normalized, password, client(request));
        }).flatMap(AuthHandler::ok);
    }

    /** {@code POST /api/v1/auth/phone/code} with {@code {"phone"}}: sends a one-time code; 202 without a body. */
    Mono<ServerResponse> phoneCode(ServerRequest request) {
        return JsonBody.read(request).flatMap(body -> {
            String phone = phone(body);
            return service.sendCode(phone, client(request))
                    .then(ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("phone", PhoneNumbers.masked(phone),
                                    "expires_in", OneTimeCodes.LIFETIME.toSeconds())));
        });
    }

    /** {@code POST /api/v1/auth/phone/token} with {@code {"phone", "code"}}. */
    Mono<ServerResponse> phoneToken(ServerRequest request) {
        return JsonBody.read(request).flatMap(body -> {
            String phone = phone(body);
            String code = body.requiredText("code", 16);
            body.throwIfInvalid();
            if (!code.matches("[0-9]{6}")) {
                throw InvalidParameterException.of("code", "Field 'code' must be the six digits sent to the phone.");
            }
            return service.signInWithCode(phone, code, client(request));
        }).flatMap(AuthHandler::ok);
    }

    /** {@code POST /api/v1/auth/refresh} with {@code {"refresh_token"}}. */
    Mono<ServerResponse> refresh(ServerRequest request) {
        return JsonBody.read(request).flatMap(body -> {
            String token = body.requiredText("refresh_token", 4096);
            body.throwIfInvalid();
            return service.refresh(token);
        }).flatMap(AuthHandler::ok);
    }

    /** {@code GET /api/v1/auth/me}: the user of the bearer token. */
    Mono<ServerResponse> me(ServerRequest request) {
        return CurrentUsers.current().flatMap(user -> {
            if (user.isAnonymous()) {
                return Mono.error(new UnauthorizedException("Send a bearer token to see who it belongs to."));
            }
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(UserView.of(user));
        });
    }

    private static String phone(JsonBody body) {
        String raw = body.requiredText("phone", 32);
        body.throwIfInvalid();
        return PhoneNumbers.normalize(raw).orElseThrow(() -> InvalidParameterException.of("phone",
                "Field 'phone' value '" + JsonBody.shorten(raw) + "' is not a Vietnamese mobile number; write it as "
                        + "0912345678 or +84912345678."));
    }

    private static String client(ServerRequest request) {
        return ClientAddress.of(request.exchange().getRequest());
    }

    private static Mono<ServerResponse> ok(TokenResponse tokens) {
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .bodyValue(tokens);
    }
}
