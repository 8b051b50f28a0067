package vn.langso.backend.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;

/**
 * Users for API tests and the request headers that make a request act for them.
 *
 * <p>TODO: until accounts exist, {@link #as} sends the user in a test-only header read by {@link TestUserFilter};
 * the accounts feature replaces both with real signed bearer tokens, and tests keep calling {@link #as}.
 */
public final class TestUsers {

    static final String HEADER = "X-Langso-Test-User";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestUsers() {
    }

    /** Headers that make a WebTestClient request act for the user: {@code client.get().headers(TestUsers.as(u))}. */
    public static Consumer<HttpHeaders> as(CurrentUser user) {
        String encoded = Base64.getUrlEncoder().encodeToString(JSON.writeValueAsString(user).getBytes(StandardCharsets.UTF_8));
        return headers -> headers.set(HEADER, encoded);
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

    private static CurrentUser user(String name, Set<Role> roles, Set<String> communeCodes) {
        return new CurrentUser(UUID.randomUUID().toString(), name, roles, communeCodes, Set.of(), Set.of(), Set.of(), Set.of());
    }
}
