package vn.langso.backend.rooms;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import vn.langso.backend.security.CurrentUsers;

/**
 * The signalling WebSocket {@code /api/v1/rooms/{id}/signal}. Each connection gets a {@link Peer}; the server sends
 * {@code ping} every {@link RoomsProperties#pingInterval()} and removes a peer that sent nothing, not even
 * {@code pong}, for {@link RoomsProperties#idleTimeout()}: that is how a connection that died without a close frame
 * is noticed. The others then receive {@code participant-left} and reason {@code connection-lost}.
 */
@Component
class SignalHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(SignalHandler.class);
    static final Pattern PATH = Pattern.compile("/api/v1/rooms/([^/]+)/signal");
    /** How often the liveness of a connection is checked; a dead one is removed at most this much after its timeout. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** How long a client may take to reply to the server's close frame before the connection is cut. */
    static final Duration CLOSE_HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

    private final JoinAuthenticator authenticator;
    private final LiveRooms liveRooms;
    private final RoomRepository repository;
    private final RoomsProperties properties;

    SignalHandler(JoinAuthenticator authenticator, LiveRooms liveRooms, RoomRepository repository,
            RoomsProperties properties) {
        this.authenticator = authenticator;
        Tokens.initialize();
        this.liveRooms = liveRooms;
        this.repository = repository;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(WebSocketSession webSocket) {
        Matcher path = PATH.matcher(webSocket.getHandshakeInfo().getUri().getPath());
        UUID roomId = path.matches() ? parseRoomId(path.group(1)) : null;
        Peer peer = new Peer(properties.outboundBuffer());
        if (roomId == null) {
            peer.send(Messages.error(SignalCodes.ROOM_NOT_FOUND, "The path must be /api/v1/rooms/{id}/signal with the "
                    + "room's UUID."));
            peer.end(SignalCodes.ROOM_NOT_FOUND);
        }

        Sinks.Empty<Void> closeSent = Sinks.empty();
        Mono<Void> conversation = CurrentUsers.current().flatMap(user -> {
            SignalSession session = new SignalSession(roomId, user, peer, authenticator, liveRooms, repository, properties);
            Disposable heartbeat = heartbeat(peer, session).subscribe();

            // The input is never cancelled before the close frame is out: cancelling Reactor Netty's inbound would
            // send a close frame without our status code. A peer that never replies to the close frame is cut later.
            Mono<Void> input = webSocket.receive()
                    .doOnNext(message -> peer.touch())
                    .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
                    .map(WebSocketMessage::getPayloadAsText)
                    .concatMap(session::handle)
                    .takeUntilOther(closeSent.asMono().then(Mono.delay(CLOSE_HANDSHAKE_TIMEOUT)))
                    .then(Mono.defer(() -> endReasonOfClose(webSocket).doOnNext(peer::end).then()))
                    .onErrorResume(error -> {
                        log.debug("Signalling connection of participant {} failed: {}", peer.id(), error.toString());
                        peer.end("connection-lost");
                        return Mono.empty();
                    })
                    .doFinally(signal -> peer.end("left"));

            Mono<Void> ending = peer.whenEnded().doFinally(signal -> {
                heartbeat.dispose();
                LiveRoom room = session.room();
                if (room != null) {
                    room.leave(peer, peer.endReason());
                }
                peer.completeOutbound();
            });

            Mono<Void> outputThenClose = webSocket.send(peer.outbound().map(webSocket::textMessage))
                    .onErrorResume(error -> Mono.empty())
                    .then(Mono.defer(() -> webSocket.close(closeStatus(peer.endReason()))))
                    .onErrorResume(error -> Mono.empty())
                    .doFinally(signal -> closeSent.tryEmitEmpty());

            return Mono.when(input, ending, outputThenClose);
        });
        return conversation;
    }

    /**
     * Sends pings and completes when the peer is silent for too long or has not joined in time; never completes
     * otherwise.
     */
    private Mono<Void> heartbeat(Peer peer, SignalSession session) {
        long checksPerPing = Math.max(1, properties.pingInterval().toMillis() / CHECK_INTERVAL.toMillis());
        long idleNanos = properties.idleTimeout().toNanos();
        long joinNanos = properties.joinTimeout().toNanos();
        long startNanos = System.nanoTime();
        return Flux.interval(CHECK_INTERVAL, Schedulers.parallel())
                .doOnNext(tick -> {
                    if ((tick + 1) % checksPerPing == 0) {
                        peer.send(Messages.ping());
                    }
                })
                .filter(tick -> {
                    if (peer.silentNanos() > idleNanos) {
                        log.info("Participant {} sent nothing for {} s; removing it", peer.id(),
                                Duration.ofNanos(peer.silentNanos()).toSeconds());
                        peer.end("connection-lost");
                        return true;
                    }
                    if (session.room() == null && System.nanoTime() - startNanos > joinNanos) {
                        peer.send(Messages.error(SignalCodes.JOIN_TIMEOUT, "No join message within "
                                + properties.joinTimeout().toSeconds() + " s; connect again and send join first."));
                        peer.end(SignalCodes.JOIN_TIMEOUT);
                        return true;
                    }
                    return false;
                })
                .next()
                .then();
    }

    /**
     * Returns {@code left} when the client sent a close frame, or {@code connection-lost} when the TCP connection
     * ended without one (Reactor Netty then reports status 1006 or none).
     */
    private static Mono<String> endReasonOfClose(WebSocketSession webSocket) {
        return webSocket.closeStatus()
                .timeout(CLOSE_HANDSHAKE_TIMEOUT, Mono.empty())
                .map(status -> status.getCode() >= 1000 && status.getCode() != CloseStatus.NO_CLOSE_FRAME.getCode()
                        ? "left" : "connection-lost")
                .defaultIfEmpty("connection-lost");
    }

    private static UUID parseRoomId(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Close codes in the private range 4000-4999 tell a browser why it was disconnected. */
    private static CloseStatus closeStatus(String reason) {
        if (reason == null || reason.equals("left")) {
            return CloseStatus.NORMAL;
        }
        return switch (reason) {
            case "removed" -> new CloseStatus(4001, "removed");
            case "rejected" -> new CloseStatus(4002, "rejected");
            case "connection-lost", SignalCodes.JOIN_TIMEOUT -> new CloseStatus(4008, reason);
            case SignalCodes.FORBIDDEN, SignalCodes.INVITATION_REQUIRED, SignalCodes.INVITATION_INVALID,
                 SignalCodes.TOKEN_INVALID -> new CloseStatus(4003, reason);
            default -> new CloseStatus(4000, reason);
        };
    }
}
