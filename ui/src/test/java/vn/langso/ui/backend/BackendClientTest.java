package vn.langso.ui.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.langso.ui.i18n.UiLanguage;

/** BackendClient against a small HTTP server on 127.0.0.1 that returns canned responses per path. */
class BackendClientTest {

    private record CannedResponse(int status, String contentType, String body) {
    }

    private final Map<String, CannedResponse> responses = new ConcurrentHashMap<>();
    private final List<String> receivedQueries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private HttpServer server;
    private BackendClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            receivedQueries.add(rawQuery == null ? "" : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8));
            CannedResponse response = responses.getOrDefault(exchange.getRequestURI().getPath(),
                    new CannedResponse(404, "application/problem+json", "{\"title\":\"Not Found\",\"detail\":\"no such path\"}"));
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        client = new BackendClient(new BackendProperties(url, null, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void layersAreParsedWithLocalizedTitles() {
        responses.put("/api/v1/layers", json(200, """
                {"layers":[
                  {"name":"clinics","title":{"vi":"Cơ sở y tế","en":"Health facilities"},
                   "description":{"vi":"Bệnh viện","en":"Hospitals"},"geometryType":"Point","featureCount":38,"links":[]},
                  {"name":"schools","title":{"vi":"Trường học","en":""},"featureCount":0},
                  {"title":{"vi":"Không tên"}}
                ]}"""));

        List<LayerSummary> layers = client.layers();

        assertThat(layers).extracting(LayerSummary::name).containsExactly("clinics", "schools");
        assertThat(layers.getFirst().title().in(UiLanguage.VI)).isEqualTo("Cơ sở y tế");
        assertThat(layers.getFirst().title().in(UiLanguage.EN)).isEqualTo("Health facilities");
        assertThat(layers.getFirst().featureCount()).isEqualTo(38);
        assertThat(layers.get(1).title().in(UiLanguage.EN)).as("falls back to Vietnamese").isEqualTo("Trường học");
        assertThat(layers.get(1).geometryType()).isEqualTo("Point");
    }

    @Test
    void analysisLayersIncludeGrowingAreas() {
        responses.put("/api/v1/analyses/layers", json(200, """
                {"layers":[
                  {"name":"schools","title":{"vi":"Trường học","en":"Schools"},"geometryType":"Point"},
                  {"name":"growing-areas","title":{"vi":"Vùng trồng và ao nuôi","en":"Growing areas and ponds"},
                   "geometryType":"MultiPolygon"}
                ]}"""));

        List<LayerSummary> layers = client.analysisLayers();

        assertThat(layers).extracting(LayerSummary::name).containsExactly("schools", "growing-areas");
        assertThat(layers.get(1).geometryType()).isEqualTo("MultiPolygon");
        assertThat(layers.get(1).featureCount()).as("not sent by the analyses").isEqualTo(-1);
    }

    @Test
    void emptyLayerListIsEmpty() {
        responses.put("/api/v1/layers", json(200, "{\"layers\":[]}"));

        assertThat(client.layers()).isEmpty();
    }

    @Test
    void searchSendsEncodedTextAndParsesBbox() {
        responses.put("/api/v1/communes/search", json(200, """
                {"results":[{"code":"29888","name":"Mỹ Trà","unit_type":"Phường",
                  "bbox":[105.64,10.45,105.69,10.50],"center":[105.665,10.479]}]}"""));

        List<CommuneMatch> matches = client.searchCommunes("  Mỹ Trà & co  ");

        assertThat(receivedQueries).containsExactly("q=Mỹ Trà & co");
        assertThat(matches).hasSize(1);
        assertThat(matches.getFirst().displayName()).isEqualTo("Phường Mỹ Trà");
        assertThat(matches.getFirst().bbox()).isEqualTo(new BoundingBox(105.64, 10.45, 105.69, 10.50));
    }

    @Test
    void formerCommuneNamesItsSuccessor() {
        responses.put("/api/v1/communes/search", json(200, """
                {"results":[{"code":"29887","name":"Tân Thuận Tây","unit_type":"Xã",
                  "bbox":[105.60,10.43,105.64,10.47],"center":[105.62,10.45],"valid_to":"2025-07-01",
                  "now_part_of":{"code":"29869","name":"Cao Lãnh","unit_type":"Phường"}}]}"""));

        CommuneMatch match = client.searchCommunes("Tan Thuan Tay").getFirst();

        assertThat(match.former()).isTrue();
        assertThat(match.displayName()).isEqualTo("Xã Tân Thuận Tây");
        assertThat(match.nowPartOf()).isEqualTo("Phường Cao Lãnh");
    }

    @Test
    void currentCommuneIsNotFormer() {
        responses.put("/api/v1/communes/search", json(200, """
                {"results":[{"code":"29888","name":"Mỹ Trà","unit_type":"Phường","bbox":[105.64,10.45,105.69,10.50]}]}"""));

        CommuneMatch match = client.searchCommunes("my tra").getFirst();

        assertThat(match.former()).isFalse();
        assertThat(match.nowPartOf()).isEmpty();
    }

    @Test
    void decomposedSearchTextIsSentComposed() {
        responses.put("/api/v1/communes/search", json(200, "{\"results\":[]}"));
        String decomposed = java.text.Normalizer.normalize("Mỹ Trà", java.text.Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Mỹ Trà");

        client.searchCommunes(decomposed);

        assertThat(receivedQueries).containsExactly("q=Mỹ Trà");
    }

    @Test
    void searchWithoutResultsIsEmpty() {
        responses.put("/api/v1/communes/search", json(200, "{\"results\":[]}"));

        assertThat(client.searchCommunes("zzz")).isEmpty();
    }

    @Test
    void blankOrHugeSearchIsRejectedWithoutRequest() {
        assertThatThrownBy(() -> client.searchCommunes("   ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> client.searchCommunes("x".repeat(BackendClient.MAX_SEARCH_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum is " + BackendClient.MAX_SEARCH_LENGTH);
        assertThat(receivedQueries).isEmpty();
    }

    @Test
    void problemDetailIsReported() {
        responses.put("/api/v1/communes/search", new CannedResponse(400, "application/problem+json",
                "{\"type\":\"https://langso.vn/problems/invalid-parameter\",\"title\":\"Invalid parameter\","
                        + "\"status\":400,\"detail\":\"Parameter 'q' is too long\"}"));

        assertThatThrownBy(() -> client.searchCommunes("abc"))
                .isInstanceOfSatisfying(BackendResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).isEqualTo("Parameter 'q' is too long");
                });
    }

    @Test
    void serverErrorWithHtmlBodyIsReported() {
        responses.put("/api/v1/layers", new CannedResponse(502, "text/html", "<html>Bad gateway</html>"));

        assertThatThrownBy(() -> client.layers())
                .isInstanceOfSatisfying(BackendResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.detail()).contains("Bad gateway");
                });
    }

    @Test
    void malformedJsonIsReported() {
        responses.put("/api/v1/layers", json(200, "{\"layers\":[{\"name\":"));

        assertThatThrownBy(() -> client.layers())
                .isInstanceOf(BackendResponseException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void jsonOfWrongTypeIsReported() {
        responses.put("/api/v1/layers", json(200, "[1,2,3]"));

        assertThatThrownBy(() -> client.layers())
                .isInstanceOf(BackendResponseException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void searchResultWithBadBboxIsReported() {
        responses.put("/api/v1/communes/search", json(200, """
                {"results":[{"code":"1","name":"A","bbox":[105.6,"x",105.7,10.5]}]}"""));
        assertThatThrownBy(() -> client.searchCommunes("a"))
                .isInstanceOf(BackendResponseException.class)
                .hasMessageContaining("bbox");

        responses.put("/api/v1/communes/search", json(200, """
                {"results":[{"code":"1","name":"A","bbox":[10.4,105.6,10.5,105.7]}]}"""));
        assertThatThrownBy(() -> client.searchCommunes("a"))
                .as("swapped axes put latitudes outside -90..90")
                .isInstanceOf(BackendResponseException.class)
                .hasMessageContaining("latitudes");
    }

    @Test
    void closedPortIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort);
        BackendClient unreachable = new BackendClient(new BackendProperties(url, null, Duration.ofSeconds(2)));

        assertThatThrownBy(unreachable::layers)
                .isInstanceOfSatisfying(BackendUnavailableException.class,
                        e -> assertThat(e.backendUrl()).isEqualTo(url))
                .hasMessageContaining(url.toString());
    }

    private static CannedResponse json(int status, String body) {
        return new CannedResponse(status, "application/json", body);
    }
}
