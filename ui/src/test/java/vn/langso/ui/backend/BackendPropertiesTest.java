package vn.langso.ui.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendPropertiesTest {

    @Test
    void publicUrlDefaultsToUrlWithoutTrailingSlash() {
        BackendProperties properties = new BackendProperties(URI.create("http://127.0.0.1:8080//"), null, null);

        assertThat(properties.url()).hasToString("http://127.0.0.1:8080");
        assertThat(properties.publicUrl()).isEqualTo(properties.url());
        assertThat(properties.timeout()).isEqualTo(BackendProperties.DEFAULT_TIMEOUT);
    }

    @Test
    void relativeOrNonHttpUrlIsRejected() {
        assertThatThrownBy(() -> new BackendProperties(URI.create("/api"), null, null))
                .hasMessageContaining("langso.backend.url");
        assertThatThrownBy(() -> new BackendProperties(URI.create("ftp://127.0.0.1"), null, null))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new BackendProperties(URI.create("http://127.0.0.1:8080"), URI.create("localhost:8080"), null))
                .hasMessageContaining("langso.backend.public-url");
        assertThatThrownBy(() -> new BackendProperties(null, null, null))
                .hasMessageContaining("missing");
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        assertThatThrownBy(() -> new BackendProperties(URI.create("http://127.0.0.1:8080"), null, Duration.ZERO))
                .hasMessageContaining("positive");
    }
}
