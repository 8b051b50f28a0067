package vn.langso.backend.accounts;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id password hashes (Spring Security's parameters of version 5.8: 16 MiB of memory, 2 iterations). Hashing
 * takes tens of milliseconds of CPU, so it runs on the bounded elastic scheduler, never on an event loop.
 */
@Component
class PasswordHasher {

    /** Shortest password accepted for a new account. */
    static final int MIN_LENGTH = 12;
    /** Maximum password length, so that a huge input cannot make hashing expensive. */
    static final int MAX_LENGTH = 256;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Compared against when the account does not exist, so that a miss takes as long as a wrong password. */
    private final String unknownUserHash = encoder.encode("not a password of any account");

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Checks the password against the hash; a {@code null} hash (no password set) never matches. */
    Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
            boolean matched = encoder.matches(password, hash == null ? unknownUserHash : hash);
            return matched && hash != null;
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
