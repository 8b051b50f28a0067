package vn.langso.backend.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Development sender: writes each code to the log (logger {@code vn.langso.backend.accounts.OneTimeCodes}) and keeps
 * the last code per phone in memory, where tests read it with {@link #lastCode}. Use it only where the log is as
 * private as the phones, because a code in the log signs in as its phone's owner.
 */
public class LoggingOneTimeCodeSender implements OneTimeCodeSender {

    private static final Logger log = LoggerFactory.getLogger("vn.langso.backend.accounts.OneTimeCodes");

    private final Map<String, String> lastCodes = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> send(String phone, String code) {
        return Mono.fromRunnable(() -> {
            lastCodes.put(phone, code);
            log.info("One-time code for {}: {}", PhoneNumbers.masked(phone), code);
        });
    }

    /** Returns the last code sent to the phone (E.164 form), for tests and local trials. */
    public Optional<String> lastCode(String phone) {
        return Optional.ofNullable(lastCodes.get(phone));
    }
}
