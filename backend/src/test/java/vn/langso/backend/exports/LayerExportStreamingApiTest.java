package vn.langso.backend.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import reactor.core.publisher.Flux;
import vn.langso.backend.ApiTestSupport;

/**
 * Exports of a layer of 200,000 places, read chunk by chunk without keeping the body. These tests do not
 * measure the heap. The heap stays bounded because the server never collects the rows: it reads a cursor of
 * 500 rows and writes batches of 200 features or 1,000 GeoPackage rows. The request timeout is set far
 * below the duration of these exports, which are exempt from it.
 */
@TestPropertySource(properties = "langso.api.request-timeout=500ms")
class LayerExportStreamingApiTest extends ApiTestSupport {

    private static final int PLACES = 200_000;

    @TempDir
    Path workFolder;

    @BeforeAll
    static void insertManyPlaces() {
        execute("""
                INSERT INTO merchant (name, geom, category, accepts_vietqr, source, source_key)
                SELECT 'Cửa hàng số ' || n,
                       ST_SetSRID(ST_MakePoint(105.2 + mod(n, 1000) * 0.001, 10.2 + (n / 1000) * 0.001), 4326),
                       'grocery', mod(n, 2) = 0, 'test', n::text
                  FROM generate_series(1, %d) AS n""".formatted(PLACES));
    }

    @Test
    void geoJsonStreamedInManyChunks() {
        BodyStatistics statistics = readBody("/api/v1/layers/merchants/export?format=geojson");

        // One feature per line, plus the opening line and the closing "]}" line.
        assertThat(statistics.lines()).isEqualTo(PLACES + 2);
        assertThat(statistics.chunks()).as("chunks of a %d-byte body", statistics.bytes()).isGreaterThan(100);
    }

    @Test
    void csvStreamedInManyChunks() {
        BodyStatistics statistics = readBody("/api/v1/layers/merchants/export?format=csv");

        assertThat(statistics.lines()).as("header and one line per place").isEqualTo(PLACES + 1);
        assertThat(statistics.chunks()).as("chunks of a %d-byte body", statistics.bytes()).isGreaterThan(100);
    }

    @Test
    void geoPackageWrittenInBatches() throws Exception {
        Path file = workFolder.resolve("merchants.gpkg");
        Flux<DataBuffer> body = client.get().uri(URI.create("http://127.0.0.1:" + port()
                        + "/api/v1/layers/merchants/export?format=gpkg"))
                .exchange()
                .expectStatus().isOk()
                .returnResult(DataBuffer.class)
                .getResponseBody();
        DataBufferUtils.write(body, file).block();

        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile(), false)) {
            assertThat(geoPackage.getFeatureDao("merchants").count()).isEqualTo(PLACES);
        }
        assertThat(Files.size(file)).isGreaterThan(PLACES * 20L);
    }

    @Test
    void cancelledDownloadsLeaveNothingBehind() throws Exception {
        Path temporaryFolder = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = exportFolders(temporaryFolder);

        // Abort at every stage: before the query, while rows stream (or a GeoPackage is written) and while
        // the file is sent. The connection is reset, as when a browser's download is cancelled.
        for (String format : List.of("gpkg", "csv", "geojson")) {
            byte[] request = ("GET /api/v1/layers/merchants/export?format=" + format + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (long delayMillis : new long[] {0, 5, 10, 20, 40, 80, 160, 320, 640, 1280}) {
                try (Socket socket = new Socket("127.0.0.1", port())) {
                    socket.setSoLinger(true, 0);
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                    Thread.sleep(delayMillis);
                }
            }
        }

        // The server deletes the files after it detects the reset, so poll instead of sleeping a fixed time.
        List<Path> leftOver = newExportFolders(temporaryFolder, before);
        for (int attempt = 0; attempt < 600 && !leftOver.isEmpty(); attempt++) {
            Thread.sleep(100);
            leftOver = newExportFolders(temporaryFolder, before);
        }
        assertThat(leftOver).as("export folders left in %s", temporaryFolder).isEmpty();

        // Cancelled queries must not keep database connections that other requests wait for.
        get("/api/v1/layers").expect(200);
        assertThat(readBody("/api/v1/layers/merchants/export?format=csv&q=s%E1%BB%91%20199999").lines()).isEqualTo(2);
    }

    private static List<Path> newExportFolders(Path temporaryFolder, List<Path> before) throws IOException {
        return exportFolders(temporaryFolder).stream().filter(path -> !before.contains(path)).toList();
    }

    private static List<Path> exportFolders(Path temporaryFolder) throws IOException {
        try (Stream<Path> paths = Files.list(temporaryFolder)) {
            return paths.filter(path -> path.getFileName().toString().startsWith("langso-export-")).toList();
        }
    }

    private BodyStatistics readBody(String pathAndQuery) {
        FluxExchangeResult<DataBuffer> result = client.get().uri(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
                .exchange()
                .expectStatus().isOk()
                .returnResult(DataBuffer.class);
        AtomicLong chunks = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        result.getResponseBody()
                .doOnNext(buffer -> {
                    chunks.incrementAndGet();
                    bytes.addAndGet(buffer.readableByteCount());
                    while (buffer.readableByteCount() > 0) {
                        if (buffer.read() == '\n') {
                            lines.incrementAndGet();
                        }
                    }
                    DataBufferUtils.release(buffer);
                })
                .blockLast();
        return new BodyStatistics(chunks.get(), bytes.get(), lines.get());
    }

    private record BodyStatistics(long chunks, long bytes, long lines) {
    }
}
