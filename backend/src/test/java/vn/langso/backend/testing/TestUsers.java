package vn.langso.backend.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import vn.langso.backend.security.AccessTokens;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;
import vn.langso.backend.security.SigningKey;

/**
 * Users for API tests and the bearer tokens that make a request act for them. Tokens are signed with the test key
 * that {@code src/test/resources/config/application.properties} gives the application, so the real filter chain
 * verifies them; the users need not exist in the database.
 */
public final class TestUsers {

    /** The signing key of tests; the same value is {@code langso.security.jwt.secret} in test runs. */
    public static final String SIGNING_SECRET = "langso-test-signing-key-not-for-production-0123456789";
    public static final String ISSUER = "langso";

    private static final AccessTokens TOKENS = new AccessTokens(
            SigningKey.of(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "tests"), ISSUER,
            Duration.ofMinutes(15), Duration.ofHours(1));

    private TestUsers() {
    }

    /** Headers that make a WebTestClient request act for the user: {@code client.get().headers(TestUsers.as(u))}. */
    public static Consumer<HttpHeaders> as(CurrentUser user) {
        String token = token(user);
        return headers -> headers.setBearerAuth(token);
    }

    /** Returns a signed access token of the user, valid for 15 minutes. */
    public static String token(CurrentUser user) {
        return TOKENS.issueAccess(user).value();
    }

    /** Returns a token of the user that expired {@code ago} before now. */
    public static String expiredToken(CurrentUser user, Duration ago) {
        Instant issuedAt = Instant.now().minus(ago).minus(Duration.ofMinutes(15));
        return TOKENS.issueAccess(user, issuedAt, Duration.ofMinutes(15)).value();
    }

    public static CurrentUser citizen() {
        return user("Công dân", Set.of(Role.CITIZEN), Set.of());
    }

    public static CurrentUser communeOfficial(String... communeCodes) {
        return user("Cán bộ xã", Set.of(Role.COMMUNE_OFFICIAL), Set.of(communeCodes));
    }

    public static CurrentUser planner() {
        return user("Quy hoạch", Set.of(Role.PLANNER), Set.of());
    }

    public static CurrentUser provinceAdmin() {
        return user("Quản trị tỉnh", Set.of(Role.PROVINCE_ADMIN), Set.of());
    }

    public static CurrentUser cooperativeMember(String cooperativeId, boolean moderator) {
        Set<Role> roles = moderator ? Set.of(Role.COOPERATIVE_MEMBER, Role.COOPERATIVE_MODERATOR) : Set.of(Role.COOPERATIVE_MEMBER);
        return new CurrentUser(UUID.randomUUID().toString(), moderator ? "Chủ nhiệm HTX" : "Thành viên HTX", roles,
                Set.of(), Set.of(), Set.of(cooperativeId), Set.of(), Set.of());
    }

    public static CurrentUser agencyStaff(String... agencyCodes) {
        return new CurrentUser(UUID.randomUUID().toString(), "Cán bộ sở", Set.of(Role.AGENCY_STAFF), Set.of(),
                Set.of(agencyCodes), Set.of(), Set.of(), Set.of());
    }

    public static CurrentUser schoolStaff(String... schoolIds) {
        return new CurrentUser(UUID.randomUUID().toString(), "Giáo viên", Set.of(Role.SCHOOL_STAFF), Set.of(), Set.of(),
                Set.of(), Set.of(schoolIds), Set.of());
    }

    public static CurrentUser parent() {
        return user("Phụ huynh", Set.of(Role.PARENT), Set.of());
    }

    public static CurrentUser clinicStaff(String... clinicIds) {
        return new CurrentUser(UUID.randomUUID().toString(), "Nhân viên y tế", Set.of(Role.CLINIC_STAFF), Set.of(),
                Set.of(), Set.of(), Set.of(), Set.of(clinicIds));
    }

    private static CurrentUser user(String name, Set<Role> roles, Set<String> communeCodes) {
        return new CurrentUser(UUID.randomUUID().toString(), name, roles, communeCodes, Set.of(), Set.of(), Set.of(), Set.of());
    }
}
