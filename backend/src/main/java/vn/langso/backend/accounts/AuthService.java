package vn.langso.backend.accounts;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.langso.backend.audit.AuditEntry;
import vn.langso.backend.audit.AuditEntry.Outcome;
import vn.langso.backend.audit.AuditLog;
import vn.langso.backend.problems.TooManyRequestsException;
import vn.langso.backend.problems.UnauthorizedException;
import vn.langso.backend.security.AccessTokens;
import vn.langso.backend.security.RateLimiter;
import vn.langso.backend.security.RateLimits;
import vn.langso.backend.security.Role;
import vn.langso.backend.security.SecurityProperties;
import vn.langso.backend.security.TokenVerifier;

/**
 * Sign-in of the embedded accounts: user name and password, phone and one-time code, and token refresh. Every
 * attempt is audited, wrong passwords and codes are rate limited per name or phone and per client address, and an account is
 * locked after {@code langso.security.limits.lockout-threshold} consecutive wrong passwords.
 */
@Service
class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final String WRONG_CREDENTIALS = "The user name or password is wrong, or the account is disabled.";

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final OneTimeCodes codes;
    private final AccessTokens tokens;
    private final TokenVerifier verifier;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final SecurityProperties.Limits lockout;
    private final AuditLog audit;

    AuthService(UserRepository users, PasswordHasher passwords, OneTimeCodes codes, AccessTokens tokens,
                TokenVerifier verifier, RateLimiter limiter, RateLimits limits, SecurityProperties properties,
                AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.codes = codes;
        this.tokens = tokens;
        this.verifier = verifier;
        this.limiter = limiter;
        this.limits = limits;
        this.lockout = properties.limits();
        this.audit = audit;
    }

    Mono<TokenResponse> signInWithPassword(String username, String password, String client) {
        AuditEntry attempt = new AuditEntry(null, username, "auth.sign-in", Outcome.FAILURE, "", client,
                Map.of("method", "password"));
        return limiter.ensureAvailable(limits.signInFailures(), "user:" + username)
                .then(limiter.ensureAvailable(limits.signInFailuresPerClient(), "client:" + client))
                .onErrorResume(TooManyRequestsException.class, error -> audit.record(deny(attempt, "rate-limited"))
                        .then(Mono.error(error)))
                .then(users.findByUsername(username).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(found -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    if (found.isPresent() && found.get().lockedAt(now)) {
                        UserAccount locked = found.get();
                        return audit.record(withActor(deny(attempt, "locked"), locked))
                                .then(Mono.error(lockedError(Duration.between(now, locked.lockedUntil()))));
                    }
                    String hash = found.map(UserAccount::passwordHash).orElse(null);
                    return passwords.matches(password, hash).flatMap(matched -> {
                        if (matched && found.get().enabled()) {
                            return succeed(found.get(), attempt);
                        }
                        String reason = "wrong-password";
                        if (found.isEmpty()) {
                            reason = "unknown-user";
                        } else if (matched) {
                            reason = "disabled";
                        }
                        return fail(found, attempt, reason, client, "user:" + username);
                    });
                });
    }

    /** Sends a one-time code to the phone, limited per phone and per client address. */
    Mono<Void> sendCode(String phone, String client) {
        AuditEntry sent = new AuditEntry(null, PhoneNumbers.masked(phone), "auth.code-sent", Outcome.SUCCESS, "", client,
                Map.of());
        return limiter.check(limits.oneTimeCodes(), "phone:" + phone)
                .then(limiter.check(limits.oneTimeCodesPerClient(), "client:" + client))
                .onErrorResume(TooManyRequestsException.class, error -> audit.record(deny(sent, "rate-limited"))
                        .then(Mono.error(error)))
                .then(codes.issue(phone))
                .then(audit.record(sent));
    }

    /** Signs in with a one-time code; a phone without an account gets a new citizen account. */
    Mono<TokenResponse> signInWithCode(String phone, String code, String client) {
        AuditEntry attempt = new AuditEntry(null, PhoneNumbers.masked(phone), "auth.sign-in", Outcome.FAILURE, "",
                client, Map.of("method", "one-time-code"));
        return limiter.ensureAvailable(limits.signInFailures(), "phone:" + phone)
                .then(limiter.ensureAvailable(limits.signInFailuresPerClient(), "client:" + client))
                .onErrorResume(TooManyRequestsException.class, error -> audit.record(deny(attempt, "rate-limited"))
                        .then(Mono.error(error)))
                .then(codes.verify(phone, code))
                .flatMap(valid -> {
                    if (!valid) {
                        limiter.record(limits.signInFailures(), "phone:" + phone);
                        limiter.record(limits.signInFailuresPerClient(), "client:" + client);
                        return audit.record(attempt.withDetails(Map.of("method", "one-time-code", "reason", "wrong-or-expired-code")))
                                .then(Mono.error(new UnauthorizedException("The code is wrong or expired. Ask for a new "
                                        + "code with POST /api/v1/auth/phone/code.")));
                    }
                    return users.findByPhone(phone)
                            .switchIfEmpty(Mono.defer(() -> createCitizen(phone, client)))
                            .flatMap(account -> account.enabled()
                                    ? succeed(account, attempt)
                                    : audit.record(withActor(deny(attempt, "disabled"), account))
                                            .then(Mono.error(new UnauthorizedException("This account is disabled. "
                                                    + "Ask the commune office to enable it."))));
                });
    }

    /** Issues new tokens for a refresh token, with the account's current roles. */
    Mono<TokenResponse> refresh(String refreshToken) {
        return verifier.refreshSubject(refreshToken)
                .flatMap(subject -> parseId(subject).map(users::findById).orElse(Mono.empty()))
                .filter(UserAccount::enabled)
                .switchIfEmpty(Mono.error(new UnauthorizedException("The account of this refresh token no longer "
                        + "exists or is disabled. Sign in again.")))
                .flatMap(this::issue);
    }

    private Mono<UserAccount> createCitizen(String phone, String client) {
        UserRepository.NewAccount account = new UserRepository.NewAccount(null, phone, "Công dân " + phone.substring(phone.length() - 3),
                null, java.util.Set.of(Role.CITIZEN), UserAccount.Scopes.NONE);
        return users.insert(account)
                .flatMap(created -> audit.record(new AuditEntry(created.id().toString(), PhoneNumbers.masked(phone),
                        "account.create", Outcome.SUCCESS, "user:" + created.id(), client,
                        Map.of("roles", java.util.List.of("citizen"), "method", "one-time-code"))).thenReturn(created));
    }

    private Mono<TokenResponse> succeed(UserAccount account, AuditEntry attempt) {
        if (account.username() != null) {
            limiter.reset(limits.signInFailures(), "user:" + account.username());
        }
        AuditEntry success = new AuditEntry(account.id().toString(), attempt.actorName(), attempt.action(),
                Outcome.SUCCESS, "user:" + account.id(), attempt.clientAddress(), attempt.details());
        return users.resetFailures(account.id())
                .then(audit.record(success))
                .then(issue(account));
    }

    private Mono<TokenResponse> fail(Optional<UserAccount> account, AuditEntry attempt, String reason, String client,
                                     String nameKey) {
        limiter.record(limits.signInFailures(), nameKey);
        limiter.record(limits.signInFailuresPerClient(), "client:" + client);
        AuditEntry failure = attempt.withDetails(Map.of("method", "password", "reason", reason));
        if (account.isEmpty() || !"wrong-password".equals(reason)) {
            return audit.record(account.map(found -> withActor(failure, found)).orElse(failure))
                    .then(Mono.error(new UnauthorizedException(WRONG_CREDENTIALS)));
        }
        UserAccount user = account.get();
        return users.recordFailure(user.id(), lockout.lockoutThreshold(), lockout.lockoutDuration())
                .defaultIfEmpty(Optional.empty())
                .flatMap(lockedUntil -> {
                    Mono<Void> recorded = audit.record(withActor(failure, user));
                    if (lockedUntil.isPresent()) {
                        log.warn("Account {} locked until {} after {} wrong passwords", user.id(), lockedUntil.get(),
                                lockout.lockoutThreshold());
                        recorded = recorded.then(audit.record(new AuditEntry(user.id().toString(), attempt.actorName(),
                                "account.lock", Outcome.SUCCESS, "user:" + user.id(), client,
                                Map.of("until", lockedUntil.get().toString()))));
                    }
                    return recorded.then(Mono.error(new UnauthorizedException(WRONG_CREDENTIALS)));
                });
    }

    private Mono<TokenResponse> issue(UserAccount account) {
        // Token ids come from SecureRandom, which may read the OS entropy source.
        return Mono.fromCallable(() -> TokenResponse.of(tokens.issueAccess(account.toCurrentUser()),
                        tokens.issueRefresh(account.id().toString()),
                        UserView.of(account, OffsetDateTime.now(ZoneOffset.UTC))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static AuditEntry deny(AuditEntry attempt, String reason) {
        Map<String, Object> details = new java.util.HashMap<>(attempt.details());
        details.put("reason", reason);
        return new AuditEntry(attempt.actorId(), attempt.actorName(), attempt.action(), Outcome.DENIED, attempt.target(),
                attempt.clientAddress(), details);
    }

    private static AuditEntry withActor(AuditEntry entry, UserAccount account) {
        return new AuditEntry(account.id().toString(), entry.actorName(), entry.action(), entry.outcome(),
                "user:" + account.id(), entry.clientAddress(), entry.details());
    }

    private static TooManyRequestsException lockedError(Duration remaining) {
        return new TooManyRequestsException("This account is locked after repeated wrong passwords. Wait until the "
                + "lockout ends (see Retry-After) or ask an administrator to enable it again.", remaining);
    }

    private static Optional<UUID> parseId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
