package vn.langso.conferencing.kurento;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.kurento.client.Continuation;
import org.kurento.client.internal.server.KurentoServerException;
import org.kurento.jsonrpc.JsonRpcErrorException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.langso.conferencing.MediaServerException;

/**
 * Turns kurento-client's callback calls into {@link Mono}s. Each call starts on the given scheduler, never on
 * the subscriber's thread, because kurento-client may block while it reconnects, and each has its own
 * timeout.
 */
final class KurentoCalls {

    /** JSON-RPC error code of Kurento Media Server for an unknown session, seen after it restarted. */
    static final int INVALID_SESSION = 40007;
    /** JSON-RPC error code of Kurento Media Server for a media object it does not have. */
    static final int OBJECT_NOT_FOUND = 40101;

    private final Scheduler scheduler;
    private final Duration timeout;

    KurentoCalls(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /**
     * Runs one asynchronous kurento-client call.
     *
     * @param what description for error messages, for example "processOffer of alice in room r1"
     * @param call starts the call and passes the continuation to kurento-client
     */
    <T> Mono<T> call(String what, Consumer<Continuation<T>> call) {
        Mono<T> started = Mono.<T>create(sink -> call.accept(new Continuation<>() {
            @Override
            public void onSuccess(T result) {
                sink.success(result);
            }

            @Override
            public void onError(Throwable cause) {
                sink.error(cause);
            }
        }));
        return started
                .subscribeOn(scheduler)
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof MediaServerException), error -> wrap(what, error));
    }

    /** Runs a call that returns nothing. */
    Mono<Void> run(String what, Consumer<Continuation<Void>> call) {
        return this.<Void>call(what, call).then();
    }

    private MediaServerException wrap(String what, Throwable error) {
        if (error instanceof TimeoutException) {
            return new MediaServerException("Kurento did not respond to " + what + " within " + timeout, error);
        }
        int code = errorCode(error);
        String detail = code == 0 ? String.valueOf(error.getMessage()) : "error " + code + ": " + error.getMessage();
        return new MediaServerException("Kurento failed " + what + " (" + detail + ")", error);
    }

    /** Returns the media server's JSON-RPC error code in the cause chain, or 0 when there is none. */
    static int errorCode(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KurentoServerException server) {
                return server.getCode();
            }
            if (cause instanceof JsonRpcErrorException rpc) {
                return rpc.getCode();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return 0;
    }

    /** Returns whether the error shows that the media server lost this client's objects, as after a restart. */
    static boolean isLostObjects(Throwable error) {
        int code = errorCode(error);
        return code == OBJECT_NOT_FOUND || code == INVALID_SESSION;
    }
}
