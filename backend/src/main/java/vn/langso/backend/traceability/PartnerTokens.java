package vn.langso.backend.traceability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Capture tokens of supply-chain partners whose software posts EPCIS events without a user account, sent in the
 * {@value #HEADER} header. They are set with {@code langso.traceability.partner-tokens} (environment variable
 * {@code LANGSO_TRACEABILITY_PARTNER_TOKENS}), comma-separated; none are accepted by default.
 *
 * <p>TODO: replace with partner accounts once the accounts feature issues credentials for organisations.
 */
@Component
public class PartnerTokens {

    public static final String HEADER = "X-EPCIS-Partner-Token";

    /** Shortest accepted token, so that a guessable value cannot be configured by mistake. */
    static final int MIN_LENGTH = 24;

    private static final Logger log = LoggerFactory.getLogger(PartnerTokens.class);

    private final List<byte[]> tokens;

    PartnerTokens(@Value("${langso.traceability.partner-tokens:}") String configured) {
        this.tokens = Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(token -> !token.isEmpty())
                .peek(token -> {
                    if (token.length() < MIN_LENGTH) {
                        throw new IllegalStateException("A partner token in langso.traceability.partner-tokens has "
                                + token.length() + " characters; use at least " + MIN_LENGTH + " random characters.");
                    }
                })
                .map(token -> token.getBytes(StandardCharsets.UTF_8))
                .toList();
        log.info("EPCIS capture accepts {} partner tokens", tokens.size());
    }

    /** True when the header value equals a configured token; compared in constant time. */
    public boolean accepts(String headerValue) {
        if (headerValue == null || headerValue.isEmpty()) {
            return false;
        }
        byte[] presented = headerValue.getBytes(StandardCharsets.UTF_8);
        boolean accepted = false;
        for (byte[] token : tokens) {
            accepted |= MessageDigest.isEqual(token, presented);
        }
        return accepted;
    }
}
