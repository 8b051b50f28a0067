package vn.langso.backend.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import vn.langso.backend.security.CurrentUser;

/**
 * Users by role name against protected operations, for API tests that check every cell of the table. A cell expects
 * the operation's allowed status for the roles allowed to perform it, 401 for {@value #ANONYMOUS} (a request without
 * a token) and 403 for any other signed-in role.
 */
public final class RoleMatrix {

    /** Role name of a request without a token. Every matrix has it as its first role. */
    public static final String ANONYMOUS = "anonymous";

    private final Map<String, CurrentUser> users = new LinkedHashMap<>();

    public RoleMatrix() {
        users.put(ANONYMOUS, null);
    }

    /** Adds a role after those added before. The cells follow this order. */
    public RoleMatrix role(String name, CurrentUser user) {
        if (users.containsKey(name)) {
            throw new IllegalArgumentException("Role " + name + " is already in the matrix");
        }
        if (user == null) {
            throw new IllegalArgumentException("Role " + name + " has no user. Only " + ANONYMOUS + " may have none");
        }
        users.put(name, user);
        return this;
    }

    /** Returns the role names in the order they were added, {@value #ANONYMOUS} first. */
    public Set<String> roles() {
        return Collections.unmodifiableSet(users.keySet());
    }

    /** Returns the role names without {@value #ANONYMOUS}. */
    public Set<String> signedInRoles() {
        Set<String> signedIn = new LinkedHashSet<>(users.keySet());
        signedIn.remove(ANONYMOUS);
        return Collections.unmodifiableSet(signedIn);
    }

    /** Returns the user of the role, or null for {@value #ANONYMOUS}. */
    public CurrentUser user(String role) {
        if (!users.containsKey(role)) {
            throw new IllegalArgumentException("Role " + role + " is not in the matrix " + users.keySet());
        }
        return users.get(role);
    }

    /** Returns a bearer token that signs the role in, or null for {@value #ANONYMOUS}. */
    public String token(String role) {
        CurrentUser user = user(role);
        return user == null ? null : TestUsers.token(user);
    }

    /** Returns one cell per operation and role, operations in the given order and roles within each. */
    public Stream<Cell> cells(List<Operation> operations) {
        List<Cell> cells = new ArrayList<>();
        for (Operation operation : operations) {
            for (String role : users.keySet()) {
                int expected = operation.allowed().contains(role) ? operation.allowedStatus()
                        : role.equals(ANONYMOUS) ? 401 : 403;
                cells.add(new Cell(operation, role, expected));
            }
        }
        return cells.stream();
    }

    /**
     * Sends the cell's request as its role to {@code path}, which is the operation's path with any placeholder
     * replaced by the caller. The operation's body supplier is called once per request.
     */
    public HttpCalls.Response send(HttpCalls calls, Cell cell, String path) {
        return calls.send(cell.operation().method(), path, token(cell.role()), cell.operation().body().get());
    }

    /** Sends the cell's request to the operation's path unchanged, like {@link #send(HttpCalls, Cell, String)}. */
    public HttpCalls.Response send(HttpCalls calls, Cell cell) {
        return send(calls, cell, cell.operation().path());
    }

    /** Asserts the cell's expected status. A failure names the operation, the role, both statuses and the body. */
    public static void assertStatus(Cell cell, HttpCalls.Response response) {
        assertThat(response.status()).as("%s as %s; body %s", cell.operation().name(), cell.role(), response.body())
                .isEqualTo(cell.expectedStatus());
    }

    /**
     * Asserts the cell's expected status and, for 401 and 403, the problem details of the application: the
     * problem JSON media type, the type {@code /problems/unauthorized} or {@code /problems/forbidden} and a detail.
     */
    public static void assertStatusAndProblem(Cell cell, HttpCalls.Response response) {
        assertStatus(cell, response);
        if (!cell.denied()) {
            return;
        }
        String expectedType = cell.expectedStatus() == 401 ? "/problems/unauthorized" : "/problems/forbidden";
        assertThat(response.contentType()).as("%s: content type", cell).startsWith("application/problem+json");
        assertThat(response.body().path("type").asString()).as("%s: problem type; body %s", cell, response.body())
                .isEqualTo(expectedType);
        assertThat(response.body().path("detail").asString()).as("%s: problem detail", cell).isNotBlank();
    }

    /**
     * A protected operation and the roles allowed to perform it, with the status an allowed call returns. The body
     * supplier returns what {@link HttpCalls#send} sends. A null supplier, or a supplier returning null, sends none.
     */
    public record Operation(String name, HttpMethod method, String path, Supplier<?> body, Set<String> allowed,
                            int allowedStatus) {

        public Operation {
            if (body == null) {
                body = () -> null;
            }
        }

        /** Creates an operation that sends the same body, a JSON string or an object to serialize, every time. */
        public Operation(String name, HttpMethod method, String path, Object body, Set<String> allowed,
                         int allowedStatus) {
            this(name, method, path, () -> body, allowed, allowedStatus);
        }
    }

    /** An operation called as one role, with the status the matrix expects. */
    public record Cell(Operation operation, String role, int expectedStatus) {

        /** Returns true when the cell expects 401 or 403. */
        public boolean denied() {
            return expectedStatus == 401 || expectedStatus == 403;
        }

        /** Returns the name shown for the parameterized test case, such as "read room as citizen -> 403". */
        @Override
        public String toString() {
            return operation.name() + " as " + role + " -> " + expectedStatus;
        }
    }
}
