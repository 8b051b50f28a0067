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
        // kurento-client 7.3 reports a closed WebSocket from Netty's event loop by submitting a task to an
        // executor that it may be shutting down. That takes a lock inside the library's own code.
        BlockHound.install(builder -> builder.allowBlockingCallsInside(
                "org.kurento.jsonrpc.client.AbstractJsonRpcClientWebSocket", "fireEvent"));
    }
}
