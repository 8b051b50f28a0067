package vn.langso.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;

/** The texts that people read for each problem the reports API returns, in Vietnamese and English. */
class ReportProblemMessagesTest {

    private static final TranslationProvider TRANSLATIONS = new TranslationProvider();
    private static final ReportMediaLimits LIMITS = new ReportMediaLimits(10 * 1024 * 1024, 50 * 1024 * 1024, 5);

    private static String vi(RuntimeException failure, ReportProblemMessages.Action action) {
        return messages(UiLanguage.VI).message(failure, action);
    }

    private static ReportProblemMessages messages(UiLanguage language) {
        return new ReportProblemMessages((key, params) -> TRANSLATIONS.getTranslation(key, language.locale(), params), LIMITS);
    }

    private static ReportsApiException problem(int status, String slug, String detail, String... invalidNames) {
        List<ReportsApiException.InvalidParam> params = java.util.Arrays.stream(invalidNames)
                .map(name -> new ReportsApiException.InvalidParam(name, detail)).toList();
        return new ReportsApiException("POST /api/v1/reports", status, "/problems/" + slug, detail, params, null);
    }

    @Test
    void outsideProvinceIsNamed() {
        String text = vi(problem(400, "invalid-parameter", "lon=104.9 lat=11.5 is outside the province", "lon", "lat"),
                ReportProblemMessages.Action.SUBMIT);

        assertThat(text).isEqualTo("Vị trí đã chọn nằm ngoài tỉnh Đồng Tháp. Hãy chọn một điểm trong tỉnh.");
    }

    @Test
    void swappedCoordinatesAreNamed() {
        String text = vi(problem(400, "invalid-parameter", "outside the province, but swapped it is inside", "lon", "lat"),
                ReportProblemMessages.Action.SUBMIT);

        assertThat(text).contains("đảo ngược");
    }

    @Test
    void missingLocationIsNamed() {
        String text = vi(problem(400, "invalid-parameter", "lon and lat are missing", "lon", "lat"),
                ReportProblemMessages.Action.SUBMIT);

        assertThat(text).startsWith("Chưa có vị trí.");
    }

    @Test
    void otherFieldKeepsApiReason() {
        String text = vi(problem(400, "invalid-parameter", "reporterPhone 'abc' is not a phone number", "reporterPhone"),
                ReportProblemMessages.Action.SUBMIT);

        assertThat(text).isEqualTo("Thông tin “reporterPhone” chưa hợp lệ: reporterPhone 'abc' is not a phone number");
    }

    @Test
    void tooLargeNamesLimits() {
        String text = vi(problem(413, "payload-too-large", "photo has 10485761 bytes; the limit is 10485760"),
                ReportProblemMessages.Action.SUBMIT);

        assertThat(text).startsWith("Tệp quá lớn. Ảnh tối đa 10 MB, video tối đa 50 MB, không quá 5 tệp.")
                .contains("10485760");
    }

    @Test
    void wrongTypeListsAcceptedTypes() {
        String text = vi(problem(415, "unsupported-media-type", "not an image"), ReportProblemMessages.Action.SUBMIT);

        assertThat(text).contains("JPEG, PNG, WebP, HEIC").contains("MP4");
    }

    @Test
    void staleVersionAsksToReload() {
        ReportsApiException conflict = problem(409, "report-conflict", "version 3 is stale; the current version is 4");

        assertThat(vi(conflict, ReportProblemMessages.Action.WORKFLOW))
                .isEqualTo("Phản ánh vừa được người khác cập nhật, vui lòng tải lại");
        assertThat(messages(UiLanguage.EN).message(conflict, ReportProblemMessages.Action.WORKFLOW))
                .isEqualTo("Someone else has just updated this report; reload it");
    }

    @Test
    void ratingBeforeResolutionIsExplained() {
        String text = vi(problem(409, "report-conflict", "not resolved"), ReportProblemMessages.Action.RATING);

        assertThat(text).contains("sau khi phản ánh đã được giải quyết");
    }

    @Test
    void tooManyGivesMinutes() {
        ReportsApiException limited = new ReportsApiException("POST /api/v1/reports", 429, "/problems/too-many-requests",
                "limit", List.of(), Duration.ofSeconds(61));

        assertThat(vi(limited, ReportProblemMessages.Action.SUBMIT)).endsWith("sau 2 phút.");
    }

    @Test
    void accessProblemsAreExplained() {
        assertThat(vi(problem(401, "unauthorized", "sign in"), ReportProblemMessages.Action.READ)).contains("đăng nhập");
        assertThat(vi(problem(403, "forbidden", "other commune"), ReportProblemMessages.Action.READ)).contains("không có quyền");
        assertThat(vi(problem(404, "not-found", "report 9"), ReportProblemMessages.Action.READ))
                .isEqualTo("Không tìm thấy phản ánh.");
    }

    @Test
    void unreachableNamesBackend() {
        BackendUnavailableException down = new BackendUnavailableException(URI.create("http://127.0.0.1:9"),
                URI.create("http://127.0.0.1:9/api/v1/reports"), new ConnectException("refused"));

        assertThat(vi(down, ReportProblemMessages.Action.SUBMIT)).contains("http://127.0.0.1:9");
    }

    @Test
    void serverErrorKeepsDetail() {
        assertThat(vi(problem(500, "internal-error", "boom"), ReportProblemMessages.Action.SUBMIT)).contains("boom");
    }

    @Test
    void serverErrorEndsDetailOnce() {
        String expected = "Máy chủ dữ liệu gặp lỗi: Database timed out. Hãy thử lại sau.";

        assertThat(vi(problem(503, "unavailable", "Database timed out."), ReportProblemMessages.Action.SUBMIT))
                .isEqualTo(expected);
        assertThat(vi(problem(503, "unavailable", "Database timed out"), ReportProblemMessages.Action.SUBMIT))
                .isEqualTo(expected);
        assertThat(vi(new BackendResponseException(URI.create("http://127.0.0.1:9"),
                URI.create("http://127.0.0.1:9/api/v1/reports"), 502, "Database timed out. "),
                ReportProblemMessages.Action.READ)).isEqualTo(expected);
    }
}
