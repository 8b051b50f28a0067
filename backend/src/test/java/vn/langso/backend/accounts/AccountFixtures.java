package vn.langso.backend.accounts;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** SQL for accounts that API tests insert directly, with Argon2id hashes made as the application makes them. */
final class AccountFixtures {

    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    private AccountFixtures() {
    }

    /** An INSERT of an enabled account with a password; {@code roles} and {@code communes} are SQL array literals. */
    static String insertUser(String username, String password, String roles, String communes) {
        return "INSERT INTO app_user (username, display_name, password_hash, roles, commune_codes) VALUES ('"
                + username + "', 'Người dùng " + username + "', '" + ENCODER.encode(password) + "', '" + roles
                + "', '" + communes + "')";
    }

    /** An INSERT of a current commune with a small square polygon, so that scopes can name it. */
    static String insertCommune(String code, String name) {
        return "INSERT INTO admin_unit (code, name, level, valid_from, geom) VALUES ('" + code + "', '" + name
                + "', 'commune', '2025-07-01', ST_Multi(ST_MakeEnvelope(105.60, 10.40, 105.70, 10.50, 4326)))";
    }
}
