package vn.langso.backend.accounts;

import reactor.core.publisher.Mono;

/**
 * Delivers a one-time sign-in code to a phone. The repository's implementation writes it to the log. An SMS or
 * Zalo gateway is another bean of this type, and it replaces the logging one.
 */
public interface OneTimeCodeSender {

    /**
     * Sends the code; completes when the gateway accepted it.
     *
     * @param phone the number in E.164 form, for example {@code +84912345678}
     * @param code  six digits, valid for a few minutes
     */
    Mono<Void> send(String phone, String code);
}
