package vn.langso.ui.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.langso.ui.backend.BackendClient;

/** Sign-in and audit calls of the backend's accounts API. */
@Component
public class AccountsClient {

    private final BackendClient backend;

    public AccountsClient(BackendClient backend) {
        this.backend = backend;
    }

    /** Signs in with user name and password; failures throw {@link vn.langso.ui.backend.BackendResponseException}. */
    SignedInUser signInWithPassword(String username, String password) {
        return toUser(backend.post("/api/v1/auth/token", Map.of("username", username, "password", password)));
    }

    /** Asks the backend to send a one-time code to the phone. */
    void sendCode(String phone) {
        backend.post("/api/v1/auth/phone/code", Map.of("phone", phone));
    }

    SignedInUser signInWithCode(String phone, String code) {
        return toUser(backend.post("/api/v1/auth/phone/token", Map.of("phone", phone, "code", code)));
    }

    /** Searches the audit log as the signed-in administrator; {@code query} is an encoded query string. */
    List<AuditRow> audit(String query) {
        JsonNode root = backend.get("/api/v1/admin/audit?" + query);
        List<AuditRow> rows = new ArrayList<>();
        for (JsonNode entry : root.path("entries")) {
            rows.add(new AuditRow(entry.path("occurredAt").asString(""), entry.path("actorName").asString(""),
                    entry.path("action").asString(""), entry.path("outcome").asString(""),
                    entry.path("target").asString(""), entry.path("clientAddress").asString("")));
        }
        return rows;
    }

    private static SignedInUser toUser(JsonNode tokens) {
        JsonNode user = tokens.path("user");
        Instant expiresAt = Instant.now().plusSeconds(tokens.path("expires_in").asLong(0));
        return new SignedInUser(user.path("id").asString(""), user.path("displayName").asString(""),
                strings(user.path("roles")), strings(user.path("communeCodes")),
                tokens.path("access_token").asString(""), expiresAt, tokens.path("refresh_token").asString(""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString("")));
        return values;
    }

    /** One audit log entry as the admin page shows it. */
    record AuditRow(String occurredAt, String actor, String action, String outcome, String target, String clientAddress) {
    }

    static Map<String, String> filters(String action, String actor) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (action != null && !action.isBlank()) {
            filters.put("action", action.strip());
        }
        if (actor != null && !actor.isBlank()) {
            filters.put("actor", actor.strip());
        }
        return filters;
    }
}
