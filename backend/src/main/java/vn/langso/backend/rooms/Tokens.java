package vn.langso.backend.rooms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens for invitation links, join tokens and participant ids, and the SHA-256 hashes under which tokens
 * are stored. The generator is a DRBG seeded when this class loads, which reads the operating system's entropy
 * source: {@link #initialize} makes that happen while the application starts, never on an event-loop thread.
 */
final class Tokens {

    /** 256 bits: too many to guess even without rate limits. */
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = seededRandom();

    private Tokens() {
    }

    /** Loads the class and seeds the generator; call it from a constructor of a bean that uses tokens. */
    static void initialize() {
        RANDOM.nextInt();
    }

    /** Returns a new URL-safe token of 43 characters. */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns a new participant id of 16 hexadecimal digits, unique within a room with overwhelming probability. */
    static String newParticipantId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Returns whether the text has the shape of a token from {@link #newToken}, so that other text is rejected unhashed. */
    static boolean isWellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(Tokens::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static SecureRandom seededRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[1]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The DRBG random generator is missing from this Java runtime", e);
        }
    }
}
