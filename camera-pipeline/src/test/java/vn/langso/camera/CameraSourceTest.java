package vn.langso.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CameraSourceTest {

    @Test
    void acceptsRtspSource() {
        CameraSource camera = new CameraSource("cam-1", URI.create("rtsp://127.0.0.1:8554/cam1"), 105.63, 10.46, 90);

        assertThat(camera.source().getScheme()).isEqualTo("rtsp");
    }

    @Test
    void rejectsUnknownScheme() {
        assertThatThrownBy(() -> new CameraSource("cam-1", URI.create("ftp://127.0.0.1/x"), 105.63, 10.46, 0))
                .hasMessageContaining("unsupported source ftp://127.0.0.1/x");
    }

    @Test
    void rejectsDirectionOutOfRange() {
        assertThatThrownBy(() -> new CameraSource("cam-1", URI.create("file:///tmp/a.mp4"), 105.63, 10.46, 360))
                .hasMessageContaining("outside [0, 360)");
    }
}
