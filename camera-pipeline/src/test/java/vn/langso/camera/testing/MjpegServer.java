package vn.langso.camera.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * An HTTP MJPEG camera on 127.0.0.1 ({@code multipart/x-mixed-replace}, 25 frames per second) of a synthetic
 * scene: a grey road with a white box driving across, left to right, every 3 s. Each path is one camera. The
 * {@code /flaky} camera can close its stream after some frames and then reject connections for a while, as a
 * camera that drops off the network.
 */
public final class MjpegServer implements AutoCloseable {

    private static final String BOUNDARY = "frame";
    private static final long FRAME_MILLIS = 40;
    /** The box crosses the picture in 60 frames, then the road is empty for 15, so the cycle lasts 3 s. */
    private static final int CYCLE_FRAMES = 75;
    private static final int CROSSING_FRAMES = 60;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<byte[]> frames = new ArrayList<>();
    private final AtomicInteger closeAfterFrames = new AtomicInteger(-1);
    private final AtomicLong downMillisAfterClose = new AtomicLong();
    private final AtomicLong downUntil = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    public MjpegServer() throws IOException {
        for (int i = 0; i < CYCLE_FRAMES; i++) {
            frames.add(jpeg(scene(i)));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/steady", exchange -> stream(exchange, false));
        server.createContext("/flaky", exchange -> stream(exchange, true));
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Ends the open stream of {@code /flaky} after this many more frames, then rejects connections for a while. */
    public void dropFlakyAfter(int frameCount, long downMillis) {
        downMillisAfterClose.set(downMillis);
        closeAfterFrames.set(frameCount);
    }

    /** Connections accepted on {@code /flaky}. */
    public int flakyConnections() {
        return connections.get();
    }

    private void stream(HttpExchange exchange, boolean flaky) throws IOException {
        if (flaky && System.currentTimeMillis() < downUntil.get()) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        if (flaky) {
            connections.incrementAndGet();
        }
        exchange.getResponseHeaders().add("Content-Type", "multipart/x-mixed-replace;boundary=" + BOUNDARY);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; !closed; i++) {
                if (flaky && closeAfterFrames.getAndUpdate(left -> left > 0 ? left - 1 : -1) == 0) {
                    downUntil.set(System.currentTimeMillis() + downMillisAfterClose.get());
                    return;
                }
                byte[] frame = frames.get(i % frames.size());
                String header = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + frame.length
                        + "\r\n\r\n";
                out.write(header.getBytes(StandardCharsets.US_ASCII));
                out.write(frame);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(FRAME_MILLIS);
            }
        } catch (IOException e) {
            // The client went away; nothing to do.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static BufferedImage scene(int index) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(90, 90, 90));
        graphics.fillRect(0, 0, 320, 240);
        if (index < CROSSING_FRAMES) {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(-40 + index * 6, 100, 40, 24);
        }
        graphics.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
