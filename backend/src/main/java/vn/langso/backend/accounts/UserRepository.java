package vn.langso.backend.accounts;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.security.Role;
import vn.langso.backend.security.TokenClaims;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.Page;

/** Reads and writes {@code app_user}. Roles are stored by their claim names ({@code commune_official}). */
@Repository
class UserRepository {

    private static final String COLUMNS = """
            id, username, phone, display_name, password_hash, roles, commune_codes, agency_codes, cooperative_ids,
            school_ids, clinic_ids, enabled, failed_sign_ins, locked_until, created_at""";

    private final DatabaseClient database;

    UserRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<UserAccount> findById(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id").bind("id", id)
                .map(UserRepository::toAccount).one();
    }

    Mono<UserAccount> findByUsername(String username) {
        return database.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username").bind("username", username)
                .map(UserRepository::toAccount).one();
    }

    Mono<UserAccount> findByPhone(String phone) {
        return database.sql("SELECT " + COLUMNS + " FROM app_user WHERE phone = :phone").bind("phone", phone)
                .map(UserRepository::toAccount).one();
    }

    /** Inserts an account and returns it as stored; a taken user name or phone fails with a duplicate-key error. */
    Mono<UserAccount> insert(NewAccount account) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO app_user (username, phone, display_name, password_hash, roles, commune_codes,
                                              agency_codes, cooperative_ids, school_ids, clinic_ids)
                        VALUES (:username, :phone, :displayName, :passwordHash, :roles, :communeCodes, :agencyCodes,
                                :cooperativeIds, :schoolIds, :clinicIds)
                        RETURNING\s""" + COLUMNS)
                .bind("displayName", account.displayName());
        insert = bindNullable(insert, "username", account.username());
        insert = bindNullable(insert, "phone", account.phone());
        insert = bindNullable(insert, "passwordHash", account.passwordHash());
        insert = bindRolesAndScopes(insert, account.roles(), account.scopes());
        return insert.map(UserRepository::toAccount).one();
    }

    /** Replaces the roles and scopes of an account and returns it, or empty when it does not exist. */
    Mono<UserAccount> updateRoles(UUID id, Set<Role> roles, UserAccount.Scopes scopes) {
        DatabaseClient.GenericExecuteSpec update = database.sql("""
                        UPDATE app_user
                           SET roles = :roles, commune_codes = :communeCodes, agency_codes = :agencyCodes,
                               cooperative_ids = :cooperativeIds, school_ids = :schoolIds, clinic_ids = :clinicIds,
                               updated_at = now()
                         WHERE id = :id
                        RETURNING\s""" + COLUMNS)
                .bind("id", id);
        return bindRolesAndScopes(update, roles, scopes).map(UserRepository::toAccount).one();
    }

    /** Enables or disables an account; enabling also lifts a lockout. Returns it, or empty when it does not exist. */
    Mono<UserAccount> updateEnabled(UUID id, boolean enabled) {
        return database.sql("""
                        UPDATE app_user
                           SET enabled = :enabled, updated_at = now(),
                               failed_sign_ins = CASE WHEN :enabled THEN 0 ELSE failed_sign_ins END,
                               locked_until = CASE WHEN :enabled THEN NULL ELSE locked_until END
                         WHERE id = :id
                        RETURNING\s""" + COLUMNS)
                .bind("id", id).bind("enabled", enabled)
                .map(UserRepository::toAccount).one();
    }

    /**
     * Counts a failed password sign-in and locks the account for {@code lockout} once {@code threshold} failures
     * follow each other. Returns the end of the lockout, or an empty Optional while the account is not locked.
     */
    Mono<Optional<OffsetDateTime>> recordFailure(UUID id, int threshold, Duration lockout) {
        return database.sql("""
                        UPDATE app_user
                           SET failed_sign_ins = failed_sign_ins + 1,
                               locked_until = CASE WHEN failed_sign_ins + 1 >= :threshold
                                                   THEN now() + make_interval(secs => :lockoutSeconds)
                                                   ELSE locked_until END
                         WHERE id = :id
                        RETURNING locked_until""")
                .bind("id", id).bind("threshold", threshold).bind("lockoutSeconds", (double) lockout.toSeconds())
                .map(row -> Optional.ofNullable(row.get("locked_until", OffsetDateTime.class))).one();
    }

    Mono<Void> resetFailures(UUID id) {
        return database.sql("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = :id "
                + "AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)").bind("id", id).then();
    }

    /** Lists accounts whose user name, phone or display name contains {@code search} (any case), ordered by name. */
    Flux<UserAccount> list(String search, Role role, Page page) {
        SqlStatement statement = filter(search, role);
        String sql = "SELECT " + COLUMNS + " FROM app_user" + statement.whereClause()
                + " ORDER BY display_name, id LIMIT :limit OFFSET :offset";
        statement.bind("limit", page.limit()).bind("offset", page.offset());
        return statement.prepare(database, sql).map(UserRepository::toAccount).all();
    }

    Mono<Long> count(String search, Role role) {
        SqlStatement statement = filter(search, role);
        return statement.prepare(database, "SELECT count(*) AS matched FROM app_user" + statement.whereClause())
                .map(row -> row.get("matched", Long.class)).one();
    }

    /** Counts enabled accounts that hold the role. */
    Mono<Long> countEnabledWithRole(Role role) {
        return database.sql("SELECT count(*) AS holders FROM app_user WHERE enabled AND :role = ANY (roles)")
                .bind("role", TokenClaims.roleName(role))
                .map(row -> row.get("holders", Long.class)).one();
    }

    /** Returns the codes among {@code codes} that are not current communes. */
    Flux<String> unknownCommuneCodes(Set<String> codes) {
        return database.sql("""
                        SELECT code FROM unnest(CAST(:codes AS text[])) AS given(code)
                         WHERE NOT EXISTS (SELECT 1 FROM admin_unit u
                                            WHERE u.level = 'commune' AND u.valid_to IS NULL AND u.code = given.code)
                         ORDER BY code""")
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> row.get("code", String.class)).all();
    }

    private static SqlStatement filter(String search, Role role) {
        SqlStatement statement = new SqlStatement();
        if (search != null) {
            statement.where("(strpos(lower(coalesce(username, '')), :search) > 0"
                            + " OR strpos(coalesce(phone, ''), :searchPhone) > 0"
                            + " OR strpos(fold_vietnamese(display_name), fold_vietnamese(:searchName)) > 0)")
                    .bind("search", search.toLowerCase(java.util.Locale.ROOT))
                    .bind("searchPhone", search)
                    .bind("searchName", search);
        }
        if (role != null) {
            statement.where(":role = ANY (roles)").bind("role", TokenClaims.roleName(role));
        }
        return statement;
    }

    private static DatabaseClient.GenericExecuteSpec bindRolesAndScopes(DatabaseClient.GenericExecuteSpec spec,
                                                                        Set<Role> roles, UserAccount.Scopes scopes) {
        return spec.bind("roles", roles.stream().map(TokenClaims::roleName).sorted().toArray(String[]::new))
                .bind("communeCodes", sorted(scopes.communeCodes()))
                .bind("agencyCodes", sorted(scopes.agencyCodes()))
                .bind("cooperativeIds", sorted(scopes.cooperativeIds()))
                .bind("schoolIds", sorted(scopes.schoolIds()))
                .bind("clinicIds", sorted(scopes.clinicIds()));
    }

    private static String[] sorted(Set<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                  String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static UserAccount toAccount(Readable row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : array(row, "roles")) {
            TokenClaims.parseRole(name).ifPresent(roles::add);
        }
        UserAccount.Scopes scopes = new UserAccount.Scopes(set(row, "commune_codes"), set(row, "agency_codes"),
                set(row, "cooperative_ids"), set(row, "school_ids"), set(row, "clinic_ids"));
        return new UserAccount(row.get("id", UUID.class), row.get("username", String.class), row.get("phone", String.class),
                row.get("display_name", String.class), row.get("password_hash", String.class), roles, scopes,
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)), row.get("failed_sign_ins", Integer.class),
                row.get("locked_until", OffsetDateTime.class), row.get("created_at", OffsetDateTime.class));
    }

    private static String[] array(Readable row, String column) {
        String[] values = row.get(column, String[].class);
        return values == null ? new String[0] : values;
    }

    private static Set<String> set(Readable row, String column) {
        return Arrays.stream(array(row, column)).collect(Collectors.toUnmodifiableSet());
    }

    /** The values of a new account; {@code passwordHash} is already hashed. */
    record NewAccount(String username, String phone, String displayName, String passwordHash, Set<Role> roles,
                      UserAccount.Scopes scopes) {
    }
}
