package vn.langso.backend.media;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.reports.ReportTestData.LAT_87001;
import static vn.langso.backend.reports.ReportTestData.LON_87001;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.reports.MultipartBody;
import vn.langso.backend.reports.ReportApiTestSupport;
import vn.langso.backend.reports.ReportTestData;
import vn.langso.backend.testing.TestUsers;

/** Uploads with a report: size limits, type from the bytes, metadata removed from every served copy. */
@TestPropertySource(properties = {"langso.reports.media.max-photo-bytes=" + ReportMediaApiTest.PHOTO_LIMIT,
        "langso.reports.media.max-files=3"})
class ReportMediaApiTest extends ReportApiTestSupport {

    static final int PHOTO_LIMIT = 50_000;

    @Test
    void photoOfExactLimitAccepted() {
        byte[] photo = padded(ReportTestData.picture("jpeg", 80, 60), PHOTO_LIMIT);

        JsonNode report = upload(reportJson(), "anh.jpg", photo).expect(201).path("report");
        JsonNode media = report.path("media").get(0);

        assertThat(media.path("sizeBytes").asLong()).isEqualTo(PHOTO_LIMIT);
        assertThat(media.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(download(media.path("url").asString())).hasSize(PHOTO_LIMIT);
    }

    @Test
    void photoOneByteOverLimitStoresNothing() {
        byte[] photo = padded(ReportTestData.picture("jpeg", 80, 60), PHOTO_LIMIT + 1);
        long reportsBefore = count("SELECT count(*) FROM report");
        long mediaBefore = count("SELECT count(*) FROM report_media");
        long filesBefore = storedFiles();

        JsonNode problem = upload(reportJson(), "anh.jpg", photo).expectProblem(413, "/problems/payload-too-large");

        assertThat(problem.path("detail").asString()).contains(Integer.toString(PHOTO_LIMIT));
        assertThat(count("SELECT count(*) FROM report")).isEqualTo(reportsBefore);
        assertThat(count("SELECT count(*) FROM report_media")).isEqualTo(mediaBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void pngNamedJpgStoredAsPng() {
        byte[] png = ReportTestData.picture("png", 40, 30);

        JsonNode media = upload(reportJson(), "photo.jpg", png).expect(201).path("report").path("media").get(0);
        EntityExchangeResult<byte[]> served = client.get().uri(media.path("url").asString()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult();

        assertThat(media.path("contentType").asString()).isEqualTo("image/png");
        assertThat(served.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(served.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Arrays.copyOf(served.getResponseBody(), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(media.path("thumbnailUrl").asString()).endsWith("/thumbnail");
    }

    @Test
    void jpegNameWithOtherBytesRejected() {
        long filesBefore = storedFiles();
        byte[] text = "this is not a photo, only text".getBytes(StandardCharsets.UTF_8);

        upload(reportJson(), "photo.jpg", text).expectProblem(415, "/problems/unsupported-media-type");

        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void gpsUsedAsHintAndRemovedFromCopies() {
        double lon = 105.6412;
        double lat = 10.4555;
        byte[] photo = ReportTestData.jpegWithGps(lon, lat);
        assertThat(ExifGps.find(photo)).as("fixture carries GPS").isPresent();

        JsonNode report = upload("{\"category\":\"waste\",\"description\":\"Rác\"}", "gps.jpg", photo)
                .expect(201).path("report");
        JsonNode media = report.path("media").get(0);
        byte[] original = download(media.path("url").asString());
        byte[] thumbnail = download(media.path("thumbnailUrl").asString());

        assertThat(report.path("lon").asDouble()).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(report.path("lat").asDouble()).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(report.path("communeCode").asString()).isEqualTo("87001");
        for (byte[] copy : new byte[][] {original, thumbnail}) {
            assertThat(ExifGps.find(copy)).isEmpty();
            assertThat(ReportTestData.indexOf(copy, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
            assertThat(ReportTestData.indexOf(copy, ReportTestData.rationals(lat))).isEqualTo(-1);
            assertThat(ReportTestData.indexOf(copy, ReportTestData.rationals(lon))).isEqualTo(-1);
        }
    }

    @Test
    void tooManyFilesRejected() {
        MultipartBody body = new MultipartBody().json("report", reportJson());
        for (int i = 0; i < 4; i++) {
            body.file("media", "p" + i + ".png", "image/png", ReportTestData.picture("png", 8, 8));
        }

        reply(client.post().uri("/api/v1/reports").headers(TestUsers.as(TestUsers.citizen()))
                .contentType(MultipartBody.contentType()).bodyValue(body.bytes()))
                .expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void unknownMediaNotFound() {
        getAs(null, "/api/v1/reports/1/media/00000000-0000-4000-8000-000000000000")
                .expectProblem(404, "/problems/not-found");
        getAs(null, "/api/v1/reports/1/media/not-a-uuid").expectProblem(404, "/problems/not-found");
    }

    private Reply upload(String reportJson, String fileName, byte[] content) {
        MultipartBody body = new MultipartBody().json("report", reportJson).file("media", fileName, "image/jpeg", content);
        return reply(client.post().uri("/api/v1/reports").headers(TestUsers.as(TestUsers.citizen()))
                .contentType(MultipartBody.contentType()).bodyValue(body.bytes()));
    }

    private byte[] download(String url) {
        return client.get().uri(url).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody();
    }

    private static String reportJson() {
        return ReportTestData.reportJson("street_light", "Đèn hỏng", LON_87001, LAT_87001);
    }

    /** Appends zero bytes after the JPEG's end, which decoders ignore, to reach the exact size. */
    private static byte[] padded(byte[] jpeg, int size) {
        assertThat(jpeg.length).isLessThan(size);
        return Arrays.copyOf(jpeg, size);
    }

    private static long count(String sql) {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
