package vn.langso.backend.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HMAC-SHA256 key that signs and verifies the backend's own tokens. */
public final class SigningKey {

    /** Shortest key accepted: HS256 needs at least 256 bits (RFC 7518, section 3.2). */
    public static final int MIN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final SecretKey key;

    private SigningKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Wraps the given key bytes, rejecting keys shorter than {@link #MIN_BYTES}. */
    public static SigningKey of(byte[] bytes, String source) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("The JWT signing key from " + source + " has " + bytes.length
                    + " bytes; at least " + MIN_BYTES + " are required (for example: openssl rand -base64 48)");
        }
        return new SigningKey(bytes.clone());
    }

    /**
     * Reads the key from the configured secret or file, or generates one for this run when neither is set. A
     * generated key is not stored, so tokens issued before a restart are rejected after it.
     */
    static SigningKey from(SecurityProperties.Jwt settings) {
        if (settings.secret() != null && !settings.secret().isEmpty()) {
            return of(settings.secret().getBytes(StandardCharsets.UTF_8), "LANGSO_JWT_SECRET");
        }
        if (settings.secretFile() != null && !settings.secretFile().toString().isEmpty()) {
            try {
                String content = Files.readString(settings.secretFile(), StandardCharsets.UTF_8).strip();
                return of(content.getBytes(StandardCharsets.UTF_8), "file " + settings.secretFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read the JWT signing key file " + settings.secretFile()
                        + "; check LANGSO_JWT_SECRET_FILE and the file's permissions", e);
            }
        }
        byte[] generated = new byte[48];
        new SecureRandom().nextBytes(generated);
        log.warn("No JWT signing key configured (LANGSO_JWT_SECRET or LANGSO_JWT_SECRET_FILE): generated one for "
                + "this run, so issued tokens will not be accepted after a restart");
        return new SigningKey(generated);
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "SigningKey[HmacSHA256, redacted]";
    }
}
