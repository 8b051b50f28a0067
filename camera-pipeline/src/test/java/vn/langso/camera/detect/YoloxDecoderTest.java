package vn.langso.camera.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.langso.camera.track.Box;

class YoloxDecoderTest {

    private static final int CLASSES = 80;
    private static final int FIELDS = 85;

    @Test
    void decodesGridCellOfEachStride() {
        float[] output = new float[YoloxDecoder.expectedRows(416) * FIELDS];
        // Stride 8, cell (x 3, y 2): row 2 * 52 + 3; a car (class 2) at centre ((0.5 + 3) * 8, (0.5 + 2) * 8).
        setRow(output, 2 * 52 + 3, 0.5f, 0.5f, 1.0f, 0.0f, 0.9f, 2, 0.8f);
        // Stride 32, cell (x 1, y 0): after 2704 + 676 rows; a bus (class 5).
        setRow(output, 2704 + 676 + 1, 0f, 0f, 0f, 0f, 0.5f, 5, 0.9f);

        List<YoloxDecoder.Candidate> candidates = YoloxDecoder.decode(output, CLASSES, 416, 0.5, 0.1);

        assertThat(candidates).hasSize(2);
        YoloxDecoder.Candidate car = candidates.getFirst();
        assertThat(car.cocoIndex()).isEqualTo(2);
        assertThat(car.score()).isCloseTo(0.72, within(1e-6));
        double width = Math.exp(1.0) * 8;
        assertThat(car.box().centreX()).isCloseTo(28 / 0.5, within(1e-6));
        assertThat(car.box().centreY()).isCloseTo(20 / 0.5, within(1e-6));
        assertThat(car.box().width()).isCloseTo(width / 0.5, within(1e-6));
        assertThat(car.box().height()).isCloseTo(8 / 0.5, within(1e-6));
        YoloxDecoder.Candidate bus = candidates.get(1);
        assertThat(bus.cocoIndex()).isEqualTo(5);
        assertThat(bus.box().centreX()).isCloseTo(32 / 0.5, within(1e-6));
    }

    @Test
    void rejectsWrongOutputSize() {
        assertThatThrownBy(() -> YoloxDecoder.decode(new float[10], CLASSES, 416, 1, 0.1))
                .hasMessageContaining("expected 3549 rows");
    }

    @Test
    void suppressionIsClassAgnostic() {
        List<YoloxDecoder.Candidate> kept = YoloxDecoder.nonMaximumSuppression(List.of(
                new YoloxDecoder.Candidate(2, 0.6, new Box(0, 0, 100, 100)),
                new YoloxDecoder.Candidate(7, 0.9, new Box(5, 5, 100, 100)),
                new YoloxDecoder.Candidate(0, 0.5, new Box(300, 300, 50, 50))), 0.45);

        assertThat(kept).extracting(YoloxDecoder.Candidate::cocoIndex).containsExactly(7, 0);
    }

    private static void setRow(float[] output, int row, float x, float y, float w, float h, float objectness,
                               int cocoClass, float classScore) {
        int offset = row * FIELDS;
        output[offset] = x;
        output[offset + 1] = y;
        output[offset + 2] = w;
        output[offset + 3] = h;
        output[offset + 4] = objectness;
        output[offset + 5 + cocoClass] = classScore;
    }
}
