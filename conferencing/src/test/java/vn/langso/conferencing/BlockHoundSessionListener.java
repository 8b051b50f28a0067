package vn.langso.conferencing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound when the test JVM starts, before any scheduler or event-loop thread exists, so that a
 * blocking call on a Reactor or Netty non-blocking thread fails the test that made it.
 */
public class BlockHoundSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // kurento-client 7.3 reacts to a closed WebSocket on Netty's event loop: it reports the event to an
        // executor that it may be shutting down, and it starts reconnecting, which stops its heartbeat executor.
        // Both take locks inside the library's own code, on the library's own event loop.
        BlockHound.install(builder -> builder
                .allowBlockingCallsInside("org.kurento.jsonrpc.client.AbstractJsonRpcClientWebSocket", "fireEvent")
                .allowBlockingCallsInside("org.kurento.jsonrpc.client.AbstractJsonRpcClientWebSocket",
                        "handleReconnectDisconnection"));
    }
}
