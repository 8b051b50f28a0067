package vn.langso.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.SharedData;
import vn.langso.ui.testing.BrowserTestSupport;

/**
 * A photo over the backend's upload limit: the backend here accepts photos of at most {@value #BACKEND_PHOTO_LIMIT}
 * bytes while the form keeps its default limit, so the API's 413 reaches the page and is explained in Vietnamese.
 */
class ReportLimitsBrowserTest extends BrowserTestSupport {

    private static final long BACKEND_PHOTO_LIMIT = 100_000;

    private static ReportsTestBackend backend;

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws SQLException, IOException, InterruptedException {
        backend = closeAfterAll(ReportsTestBackend.start(
                Map.of("LANGSO_REPORTS_MEDIA_MAX_PHOTO_BYTES", String.valueOf(BACKEND_PHOTO_LIMIT))));
        useBackend(registry, backend.baseUrl());
    }

    @Test
    void photoOverApiLimitIsExplained() throws IOException, InterruptedException {
        Path photo = SharedData.require("camera/bus.jpg");
        assertThat(Files.size(photo)).isGreaterThan(BACKEND_PHOTO_LIMIT);
        ReportPages pages = new ReportPages(browser, uiUrl());
        pages.openForm("?lang=vi");

        pages.chooseCategory("Hư hỏng đường");
        pages.typeDescription("Ổ gà lớn giữa đường");
        pages.pickLocation(ReportsTestBackend.LON, ReportsTestBackend.LAT);
        pages.attach(photo);
        pages.submit();

        String error = pages.errorText();
        assertThat(error).startsWith("Tệp quá lớn.");
        assertThat(error).contains(String.valueOf(BACKEND_PHOTO_LIMIT));
        assertThat(browser.driver().getCurrentUrl()).contains("/reports/new");
        assertThat(backend.getJson("/api/v1/layers/reports/features?limit=1000", null).path("features").toString())
                .doesNotContain("Ổ gà lớn giữa đường");
    }
}
