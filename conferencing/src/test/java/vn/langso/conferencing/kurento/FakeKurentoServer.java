package vn.langso.conferencing.kurento;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A Kurento Media Server stand-in for tests, listening on 127.0.0.1 only. It speaks the server's JSON-RPC 2.0
 * protocol over WebSocket as kurento-client 7.3 expects it: {@code ping}, {@code connect} (with 40007 for an
 * unknown session), {@code create}, {@code invoke}, {@code subscribe}, {@code unsubscribe}, {@code release},
 * {@code describe} and {@code closeSession}, with session ids in the results and {@code onEvent}
 * notifications such as {@code IceCandidateFound}. Requests on objects that do not exist get error 40101, as
 * from the real server after a restart. It handles no media: SDP answers are canned.
 *
 * <p>It records every object created, every connection between elements and every invocation, so that tests
 * can assert what a client did. {@link #restart()} drops all sessions and objects and closes every
 * connection. In {@link Mode#BLACK_HOLE} it accepts TCP connections and never responds.
 */
public final class FakeKurentoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeKurentoServer.class);

    /** JSON-RPC error code of the real server for an unknown session. */
    public static final int INVALID_SESSION = 40007;
    /** JSON-RPC error code of the real server for a media object that does not exist. */
    public static final int OBJECT_NOT_FOUND = 40101;

    private static final Set<String> ELEMENT_TYPES = Set.of("WebRtcEndpoint", "RecorderEndpoint", "PassThrough");

    public enum Mode {
        /** Responds as a media server does. */
        NORMAL,
        /** Accepts TCP connections and never responds, not even to the WebSocket handshake. */
        BLACK_HOLE
    }

    /** A media object as the server stores it. */
    public record MediaObject(String id, String type, String pipelineId, String sessionId,
            JsonObject constructorParams, Map<String, String> properties, Instant releasedAt) {

        public boolean isReleased() {
            return releasedAt != null;
        }
    }

    /** A media connection from a source element to a sink element. */
    public record Connection(String sourceId, String sinkId) {
    }

    /** One {@code invoke} request as received. */
    public record Invocation(String objectId, String operation, JsonObject params) {
    }

    private final Mode mode;
    private final DisposableServer server;
    private final ServerSocket blackHole;
    private final List<Socket> blackHoleSockets = new CopyOnWriteArrayList<>();

    /** Every object ever created, including released ones and those from before a restart, by id. */
    private final Map<String, MediaObject> objects = new LinkedHashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final List<String> sentEvents = new CopyOnWriteArrayList<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final List<ClientConnection> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger candidateCounter = new AtomicInteger();

    private record Subscription(String id, String objectId, String type, ClientConnection client) {
    }

    /** One WebSocket connection with its queue of outgoing frames. */
    private static final class ClientConnection {
        final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

        void send(String frame) {
            synchronized (this) {
                outgoing.tryEmitNext(frame);
            }
        }

        void close() {
            synchronized (this) {
                outgoing.tryEmitComplete();
            }
        }
    }

    private FakeKurentoServer(Mode mode) throws IOException {
        this.mode = mode;
        if (mode == Mode.BLACK_HOLE) {
            this.server = null;
            this.blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::acceptAndIgnore, "fake-kms-black-hole");
            acceptor.setDaemon(true);
            acceptor.start();
        } else {
            this.blackHole = null;
            this.server = HttpServer.create()
                    .bindAddress(() -> new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .route(routes -> routes.ws("/kurento", this::serve))
                    .bindNow();
        }
    }

    public static FakeKurentoServer start(Mode mode) throws IOException {
        return new FakeKurentoServer(mode);
    }

    /** Returns the WebSocket URL, for example {@code ws://127.0.0.1:40123/kurento}. */
    public URI url() {
        int port = mode == Mode.BLACK_HOLE ? blackHole.getLocalPort() : server.port();
        return URI.create("ws://127.0.0.1:" + port + "/kurento");
    }

    // ---- what tests assert on

    /** Objects of a type that exist now (created and not released, since the last restart). */
    public synchronized List<MediaObject> liveObjects(String type) {
        return objects.values().stream()
                .filter(o -> o.type().equals(type) && !o.isReleased() && sessions.contains(o.sessionId()))
                .toList();
    }

    /** Returns every object of a type ever created, released or not. */
    public synchronized List<MediaObject> createdObjects(String type) {
        return objects.values().stream().filter(o -> o.type().equals(type)).toList();
    }

    /** Connections between elements that exist now. */
    public synchronized List<Connection> liveConnections() {
        return List.copyOf(connections);
    }

    /** Returns every invocation in the order received. */
    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    public List<Invocation> invocations(String operation) {
        return invocations.stream().filter(i -> i.operation().equals(operation)).toList();
    }

    /** Returns every {@code onEvent} frame sent to clients, as JSON text. */
    public List<String> sentEvents() {
        return List.copyOf(sentEvents);
    }

    public int pings() {
        return pings.get();
    }

    public int restarts() {
        return restarts.get();
    }

    /**
     * Simulates a media server restart: forgets every session, object, connection and subscription, and
     * closes every WebSocket so that clients reconnect and meet 40007 and 40101.
     */
    public void restart() {
        synchronized (this) {
            restarts.incrementAndGet();
            sessions.clear();
            subscriptions.clear();
            connections.clear();
            objects.replaceAll((id, o) -> o.isReleased() ? o : withReleased(o));
        }
        for (ClientConnection client : clients) {
            client.close();
        }
        clients.clear();
    }

    /**
     * Forgets every object but keeps sessions and connections, so that the client only learns of the loss
     * from the 40101 errors of its next calls.
     */
    public synchronized void dropObjects() {
        subscriptions.clear();
        connections.clear();
        objects.replaceAll((id, o) -> o.isReleased() ? o : withReleased(o));
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.disposeNow();
        }
        if (blackHole != null) {
            blackHole.close();
            for (Socket socket : blackHoleSockets) {
                socket.close();
            }
        }
    }

    // ---- black hole

    private void acceptAndIgnore() {
        while (!blackHole.isClosed()) {
            try {
                blackHoleSockets.add(blackHole.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    // ---- JSON-RPC over WebSocket

    private org.reactivestreams.Publisher<Void> serve(WebsocketInbound inbound, WebsocketOutbound outbound) {
        ClientConnection client = new ClientConnection();
        clients.add(client);
        Mono<Void> reading = inbound.receive().asString()
                .doOnNext(frame -> handleFrame(client, frame))
                .doOnError(error -> log.error("Fake Kurento server failed on a frame", error))
                .doFinally(signal -> {
                    clients.remove(client);
                    client.close();
                })
                .then();
        Mono<Void> writing = outbound.sendString(client.outgoing.asFlux()).then();
        // The connection ends when the client goes away or when restart() completes the outgoing queue.
        return Mono.firstWithSignal(Mono.when(reading), writing.then(outbound.sendClose()));
    }

    private void handleFrame(ClientConnection client, String frame) {
        JsonObject request = JsonParser.parseString(frame).getAsJsonObject();
        JsonElement id = request.get("id");
        String method = request.get("method").getAsString();
        JsonObject params = request.has("params") && request.get("params").isJsonObject()
                ? request.getAsJsonObject("params") : new JsonObject();
        List<Runnable> afterResponse = new ArrayList<>();
        JsonObject response = new JsonObject();
        response.addProperty("jsonrpc", "2.0");
        if (id != null) {
            response.add("id", id);
        }
        try {
            JsonObject result = dispatch(client, method, params, afterResponse);
            response.add("result", result);
        } catch (RpcError error) {
            JsonObject body = new JsonObject();
            body.addProperty("code", error.code);
            body.addProperty("message", error.getMessage());
            response.add("error", body);
        }
        if (id != null) {
            client.send(response.toString());
        }
        afterResponse.forEach(Runnable::run);
    }

    private JsonObject dispatch(ClientConnection client, String method, JsonObject params,
            List<Runnable> afterResponse) {
        return switch (method) {
            case "ping" -> ping();
            case "connect" -> connect(params);
            case "create" -> create(params);
            case "invoke" -> invoke(client, params, afterResponse);
            case "subscribe" -> subscribe(client, params);
            case "unsubscribe" -> unsubscribe(params);
            case "release" -> release(params);
            case "describe" -> describe(params);
            case "closeSession" -> withSession(new JsonObject(), sessionOf(params));
            default -> throw new RpcError(-32601, "Method not found: " + method);
        };
    }

    private JsonObject ping() {
        pings.incrementAndGet();
        JsonObject result = new JsonObject();
        result.addProperty("value", "pong");
        return result;
    }

    private JsonObject connect(JsonObject params) {
        if (params.has("sessionId")) {
            String sessionId = params.get("sessionId").getAsString();
            if (!sessions.contains(sessionId)) {
                throw new RpcError(INVALID_SESSION, "Invalid session");
            }
            return withSession(new JsonObject(), sessionId);
        }
        return withSession(new JsonObject(), sessionOf(params));
    }

    private synchronized JsonObject create(JsonObject params) {
        String type = params.get("type").getAsString();
        JsonObject constructorParams = params.has("constructorParams")
                ? params.getAsJsonObject("constructorParams") : new JsonObject();
        String sessionId = sessionOf(params);
        String id;
        String pipelineId;
        if (type.equals("MediaPipeline")) {
            id = randomId() + "_kurento.MediaPipeline";
            pipelineId = id;
        } else if (ELEMENT_TYPES.contains(type)) {
            if (!constructorParams.has("mediaPipeline")) {
                throw new RpcError(40106, "'mediaPipeline' parameter is required for " + type);
            }
            pipelineId = constructorParams.get("mediaPipeline").getAsString();
            requireLive(pipelineId);
            if (type.equals("RecorderEndpoint") && !constructorParams.has("uri")) {
                throw new RpcError(40106, "'uri' parameter is required for RecorderEndpoint");
            }
            id = pipelineId + "/" + randomId() + "_kurento." + type;
        } else {
            throw new RpcError(40102, "Type '" + type + "' does not exist");
        }
        objects.put(id, new MediaObject(id, type, pipelineId, sessionId, constructorParams.deepCopy(),
                new ConcurrentHashMap<>(), null));
        JsonObject result = new JsonObject();
        result.addProperty("value", id);
        return withSession(result, sessionId);
    }

    private JsonObject invoke(ClientConnection client, JsonObject params, List<Runnable> afterResponse) {
        String objectId = params.get("object").getAsString();
        String operation = params.get("operation").getAsString();
        JsonObject operationParams = params.has("operationParams")
                ? params.getAsJsonObject("operationParams") : new JsonObject();
        MediaObject object;
        synchronized (this) {
            object = requireLive(objectId);
        }
        invocations.add(new Invocation(objectId, operation, operationParams.deepCopy()));
        JsonObject result = new JsonObject();
        switch (operation) {
            case "connect" -> {
                String sinkId = operationParams.get("sink").getAsString();
                synchronized (this) {
                    requireLive(sinkId);
                    Connection connection = new Connection(objectId, sinkId);
                    if (!connections.contains(connection)) {
                        connections.add(connection);
                    }
                }
            }
            case "disconnect" -> {
                String sinkId = operationParams.get("sink").getAsString();
                synchronized (this) {
                    connections.remove(new Connection(objectId, sinkId));
                }
            }
            case "processOffer" -> {
                requireType(object, "WebRtcEndpoint", operation);
                result.addProperty("value", answerFor(operationParams.get("offer").getAsString()));
            }
            case "gatherCandidates" -> {
                requireType(object, "WebRtcEndpoint", operation);
                afterResponse.add(() -> emitCandidates(objectId));
            }
            case "addIceCandidate" -> requireType(object, "WebRtcEndpoint", operation);
            case "record" -> {
                requireType(object, "RecorderEndpoint", operation);
                object.properties().put("state", "START");
                afterResponse.add(() -> emit(objectId, "Recording", new JsonObject()));
            }
            case "stop", "stopAndWait" -> {
                object.properties().put("state", "STOP");
                afterResponse.add(() -> emit(objectId, "Stopped", new JsonObject()));
            }
            default -> {
                if (operation.startsWith("set") && operationParams.size() == 1) {
                    String key = operationParams.keySet().iterator().next();
                    object.properties().put(key, operationParams.get(key).getAsString());
                } else if (operation.equals("getName") || operation.equals("getId")) {
                    result.addProperty("value", objectId);
                } else if (operation.startsWith("get") && operation.length() > 3) {
                    String key = Character.toLowerCase(operation.charAt(3)) + operation.substring(4);
                    String value = object.properties().get(key);
                    if (value != null) {
                        result.addProperty("value", value);
                    }
                } else {
                    throw new RpcError(-32601, "Operation '" + operation + "' not implemented by the fake");
                }
            }
        }
        return withSession(result, sessionOf(params));
    }

    private JsonObject subscribe(ClientConnection client, JsonObject params) {
        String objectId = params.get("object").getAsString();
        synchronized (this) {
            requireLive(objectId);
        }
        String id = randomId().toString();
        subscriptions.put(id, new Subscription(id, objectId, params.get("type").getAsString(), client));
        JsonObject result = new JsonObject();
        result.addProperty("value", id);
        return withSession(result, sessionOf(params));
    }

    private JsonObject unsubscribe(JsonObject params) {
        subscriptions.remove(params.get("subscription").getAsString());
        return withSession(new JsonObject(), sessionOf(params));
    }

    private synchronized JsonObject release(JsonObject params) {
        String objectId = params.get("object").getAsString();
        MediaObject object = requireLive(objectId);
        List<String> released = new ArrayList<>();
        released.add(objectId);
        if (object.type().equals("MediaPipeline")) {
            for (MediaObject child : objects.values()) {
                if (objectId.equals(child.pipelineId()) && !child.isReleased()) {
                    released.add(child.id());
                }
            }
        }
        for (String id : released) {
            objects.computeIfPresent(id, (key, o) -> o.isReleased() ? o : withReleased(o));
        }
        connections.removeIf(c -> released.contains(c.sourceId()) || released.contains(c.sinkId()));
        subscriptions.values().removeIf(s -> released.contains(s.objectId()));
        return withSession(new JsonObject(), sessionOf(params));
    }

    private synchronized JsonObject describe(JsonObject params) {
        MediaObject object = requireLive(params.get("object").getAsString());
        JsonObject result = new JsonObject();
        result.addProperty("type", object.type());
        result.addProperty("qualifiedType", "kurento." + object.type());
        JsonArray hierarchy = new JsonArray();
        if (!object.type().equals("MediaPipeline")) {
            hierarchy.add("kurento.MediaElement");
        }
        hierarchy.add("kurento.MediaObject");
        result.add("hierarchy", hierarchy);
        return withSession(result, sessionOf(params));
    }

    // ---- events

    /** Sends two host candidates and IceGatheringDone, as a server on loopback does after gatherCandidates. */
    private void emitCandidates(String objectId) {
        for (int component = 1; component <= 2; component++) {
            int port = 40000 + candidateCounter.incrementAndGet();
            JsonObject candidate = new JsonObject();
            candidate.addProperty("__module__", "kurento");
            candidate.addProperty("__type__", "IceCandidate");
            candidate.addProperty("candidate",
                    "candidate:" + component + " 1 UDP 2015363327 127.0.0.1 " + port + " typ host");
            candidate.addProperty("sdpMid", "0");
            candidate.addProperty("sdpMLineIndex", 0);
            JsonObject data = new JsonObject();
            data.add("candidate", candidate);
            emit(objectId, "IceCandidateFound", data);
        }
        emit(objectId, "IceGatheringDone", new JsonObject());
    }

    private void emit(String objectId, String type, JsonObject data) {
        long now = System.currentTimeMillis();
        data.addProperty("source", objectId);
        data.add("tags", new JsonArray());
        data.addProperty("timestamp", Long.toString(now / 1000));
        data.addProperty("timestampMillis", Long.toString(now));
        data.addProperty("type", type);
        JsonObject value = new JsonObject();
        value.add("data", data);
        value.addProperty("object", objectId);
        value.addProperty("type", type);
        JsonObject params = new JsonObject();
        params.add("value", value);
        JsonObject notification = new JsonObject();
        notification.addProperty("jsonrpc", "2.0");
        notification.addProperty("method", "onEvent");
        notification.add("params", params);
        String frame = notification.toString();
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.objectId().equals(objectId) && subscription.type().equals(type)) {
                sentEvents.add(frame);
                subscription.client().send(frame);
            }
        }
    }

    // ---- helpers

    private String sessionOf(JsonObject params) {
        if (params.has("sessionId") && sessions.contains(params.get("sessionId").getAsString())) {
            return params.get("sessionId").getAsString();
        }
        if (params.has("sessionId")) {
            // NOTE: requests other than connect adopt an unknown session id here; the real server's
            // behaviour in that case was not checked.
            String adopted = params.get("sessionId").getAsString();
            sessions.add(adopted);
            return adopted;
        }
        String created = randomId().toString();
        sessions.add(created);
        return created;
    }

    /** Returns a random UUID without SecureRandom, whose first use would read /dev/urandom on the event loop. */
    private static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static JsonObject withSession(JsonObject result, String sessionId) {
        result.addProperty("sessionId", sessionId);
        return result;
    }

    private MediaObject requireLive(String objectId) {
        MediaObject object = objects.get(objectId);
        if (object == null || object.isReleased()) {
            throw new RpcError(OBJECT_NOT_FOUND, "Object '" + objectId + "' not found");
        }
        return object;
    }

    private static void requireType(MediaObject object, String type, String operation) {
        if (!object.type().equals(type)) {
            throw new RpcError(40105, "Operation '" + operation + "' is not defined for " + object.type());
        }
    }

    private static String answerFor(String offer) {
        if (offer == null || !offer.startsWith("v=0")) {
            throw new RpcError(40208, "SDP offer is not valid: it must start with v=0");
        }
        return "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=Kurento Media Server\r\nt=0 0\r\n"
                + "m=video 1 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\na=sendrecv\r\na=rtpmap:96 VP8/90000\r\n";
    }

    private static MediaObject withReleased(MediaObject object) {
        return new MediaObject(object.id(), object.type(), object.pipelineId(), object.sessionId(),
                object.constructorParams(), object.properties(), Instant.now());
    }

    /** A JSON-RPC error sent to the client as the response. */
    private static final class RpcError extends RuntimeException {
        final int code;

        RpcError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public String toString() {
        return "FakeKurentoServer[" + mode + " " + url() + "]";
    }
}
