package vn.langso.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A blocking HTTP/1.1 client for GET requests to the backend, with one keep-alive connection per calling thread,
 * as load generators such as wrk use. The JDK's {@code java.net.http} client hands every request to its selector
 * and executor threads. On 2 cores those hand-offs cost about 0.1 ms per request (measured on an empty tile), which
 * would be counted as API time although it is the client's. The raw side's JDBC driver is blocking too, so both
 * sides pay the same kind of client cost.
 *
 * <p>It reads responses with Content-Length or chunked bodies and reconnects when the server closes the connection.
 */
final class ApiClient implements AutoCloseable {

    /** A response's status and body. */
    record Response(int status, byte[] body) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;

    private final URI base;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final List<Connection> opened = new ArrayList<>();

    ApiClient(URI base) {
        this.base = base;
    }

    /** Sends {@code GET pathAndQuery} with the given Accept header and reads the whole response. */
    Response get(String pathAndQuery, String accept) throws IOException {
        Connection connection = connection();
        try {
            return connection.exchange(pathAndQuery, accept);
        } catch (IOException e) {
            // A kept-alive connection may have been closed by the server between requests: retry once on a new one.
            connection.close();
            connections.remove();
            return connection().exchange(pathAndQuery, accept);
        }
    }

    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(Connection::close);
            opened.clear();
        }
    }

    private Connection connection() throws IOException {
        Connection connection = connections.get();
        if (connection == null || connection.closed) {
            connection = new Connection(base);
            connections.set(connection);
            synchronized (opened) {
                opened.add(connection);
            }
        }
        return connection;
    }

    private static final class Connection {

        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;
        private final String host;
        private boolean closed;

        Connection(URI base) throws IOException {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
            host = base.getHost() + ":" + base.getPort();
        }

        Response exchange(String pathAndQuery, String accept) throws IOException {
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: " + accept + "\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String statusLine = readLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("Invalid HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);

            long contentLength = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Long.parseLong(lower.substring("content-length:".length()).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }

            byte[] body;
            if (status == 204 || status == 304) {
                body = new byte[0];
            } else if (chunked) {
                body = readChunks();
            } else if (contentLength >= 0) {
                body = in.readNBytes(Math.toIntExact(contentLength));
                if (body.length < contentLength) {
                    throw new EOFException("The response ended after " + body.length + " of " + contentLength + " bytes");
                }
            } else {
                body = in.readAllBytes();
                closeAfter = true;
            }
            if (closeAfter) {
                close();
            }
            return new Response(status, body);
        }

        private byte[] readChunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine();
                int extension = sizeLine.indexOf(';');
                int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
                if (size == 0) {
                    // Trailer fields, if any, end with an empty line.
                    String trailer;
                    do {
                        trailer = readLine();
                    } while (!trailer.isEmpty());
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine();
            }
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                int next = in.read();
                if (next == -1) {
                    throw new EOFException("The server closed the connection before the response ended");
                }
                if (next == '\n') {
                    int length = line.length();
                    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
                }
                line.append((char) next);
            }
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing to do: the connection is dropped either way.
            }
        }
    }
}
