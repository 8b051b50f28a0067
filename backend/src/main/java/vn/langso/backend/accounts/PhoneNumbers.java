package vn.langso.backend.accounts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers, accepted as people write them ({@code 0912 345 678}, {@code 0912.345.678},
 * {@code +84 912 345 678}, {@code 84912345678}) and stored in E.164 form ({@code +84912345678}). One-time codes go
 * by SMS or Zalo, so only mobile numbers (subscriber numbers starting with 3, 5, 7, 8 or 9) are accepted.
 */
final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()\\u00a0]");
    private static final Pattern MOBILE = Pattern.compile("[35789][0-9]{8}");

    private PhoneNumbers() {
    }

    /** Returns the number in E.164 form, or empty when it is not a Vietnamese mobile number. */
    static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String subscriber;
        if (digits.startsWith("+84")) {
            subscriber = digits.substring(3);
        } else if (digits.startsWith("0084")) {
            subscriber = digits.substring(4);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            subscriber = digits.substring(2);
        } else if (digits.startsWith("0")) {
            subscriber = digits.substring(1);
        } else {
            return Optional.empty();
        }
        return MOBILE.matcher(subscriber).matches() ? Optional.of("+84" + subscriber) : Optional.empty();
    }

    /** Returns the number with all but its last three digits hidden, for logs and messages. */
    static String masked(String e164) {
        if (e164.length() <= 6) {
            return "***";
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 6) + e164.substring(e164.length() - 3);
    }
}
