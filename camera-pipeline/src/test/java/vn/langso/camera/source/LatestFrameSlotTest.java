package vn.langso.camera.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestFrameSlotTest {

    private static VideoFrame frame(long number) {
        return new VideoFrame(new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR), Instant.EPOCH, number, false);
    }

    @Test
    void newestFrameWinsAndOthersCountAsSkipped() throws InterruptedException {
        LatestFrameSlot slot = new LatestFrameSlot(false);
        for (int i = 1; i <= 5; i++) {
            slot.put(frame(i));
        }

        assertThat(slot.take(1, TimeUnit.SECONDS).number()).isEqualTo(5);
        assertThat(slot.skipped()).isEqualTo(4);
        assertThat(slot.take(10, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void losslessSlotMakesDecoderWait() throws Exception {
        LatestFrameSlot slot = new LatestFrameSlot(true);
        slot.put(frame(1));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> slot.put(frame(2)));

        Thread.sleep(100);
        assertThat(second).isNotDone();
        assertThat(slot.take(1, TimeUnit.SECONDS).number()).isEqualTo(1);
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slot.take(1, TimeUnit.SECONDS).number()).isEqualTo(2);
        assertThat(slot.skipped()).isZero();
    }
}
