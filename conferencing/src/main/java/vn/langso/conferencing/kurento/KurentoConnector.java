package vn.langso.conferencing.kurento;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.kurento.client.KurentoClient;
import org.kurento.client.KurentoConnectionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.langso.conferencing.MediaServerException;

/**
 * Holds the one {@link KurentoClient} of a media server and creates it when needed.
 *
 * <p>{@code KurentoClient.create} blocks: against a server that accepts TCP but never completes the WebSocket
 * handshake it was seen to block 25 s, and a second attempt in the same JVM for more than a minute. So each
 * attempt runs on its own daemon thread, callers wait for it at most the connect timeout, and while one
 * attempt is still running no second one starts: callers wait for the running one instead.
 */
final class KurentoConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KurentoConnector.class);

    private final KurentoSettings settings;
    private final Consumer<Boolean> onReconnected;
    private final AtomicInteger attempts = new AtomicInteger();
    /** The connected client, or null before the first connection. */
    private volatile KurentoClient client;
    /** The attempt that is running, or null; guarded by {@code this}. */
    private CompletableFuture<KurentoClient> pending;
    private volatile boolean closed;

    /**
     * @param onReconnected called with {@code sameServer} after kurento-client reconnected on its own; false
     *     means the server lost this client's session and objects (for example it restarted)
     */
    KurentoConnector(KurentoSettings settings, Consumer<Boolean> onReconnected) {
        this.settings = settings;
        this.onReconnected = onReconnected;
    }

    /** Returns the connected client, connecting first when needed; fails with {@link MediaServerException}. */
    Mono<KurentoClient> client() {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.error(new MediaServerException("Kurento connector for " + settings.url() + " is closed"));
            }
            KurentoClient current = client;
            if (current != null && !current.isClosed()) {
                return Mono.just(current);
            }
            return Mono.fromFuture(startOrJoinAttempt(), true)
                    .timeout(settings.connectTimeout())
                    .onErrorMap(error -> !(error instanceof MediaServerException), this::connectFailure);
        });
    }

    private synchronized CompletableFuture<KurentoClient> startOrJoinAttempt() {
        if (pending != null) {
            return pending;
        }
        CompletableFuture<KurentoClient> attempt = new CompletableFuture<>();
        pending = attempt;
        int number = attempts.incrementAndGet();
        Thread.ofPlatform().daemon().name("kurento-connect-" + number).start(() -> connect(attempt));
        return attempt;
    }

    private void connect(CompletableFuture<KurentoClient> attempt) {
        long started = System.nanoTime();
        try {
            KurentoClient created = KurentoClient.create(settings.url().toString(), new Listener());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (closed) {
                created.destroy();
                attempt.completeExceptionally(new MediaServerException("Kurento connector closed while connecting"));
                return;
            }
            client = created;
            log.info("Connected to Kurento at {} in {} ms", settings.url(), millis);
            attempt.complete(created);
        } catch (RuntimeException | LinkageError error) {
            log.warn("Connecting to Kurento at {} failed after {} ms: {}", settings.url(),
                    (System.nanoTime() - started) / 1_000_000, error.toString());
            attempt.completeExceptionally(error);
        } finally {
            synchronized (this) {
                if (pending == attempt) {
                    pending = null;
                }
            }
        }
    }

    private MediaServerException connectFailure(Throwable error) {
        if (error instanceof TimeoutException) {
            return new MediaServerException("Kurento at " + settings.url() + " did not accept a connection within "
                    + settings.connectTimeout() + "; check that it runs and that the address is right", error);
        }
        return new MediaServerException("Connecting to Kurento at " + settings.url() + " failed: " + error, error);
    }

    @Override
    public void close() {
        closed = true;
        KurentoClient current = client;
        client = null;
        if (current != null) {
            // destroy() sends closeSession and may wait for the response, so it gets a thread of its own.
            Thread.ofPlatform().daemon().name("kurento-close").start(current::destroy);
        }
    }

    /** Logs connection changes and reports reconnections; kurento-client calls it on its own threads. */
    private final class Listener implements KurentoConnectionListener {

        @Override
        public void connected() {
            log.debug("Kurento WebSocket to {} connected", settings.url());
        }

        @Override
        public void connectionFailed() {
            log.warn("Kurento WebSocket to {} failed to connect", settings.url());
        }

        @Override
        public void disconnected() {
            if (closed) {
                log.debug("Kurento WebSocket to {} closed", settings.url());
                return;
            }
            // kurento-client also reports this before it reconnects on its own, so the client is kept; a closed
            // one is replaced by client().
            log.warn("Kurento WebSocket to {} disconnected", settings.url());
        }

        @Override
        public void reconnected(boolean sameServer) {
            log.info("Kurento WebSocket to {} reconnected ({})", settings.url(),
                    sameServer ? "same session" : "new session: the server lost its media objects");
            onReconnected.accept(sameServer);
        }
    }
}
