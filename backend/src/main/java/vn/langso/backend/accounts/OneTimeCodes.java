package vn.langso.backend.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Six-digit sign-in codes for phones: one pending code per phone, valid for {@link #LIFETIME}, at most
 * {@link #MAX_ATTEMPTS} guesses. Only a SHA-256 hash of phone and code is stored.
 */
@Component
class OneTimeCodes {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    private final DatabaseClient database;
    private final OneTimeCodeSender sender;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(DatabaseClient database, OneTimeCodeSender sender) {
        this.database = database;
        this.sender = sender;
    }

    /** Creates a code for the phone, replacing any pending one, stores its hash and sends it. */
    Mono<Void> issue(String phone) {
        // SecureRandom may read the OS entropy source, which counts as blocking on an event loop.
        return Mono.fromCallable(() -> String.format("%06d", random.nextInt(1_000_000)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(code -> database.sql("""
                                INSERT INTO one_time_code (phone, code_hash, expires_at, attempts)
                                VALUES (:phone, :hash, now() + make_interval(secs => :seconds), 0)
                                ON CONFLICT (phone) DO UPDATE
                                   SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,
                                       attempts = 0, created_at = now()""")
                        .bind("phone", phone).bind("hash", hash(phone, code)).bind("seconds", (double) LIFETIME.toSeconds())
                        .then()
                        .then(sender.send(phone, code)));
    }

    /**
     * Checks a code: true and the code is used up when it matches the pending, unexpired code of the phone;
     * false otherwise, and a wrong guess counts towards {@link #MAX_ATTEMPTS}.
     */
    Mono<Boolean> verify(String phone, String code) {
        String givenHash = hash(phone, code);
        return database.sql("""
                        UPDATE one_time_code SET attempts = attempts + 1
                         WHERE phone = :phone AND expires_at > now() AND attempts < :maxAttempts
                        RETURNING code_hash""")
                .bind("phone", phone).bind("maxAttempts", MAX_ATTEMPTS)
                .map(row -> row.get("code_hash", String.class)).one()
                .flatMap(stored -> {
                    boolean matched = MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                            givenHash.getBytes(StandardCharsets.US_ASCII));
                    if (!matched) {
                        return Mono.just(false);
                    }
                    return database.sql("DELETE FROM one_time_code WHERE phone = :phone").bind("phone", phone)
                            .then().thenReturn(true);
                })
                .defaultIfEmpty(false);
    }

    private static String hash(String phone, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((phone + ':' + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
