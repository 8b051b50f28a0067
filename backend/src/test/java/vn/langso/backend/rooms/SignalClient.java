package vn.langso.backend.rooms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signalling client for tests over the JDK's WebSocket: it replies to {@code ping} with {@code pong} (unless
 * {@link #stopAnsweringPings} was called) and queues every other message for {@link #await}.
 */
final class SignalClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    /** Every message received, pings excluded, for failure messages. */
    private final List<JsonNode> history = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocket webSocket;
    private volatile boolean answerPings = true;

    private SignalClient(URI uri, String headerName, String headerValue) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (headerName != null) {
            builder.header(headerName, headerValue);
        }
        this.webSocket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects to the room's signalling WebSocket on the given port, as the user of the test header when given. */
    static SignalClient connect(int port, String roomId, java.util.function.Consumer<org.springframework.http.HttpHeaders> user) {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/api/v1/rooms/" + roomId + "/signal");
        if (user == null) {
            return new SignalClient(uri, null, null);
        }
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        user.accept(headers);
        String name = headers.headerNames().iterator().next();
        return new SignalClient(uri, name, headers.getFirst(name));
    }

    void send(String json) {
        webSocket.sendText(json, true).join();
    }

    void send(ObjectNode message) {
        send(message.toString());
    }

    static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    void stopAnsweringPings() {
        answerPings = false;
    }

    /** Waits for the next message of the type, skipping others. */
    JsonNode await(String type) throws InterruptedException {
        return await(message -> message.path("type").asString("").equals(type), WAIT, "a " + type + " message");
    }

    JsonNode await(Predicate<JsonNode> condition, Duration timeout, String description) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                synchronized (history) {
                    throw new AssertionError("No " + description + " within " + timeout + "; received: " + history);
                }
            }
            if (condition.test(message)) {
                return message;
            }
        }
    }

    /** Returns whether a message of the type arrives within the time; consumes what it reads. */
    boolean receives(String type, Duration within) throws InterruptedException {
        try {
            await(message -> message.path("type").asString("").equals(type), within, type);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Waits for the server to close the WebSocket and returns the close code. */
    int awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        webSocket.abort();
        http.shutdownNow();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (message.path("type").asString("").equals("ping")) {
                    if (answerPings) {
                        socket.sendText("{\"type\":\"pong\"}", true);
                    }
                } else {
                    synchronized (history) {
                        history.add(message);
                    }
                    received.add(message);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(-1);
        }
    }
}
