package vn.langso.backend.cameras;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import vn.langso.backend.problems.UnauthorizedException;

/**
 * Decides whether a request to the camera ingest API comes from a configured camera agent. Agent keys are separate
 * from user credentials. Only SHA-256 digests of the keys are kept in memory, and digests are compared in constant
 * time.
 */
@Component
class CameraIngestAccess {

    private static final Logger log = LoggerFactory.getLogger(CameraIngestAccess.class);
    private static final String BEARER = "Bearer ";
    /** Shortest accepted key: shorter keys are too easy to guess. */
    static final int MIN_KEY_LENGTH = 16;

    private final List<byte[]> keyDigests;

    CameraIngestAccess(CameraProperties properties) {
        List<String> keys = new ArrayList<>(properties.agentKeys());
        if (properties.agentKeysFile() != null) {
            keys.addAll(readKeyFile(properties));
        }
        List<byte[]> digests = new ArrayList<>();
        for (String key : keys) {
            String trimmed = key.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException("A camera agent key in langso.cameras.agent-keys has " + trimmed.length()
                        + " characters; use at least " + MIN_KEY_LENGTH + " random characters");
            }
            digests.add(sha256(trimmed));
        }
        this.keyDigests = List.copyOf(digests);
        if (keyDigests.isEmpty()) {
            log.warn("No camera agent keys configured (langso.cameras.agent-keys); the camera ingest API rejects every request");
        } else {
            log.info("Camera ingest accepts {} agent key(s)", keyDigests.size());
        }
    }

    /**
     * Checks the {@code Authorization: Bearer KEY} header.
     *
     * @throws UnauthorizedException when the header is missing, malformed or names an unknown key
     */
    void requireAgent(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException("The camera ingest API needs the header 'Authorization: Bearer KEY' "
                    + "with a configured agent key (langso.cameras.agent-keys).");
        }
        byte[] digest = sha256(authorization.substring(BEARER.length()).strip());
        boolean known = false;
        for (byte[] candidate : keyDigests) {
            // No early exit, so that the time taken does not reveal which key matched.
            known |= MessageDigest.isEqual(candidate, digest);
        }
        if (!known) {
            throw new UnauthorizedException("The agent key is not known to this server. Check the agent's "
                    + "backend key against langso.cameras.agent-keys.");
        }
    }

    private static List<String> readKeyFile(CameraProperties properties) {
        try {
            return Files.readAllLines(properties.agentKeysFile(), StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the camera agent key file " + properties.agentKeysFile()
                    + " (langso.cameras.agent-keys-file): " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
