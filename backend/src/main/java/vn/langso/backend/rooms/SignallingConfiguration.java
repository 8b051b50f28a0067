package vn.langso.backend.rooms;

import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import vn.langso.conferencing.MediaServer;
import vn.langso.conferencing.MediaServerSelector;
import vn.langso.conferencing.PeerToPeerMediaServer;

/** Maps the signalling WebSocket and chooses the media server of new rooms. */
@Configuration(proxyBeanMethods = false)
class SignallingConfiguration {

    /** Ordered before the functional routes, so that no REST route answers the WebSocket handshake. */
    @Bean
    HandlerMapping roomSignalMapping(SignalHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/api/v1/rooms/*/signal", handler), -2);
    }

    /**
     * Uses the {@link MediaServer} bean when the application defines one (Kurento), with peer-to-peer as the
     * fallback; without one, every room runs peer-to-peer.
     */
    @Bean
    MediaServerSelector roomMediaServers(ObjectProvider<MediaServer> mediaServer, RoomsProperties properties) {
        return new MediaServerSelector(mediaServer.getIfUnique(), new PeerToPeerMediaServer(),
                properties.mediaOpenTimeout(), properties.mediaRetryInterval(), Clock.systemUTC());
    }
}
