package vn.langso.camera.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.langso.camera.track.Box;

/**
 * Decodes the raw output of a YOLOX model exported without in-graph decoding ({@code decode_in_inference=False}).
 *
 * <p>Each output row is {@code [x, y, w, h, objectness, class_0 .. class_n]}, with the sigmoid already applied
 * to objectness and classes. Rows are anchor-free grid cells, stride 8 first, then 16, then 32, each in row-major
 * order. The centre is {@code (x + gridX) * stride}, the size {@code exp(w) * stride}, in input pixels.
 */
final class YoloxDecoder {

    private static final int[] STRIDES = {8, 16, 32};
    private static final int BOX_FIELDS = 5;

    private YoloxDecoder() {
    }

    /** Candidate before class mapping: COCO index, score and box in original-image pixels. */
    record Candidate(int cocoIndex, double score, Box box) {
    }

    /**
     * Decodes all rows whose best class score passes {@code scoreThreshold}.
     *
     * @param output    row-major {@code rows x (5 + classes)} values
     * @param inputSize side of the square model input in pixels (416 for YOLOX-Nano)
     * @param ratio     letterbox scale from original image to model input; boxes are divided by it
     */
    static List<Candidate> decode(float[] output, int classes, int inputSize, double ratio, double scoreThreshold) {
        int fields = BOX_FIELDS + classes;
        int expectedRows = expectedRows(inputSize);
        if (output.length != expectedRows * fields) {
            throw new IllegalArgumentException("YOLOX output has " + output.length + " values, expected "
                    + expectedRows + " rows of " + fields + " for a " + inputSize + " px input");
        }
        List<Candidate> candidates = new ArrayList<>();
        int row = 0;
        for (int stride : STRIDES) {
            int cells = inputSize / stride;
            for (int gridY = 0; gridY < cells; gridY++) {
                for (int gridX = 0; gridX < cells; gridX++, row++) {
                    int offset = row * fields;
                    float objectness = output[offset + 4];
                    int bestClass = -1;
                    double bestScore = 0;
                    for (int c = 0; c < classes; c++) {
                        double score = objectness * output[offset + BOX_FIELDS + c];
                        if (score > bestScore) {
                            bestScore = score;
                            bestClass = c;
                        }
                    }
                    if (bestScore < scoreThreshold) {
                        continue;
                    }
                    double centreX = (output[offset] + gridX) * stride;
                    double centreY = (output[offset + 1] + gridY) * stride;
                    double width = Math.exp(output[offset + 2]) * stride;
                    double height = Math.exp(output[offset + 3]) * stride;
                    Box box = new Box((centreX - width / 2) / ratio, (centreY - height / 2) / ratio,
                            width / ratio, height / ratio);
                    candidates.add(new Candidate(bestClass, bestScore, box));
                }
            }
        }
        return candidates;
    }

    static int expectedRows(int inputSize) {
        int rows = 0;
        for (int stride : STRIDES) {
            rows += (inputSize / stride) * (inputSize / stride);
        }
        return rows;
    }

    /** Class-agnostic non-maximum suppression: keeps the best box of each group overlapping above the IoU. */
    static List<Candidate> nonMaximumSuppression(List<Candidate> candidates, double iouThreshold) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : sorted) {
            boolean suppressed = false;
            for (Candidate keeper : kept) {
                if (keeper.box().iou(candidate.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
