package vn.langso.backend.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.reports.ReportTestData.LAT_87001;
import static vn.langso.backend.reports.ReportTestData.LON_87001;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/**
 * Anonymous submissions count against the shared per-client limit of the security settings, and every response
 * that shows a reporter's name or phone to someone other than the reporter leaves an audit entry.
 */
@TestPropertySource(properties = "langso.security.limits.anonymous-submissions=3")
class ReportAuditAndLimitApiTest extends ReportApiTestSupport {

    private static final String ACTION = "report.personal-data.read";

    @Test
    void anonymousSubmissionsSharedLimit() {
        for (int i = 1; i <= 3; i++) {
            post(null, "/api/v1/reports", ReportTestData.reportJson("waste", "Rác lần " + i, LON_87001, LAT_87001))
                    .expect(201);
        }

        Reply limited = post(null, "/api/v1/reports", ReportTestData.reportJson("waste", "Rác lần 4", LON_87001, LAT_87001));

        limited.expectProblem(429, "/problems/too-many-requests");
        assertThat(limited.headers().getFirst("Retry-After")).as("Retry-After").isNotBlank();
        assertThat(limited.body().path("detail").asString()).contains("anonymous-submission").contains("3");
        post(TestUsers.citizen(), "/api/v1/reports", ReportTestData.reportJson("waste", "Rác có tài khoản", LON_87001,
                LAT_87001)).expect(201);
    }

    @Test
    void officialReadOfReporterAudited() {
        CurrentUser reporter = TestUsers.citizen();
        CurrentUser official = TestUsers.communeOfficial("87001");
        long id = submit(reporter, ReportTestData.reportJson("waste", "Rác bên cầu", LON_87001, LAT_87001))
                .path("report").path("id").asLong();

        JsonNode full = getAs(official, "/api/v1/reports/" + id).expect(200);

        assertThat(full.path("reporterPhone").asString()).isEqualTo("0901234567");
        List<AuditRow> rows = auditRows(official);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().target()).isEqualTo("report:" + id);
        assertThat(rows.getFirst().details()).contains("reporterName").contains("reporterPhone");
    }

    @Test
    void reporterReadingOwnReportNotAudited() {
        CurrentUser reporter = TestUsers.citizen();
        long id = submit(reporter, ReportTestData.reportJson("waste", "Rác của tôi", LON_87001, LAT_87001))
                .path("report").path("id").asLong();

        getAs(reporter, "/api/v1/reports/" + id).expect(200);
        getAs(reporter, "/api/v1/reports?limit=500").expect(200);

        assertThat(auditRows(reporter)).isEmpty();
    }

    @Test
    void inboxPageAuditedWithIds() {
        CurrentUser admin = TestUsers.provinceAdmin();
        long id = submit(TestUsers.citizen(), ReportTestData.reportJson("waste", "Rác ở chợ", LON_87001, LAT_87001))
                .path("report").path("id").asLong();

        getAs(admin, "/api/v1/reports?limit=500").expect(200);

        List<AuditRow> rows = auditRows(admin);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().target()).isEqualTo("reports");
        assertThat(rows.getFirst().details()).contains(String.valueOf(id));
    }

    @Test
    void transitionResponseAudited() {
        CurrentUser official = TestUsers.communeOfficial("87001");
        long id = submit(TestUsers.citizen(), ReportTestData.reportJson("waste", "Rác ở bến", LON_87001, LAT_87001))
                .path("report").path("id").asLong();

        post(official, "/api/v1/reports/" + id + "/transitions", "{\"status\":\"assigned\",\"version\":1}").expect(200);

        assertThat(auditRows(official)).extracting(AuditRow::target).containsExactly("report:" + id);
    }

    @Test
    void deniedReadNotAuditedAsRead() {
        CurrentUser otherOfficial = TestUsers.communeOfficial("87002");
        long id = submit(TestUsers.citizen(), ReportTestData.reportJson("waste", "Rác ở đê", LON_87001, LAT_87001))
                .path("report").path("id").asLong();

        getAs(otherOfficial, "/api/v1/reports/" + id).expect(403);

        assertThat(auditRows(otherOfficial)).isEmpty();
    }

    private record AuditRow(String target, String details) {
    }

    private static List<AuditRow> auditRows(CurrentUser actor) {
        try (Connection connection = database().connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT target, details::text FROM audit_log WHERE actor_id = ? AND action = ? ORDER BY id")) {
            query.setString(1, actor.id());
            query.setString(2, ACTION);
            List<AuditRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new AuditRow(result.getString(1), result.getString(2)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit log failed: " + e.getMessage(), e);
        }
    }
}
