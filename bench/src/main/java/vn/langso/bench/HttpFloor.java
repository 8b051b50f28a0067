package vn.langso.bench;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Measures what any HTTP API adds to a request on this machine before it does any work. The first measurement is a
 * bare loopback TCP round trip. The second is a request to a Reactor Netty server, the backend's HTTP server without
 * Spring or a database, that returns a fixed body the size of a zoom-16 tile. Both servers run in this process on
 * 127.0.0.1 and stop after measuring.
 */
final class HttpFloor {

    /** The mean size of the benchmark's zoom-16 tiles, in bytes (the table's last column). */
    static final int BODY_BYTES = 2369;

    private static final Logger log = LoggerFactory.getLogger(HttpFloor.class);
    private static final int PING_BYTES = 100;

    /** The median of each measurement, in milliseconds. */
    record Result(double tcpRoundTripMs, double httpRequestMs, int requests) {

        String describe() {
            return String.format(Locale.ROOT, "HTTP floor on this machine (median of %,d requests each): a bare loopback "
                    + "TCP round trip of %d bytes %.3f ms; a GET of %,d bytes from a bare Reactor Netty server, without "
                    + "Spring or a database, %.3f ms.", requests, PING_BYTES, tcpRoundTripMs, BODY_BYTES, httpRequestMs);
        }
    }

    private HttpFloor() {
    }

    static Result measure(int requests) throws IOException {
        log.info("Measuring the HTTP floor with {} requests", requests);
        return new Result(tcpRoundTrip(requests), httpRequest(requests), requests);
    }

    private static double tcpRoundTrip(int requests) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The echo thread ends when the client's socket closes at the end of this block.
            Thread.ofPlatform().daemon().name("floor-echo").start(() -> echo(server));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setTcpNoDelay(true);
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] ping = new byte[PING_BYTES];
                long[] times = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    out.write(ping);
                    out.flush();
                    if (in.readNBytes(PING_BYTES).length < PING_BYTES) {
                        throw new IOException("The echo server closed the connection");
                    }
                    times[i] = System.nanoTime() - start;
                }
                return medianMs(times);
            }
        }
    }

    private static void echo(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[4096];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            log.debug("The echo server stopped: {}", e.getMessage());
        }
    }

    private static double httpRequest(int requests) throws IOException {
        byte[] body = new byte[BODY_BYTES];
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response
                        .header("Content-Type", "application/vnd.mapbox-vector-tile")
                        .header("Content-Length", Integer.toString(body.length))
                        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body))))
                .bindNow();
        try (ApiClient client = new ApiClient(URI.create("http://127.0.0.1:" + server.port()))) {
            // A first round of the same size lets the JIT compile the server's code, as in the long-running backend.
            long[] times = new long[requests];
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    if (client.get("/ogc/collections/merchants/tiles/WebMercatorQuad/16/0/0", "*/*").body().length
                            != BODY_BYTES) {
                        throw new IOException("The floor server returned a body of another size");
                    }
                    times[i] = System.nanoTime() - start;
                }
            }
            return medianMs(times);
        } finally {
            server.disposeNow();
        }
    }

    private static double medianMs(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
