package vn.langso.camera.detect;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds road objects in a frame. Implementations are used by one camera thread at a time and need not be
 * thread-safe.
 */
public interface Detector extends AutoCloseable {

    /** Detects objects in a {@link BufferedImage#TYPE_3BYTE_BGR} image. */
    List<Detection> detect(BufferedImage bgrImage);

    /** Short name for logs and heartbeats, such as {@code yolox} or {@code motion}. */
    String name();

    @Override
    void close();
}
