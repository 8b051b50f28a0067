package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.langso.backend.ApiTestSupport;

/**
 * Requests on one kept-alive HTTP/1.1 connection, as GDAL's OAPIF driver sends them. The other API tests open a
 * new connection per request, so they cannot see a server that stops reading a connection between requests.
 */
class OgcKeepAliveApiTest extends ApiTestSupport {

    /** How long a response may take before the test calls the connection hung, in milliseconds. */
    private static final int READ_TIMEOUT_MILLIS = 5000;

    /** Number of connections to open. With Reactor Netty 1.3.6, about one connection in four hung. */
    private static final int CONNECTIONS = 25;

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void gdalSequenceOnOneConnection() throws IOException {
        List<String> paths = List.of("/ogc/collections", "/ogc/collections/clinics/items?limit=10", "/ogc", "/ogc/api");

        for (int connection = 0; connection < CONNECTIONS; connection++) {
            try (Socket socket = new Socket("127.0.0.1", port())) {
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                for (String path : paths) {
                    int status = exchange(socket, path);
                    assertThat(status).as("status of %s on connection %d", path, connection).isEqualTo(200);
                }
            }
        }
    }

    /** Sends one GET on the open connection, reads the whole response and returns its status code. */
    private static int exchange(Socket socket, String path) throws IOException {
        OutputStream output = socket.getOutputStream();
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
        output.write(request.getBytes(StandardCharsets.US_ASCII));
        output.flush();

        InputStream input = socket.getInputStream();
        String head;
        try {
            head = readHead(input);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No response to GET " + path + " within " + READ_TIMEOUT_MILLIS
                    + " ms on a kept-alive connection", e);
        }
        int contentLength = -1;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        assertThat(contentLength).as("Content-Length of %s", path).isNotNegative();
        input.readNBytes(contentLength);
        return Integer.parseInt(head.split(" ", 3)[1]);
    }

    private static String readHead(InputStream input) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = input.read();
            if (next < 0) {
                throw new AssertionError("The server closed the connection before the response head ended");
            }
            head.write(next);
            if (next == end[matched]) {
                matched++;
            } else if (next == '\r') {
                matched = 1;
            } else {
                matched = 0;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
