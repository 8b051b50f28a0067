package vn.langso.backend.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.reports.ReportTestData.LAT_87001;
import static vn.langso.backend.reports.ReportTestData.LON_87001;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/**
 * Who may do what with a report filed in commune 87001 (category waste, routed to agency environment): a table of
 * roles by operations with the expected status, checked cell by cell.
 */
class ReportAccessApiTest extends ReportApiTestSupport {

    private static final CurrentUser REPORTER = TestUsers.citizen();

    private long id;

    @BeforeEach
    void fileReport() {
        id = submit(REPORTER, ReportTestData.reportJson("waste", "Rác đổ trộm", LON_87001, LAT_87001))
                .path("report").path("id").asLong();
    }

    private enum Operation { READ_FULL, READ_PUBLIC, READ_MESSAGES, POST_MESSAGE, ASSIGN, INBOX }

    @Test
    void rolesByOperations() {
        Map<String, CurrentUser> users = new LinkedHashMap<>();
        users.put("anonymous", null);
        users.put("reporter", REPORTER);
        users.put("other citizen", TestUsers.citizen());
        users.put("official 87001", TestUsers.communeOfficial("87001"));
        users.put("official 87002", TestUsers.communeOfficial("87002"));
        users.put("agency environment", TestUsers.agencyStaff("environment"));
        users.put("agency transport", TestUsers.agencyStaff("transport"));
        users.put("province admin", TestUsers.provinceAdmin());
        users.put("planner", TestUsers.planner());

        Map<String, int[]> expected = new LinkedHashMap<>();
        // READ_FULL, READ_PUBLIC, READ_MESSAGES, POST_MESSAGE, ASSIGN, INBOX
        expected.put("anonymous", new int[] {401, 200, 401, 401, 401, 401});
        expected.put("reporter", new int[] {200, 200, 200, 201, 409, 200});
        expected.put("other citizen", new int[] {403, 200, 403, 403, 403, 200});
        expected.put("official 87001", new int[] {200, 200, 200, 201, 200, 200});
        expected.put("official 87002", new int[] {403, 200, 403, 403, 403, 200});
        expected.put("agency environment", new int[] {200, 200, 200, 201, 200, 200});
        expected.put("agency transport", new int[] {403, 200, 403, 403, 403, 200});
        expected.put("province admin", new int[] {200, 200, 200, 201, 200, 200});
        expected.put("planner", new int[] {403, 200, 403, 403, 403, 403});

        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, CurrentUser> user : users.entrySet()) {
            fileReport();
            for (Operation operation : Operation.values()) {
                int status = run(operation, user.getValue());
                int wanted = expected.get(user.getKey())[operation.ordinal()];
                if (status != wanted) {
                    mismatches.add(user.getKey() + " " + operation + ": expected " + wanted + ", got " + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void inboxShowsOnlyVisibleReports() {
        long other = submit(TestUsers.citizen(), ReportTestData.reportJson("road_damage", "Ổ gà",
                ReportTestData.LON_87002, ReportTestData.LAT_87002)).path("report").path("id").asLong();

        List<Long> official = ids(getAs(TestUsers.communeOfficial("87001"), "/api/v1/reports?limit=500").expect(200));
        List<Long> reporter = ids(getAs(REPORTER, "/api/v1/reports?limit=500").expect(200));
        List<Long> admin = ids(getAs(TestUsers.provinceAdmin(), "/api/v1/reports?limit=500").expect(200));

        assertThat(official).contains(id).doesNotContain(other);
        assertThat(reporter).contains(id).doesNotContain(other);
        assertThat(admin).contains(id, other);
    }

    private int run(Operation operation, CurrentUser user) {
        String path = "/api/v1/reports/" + id;
        return switch (operation) {
            case READ_FULL -> getAs(user, path).status();
            case READ_PUBLIC -> getAs(user, path + "/public").status();
            case READ_MESSAGES -> getAs(user, path + "/messages").status();
            case POST_MESSAGE -> post(user, path + "/messages", "{\"body\":\"Xin chào\"}").status();
            case ASSIGN -> post(user, path + "/transitions", "{\"status\":\"assigned\",\"version\":1}").status();
            case INBOX -> getAs(user, "/api/v1/reports").status();
        };
    }

    private static List<Long> ids(tools.jackson.databind.JsonNode list) {
        return list.path("reports").valueStream().map(node -> node.path("id").asLong()).toList();
    }
}
