package vn.langso.backend.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ApiTestSupport;

/**
 * The limit on exports running at once, set to one here. A held export is a raw socket that sends the request,
 * reads the response headers and then reads nothing more, so the server stays in the middle of the body, as
 * with a slow client. The layer is large enough that its CSV does not fit in the socket buffers.
 */
@TestPropertySource(properties = {"langso.exports.max-concurrent=1", "langso.exports.retry-after=7s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class LayerExportLimitApiTest extends ApiTestSupport {

    private static final int PLACES = 200_000;
    private static final long WAIT_MILLIS = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void insertManyPlaces() {
        execute("""
                INSERT INTO merchant (name, geom, category, accepts_vietqr, source, source_key)
                SELECT 'Cửa hàng số ' || n,
                       ST_SetSRID(ST_MakePoint(105.2 + mod(n, 1000) * 0.001, 10.2 + (n / 1000) * 0.001), 4326),
                       'grocery', mod(n, 2) = 0, 'test', n::text
                  FROM generate_series(1, %d) AS n""".formatted(PLACES));
    }

    /** Runs first: the rejections of the other tests would hold back the once-a-minute log line it checks. */
    @Test
    @Order(1)
    void exportBeyondLimitRejectedBeforeBody(CapturedOutput output) throws Exception {
        try (Socket slowDownload = holdExport("csv")) {
            for (String format : new String[] {"csv", "gpkg", "geojson"}) {
                EntityExchangeResult<byte[]> rejected = client.get()
                        .uri(URI.create("http://127.0.0.1:" + port() + "/api/v1/layers/merchants/export?format=" + format))
                        .exchange()
                        .expectStatus().isEqualTo(503)
                        .expectBody(byte[].class).returnResult();

                assertThat(rejected.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
                assertThat(String.valueOf(rejected.getResponseHeaders().getContentType()))
                        .startsWith("application/problem+json");
                assertThat(rejected.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isNull();
                String body = new String(rejected.getResponseBody(), StandardCharsets.UTF_8);
                assertThat(body).as("body of the rejected %s export", format).startsWith("{").endsWith("}");
                JsonNode problem = JSON.readTree(body);
                assertThat(problem.propertyNames()).containsExactly("type", "title", "status", "detail", "instance");
                assertThat(problem.path("type").asString()).isEqualTo("/problems/server-busy");
                assertThat(problem.path("status").asInt()).isEqualTo(503);
                assertThat(problem.path("detail").asString()).contains("merchants");
                assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/layers/merchants/export");
            }
            assertThat(output.getOut()).containsOnlyOnce("Rejected 1 export(s) since the last report")
                    .contains("the latest of layer merchants as csv: 1 exports running, limit 1");
        }
    }

    @Test
    void headRequestTakesNoSlot() throws Exception {
        try (Socket slowDownload = holdExport("csv")) {
            client.head().uri("/api/v1/layers/merchants/export?format=csv").exchange().expectStatus().isOk();
        }
    }

    @Test
    void cancelledExportsReleaseSlots() throws Exception {
        // Each held export must be released before the next one is accepted, so a single leaked slot stops the loop.
        for (int download = 0; download < 10; download++) {
            Socket slowDownload = holdExport(download % 2 == 0 ? "csv" : "geojson");
            reset(slowDownload);
        }
        // Cancel at earlier stages too: before the slot is taken, before the first byte and while a GeoPackage
        // is being written.
        byte[] request = request("gpkg");
        for (long delayMillis : new long[] {0, 2, 10, 50, 200}) {
            try (Socket socket = new Socket("127.0.0.1", port())) {
                socket.setSoLinger(true, 0);
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                Thread.sleep(delayMillis);
            }
        }

        // A short export succeeds once the server has noticed the last reset.
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        int status;
        EntityExchangeResult<String> result;
        do {
            result = client.get().uri(URI.create("http://127.0.0.1:" + port()
                            + "/api/v1/layers/merchants/export?format=csv&q=s%E1%BB%91%20199999"))
                    .exchange().expectBody(String.class).returnResult();
            status = result.getStatus().value();
        } while (status == 503 && System.currentTimeMillis() < deadline && pause());
        assertThat(status).as("status of an export after the cancelled ones; body: %s", result.getResponseBody())
                .isEqualTo(200);
        assertThat(result.getResponseBody().split("\r\n")).hasSize(2);
    }

    /**
     * Starts an export that the client does not read, retrying while an earlier export still has the slot, and
     * returns its socket once the 200 status line arrived.
     */
    private Socket holdExport(String format) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port()));
            socket.setSoTimeout((int) WAIT_MILLIS);
            socket.getOutputStream().write(request(format));
            socket.getOutputStream().flush();
            String statusLine = readLine(socket.getInputStream());
            if (statusLine.startsWith("HTTP/1.1 200")) {
                return socket;
            }
            reset(socket);
            assertThat(statusLine).as("status of a %s export while the slot may still be taken", format)
                    .startsWith("HTTP/1.1 503");
            assertThat(System.currentTimeMillis()).as("time to get the slot").isLessThan(deadline);
            pause();
        }
    }

    private static byte[] request(String format) {
        return ("GET /api/v1/layers/merchants/export?format=" + format + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String readLine(InputStream input) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = input.read()) != -1 && next != '\n') {
            line.write(next);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    /** Closes the connection with a reset, as when a browser's download is cancelled. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
