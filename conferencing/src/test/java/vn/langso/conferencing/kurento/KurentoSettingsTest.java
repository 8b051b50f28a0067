package vn.langso.conferencing.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KurentoSettingsTest {

    @Test
    void noUrlMeansNoMediaServer() {
        assertThat(KurentoSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(KurentoSettings.fromEnvironment(Map.of("LANGSO_KURENTO_URL", " "))).isEmpty();
    }

    @Test
    void readsEnvironment() {
        KurentoSettings settings = KurentoSettings.fromEnvironment(Map.of(
                "LANGSO_KURENTO_URL", "ws://127.0.0.1:8888/kurento",
                "LANGSO_KURENTO_STUN", "192.0.2.10:3479",
                "LANGSO_KURENTO_TURN_URL", "langso:secret@192.0.2.10:3478?transport=udp",
                "LANGSO_KURENTO_RECORDINGS_URI", "file:///recordings",
                "LANGSO_KURENTO_MAX_PARTICIPANTS", "12")).orElseThrow();

        assertThat(settings.url()).isEqualTo(URI.create("ws://127.0.0.1:8888/kurento"));
        assertThat(settings.stunAddress()).isEqualTo("192.0.2.10");
        assertThat(settings.stunPort()).isEqualTo(3479);
        assertThat(settings.turnUrl()).isEqualTo("langso:secret@192.0.2.10:3478?transport=udp");
        assertThat(settings.recordingsFolder()).hasToString("file:///recordings/");
        assertThat(settings.maxParticipantsPerRoom()).isEqualTo(12);
        assertThat(settings.connectTimeout()).isEqualTo(KurentoSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void reportsEveryProblemTogether() {
        assertThatThrownBy(() -> new KurentoSettings(URI.create("http://127.0.0.1:8888/kurento"), Duration.ZERO,
                Duration.ofSeconds(1), 1, null, 70000, "no-credentials", URI.create("s3://bucket/"), "AVI"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url must be a ws:// or wss:// address")
                .hasMessageContaining("connectTimeout must be a positive duration")
                .hasMessageContaining("maxParticipantsPerRoom must be 2 or more")
                .hasMessageContaining("stunPort must be between 1 and 65535")
                .hasMessageContaining("turnUrl must look like user:password@address:port")
                .hasMessageContaining("recordingsFolder must be a file:// URI")
                .hasMessageContaining("mediaProfile must be WEBM, MKV or MP4");
    }

    @Test
    void turnPasswordStaysOutOfErrors() {
        assertThatThrownBy(() -> KurentoSettings.defaults(URI.create("ws://127.0.0.1:8888/kurento"))
                .withTurnUrl("langso:topsecret@relay"))
                .hasMessageContaining("langso:***@relay")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void rejectsNonNumericParticipants() {
        assertThatThrownBy(() -> KurentoSettings.fromEnvironment(Map.of(
                "LANGSO_KURENTO_URL", "ws://127.0.0.1:8888/kurento",
                "LANGSO_KURENTO_MAX_PARTICIPANTS", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LANGSO_KURENTO_MAX_PARTICIPANTS must be a whole number, was many");
    }
}
