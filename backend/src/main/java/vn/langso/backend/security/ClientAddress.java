package vn.langso.backend.security;

import java.net.InetSocketAddress;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The address a request came from, as rate limits and the audit log record it. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * Returns the remote IP address of the connection, or {@code unknown}.
     *
     * <p>NOTE: behind a reverse proxy this is the proxy's address unless the server trusts forwarded headers
     * ({@code server.forward-headers-strategy=native} or {@code framework}); then all clients share one limit.
     */
    public static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
