package vn.langso.backend.rooms;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import vn.langso.conferencing.MediaServer;
import vn.langso.conferencing.MediaServerSelector;
import vn.langso.conferencing.PeerToPeerMediaServer;
import vn.langso.conferencing.kurento.KurentoMediaServer;
import vn.langso.conferencing.kurento.KurentoSettings;

/** Maps the signalling WebSocket and chooses the media server of new rooms. */
@Configuration(proxyBeanMethods = false)
class SignallingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignallingConfiguration.class);
    private static final List<String> KURENTO_VARIABLES = List.of("LANGSO_KURENTO_URL", "LANGSO_KURENTO_STUN",
            "LANGSO_KURENTO_TURN_URL", "LANGSO_KURENTO_RECORDINGS_URI", "LANGSO_KURENTO_MAX_PARTICIPANTS");

    /** Ordered before the functional routes, so that no REST route handles the WebSocket handshake. */
    @Bean
    HandlerMapping roomSignalMapping(SignalHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/api/v1/rooms/*/signal", handler), -2);
    }

    /**
     * Kurento Media Server when {@code LANGSO_KURENTO_URL} is set (environment variable or property), with the other
     * {@code LANGSO_KURENTO_*} settings of {@link KurentoSettings#fromEnvironment}.
     *
     * <p>NOTE: this wiring is checked by no backend test; the Kurento adapter itself is tested in conferencing.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${LANGSO_KURENTO_URL:}'.isBlank()")
    KurentoMediaServer kurentoMediaServer(Environment environment) {
        Map<String, String> variables = new HashMap<>();
        for (String name : KURENTO_VARIABLES) {
            String value = environment.getProperty(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        KurentoSettings settings = KurentoSettings.fromEnvironment(variables).orElseThrow();
        log.info("Rooms use Kurento Media Server at {} with peer-to-peer as the fallback", settings.url());
        return new KurentoMediaServer(settings);
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
