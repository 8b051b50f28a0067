package vn.langso.backend.rooms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A raw TCP proxy on 127.0.0.1 that can freeze: it then stops forwarding in both directions but keeps both sockets
 * open, as a connection behaves when a phone loses its network without closing anything.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch thawed = new CountDownLatch(1);
    private volatile boolean frozen;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops forwarding; bytes in flight stay in the sockets' buffers and nothing is closed. */
    void freeze() {
        frozen = true;
    }

    private void acceptLoop() {
        try {
            while (!server.isClosed()) {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofPlatform().daemon().name("tcp-proxy-up").start(() -> pump(client, upstream));
                Thread.ofPlatform().daemon().name("tcp-proxy-down").start(() -> pump(upstream, client));
            }
        } catch (IOException e) {
            // The server socket was closed.
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (frozen) {
                    // Hold the data and stop reading, so the sender gets neither a reply nor a close.
                    thawed.await();
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The proxy was closed.
        }
    }

    @Override
    public void close() throws IOException {
        thawed.countDown();
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
