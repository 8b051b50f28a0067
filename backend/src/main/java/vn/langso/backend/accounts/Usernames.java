package vn.langso.backend.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Sign-in names of staff accounts: 3 to 64 lower-case ASCII letters, digits, dots, hyphens or underscores. */
final class Usernames {

    static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private Usernames() {
    }

    /** Returns the name in lower case; sign-in is case-insensitive. */
    static String normalize(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isValid(String normalized) {
        return VALID.matcher(normalized).matches();
    }
}
