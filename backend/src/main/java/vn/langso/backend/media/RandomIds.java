package vn.langso.backend.media;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Random ids and tokens from a DRBG seeded once when the class loads. The JDK's default generator reads
 * {@code /dev/urandom} on every call, which is a blocking read on an event-loop thread; this one does not reseed.
 */
public final class RandomIds {

    private static final SecureRandom RANDOM = create();

    private RandomIds() {
    }

    /** Loads the class and seeds its generator; call it at start-up, off the event loops. */
    public static void seed() {
        RANDOM.nextInt();
    }

    /** Returns a random (version 4) UUID. */
    public static UUID uuid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40);
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** Returns 192 random bits as URL-safe base64 without padding. */
    public static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static SecureRandom create() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            // The DRBG seeds itself on first use; do it here, so that it never happens on an event-loop thread.
            random.nextBytes(new byte[1]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no DRBG SecureRandom", e);
        }
    }
}
