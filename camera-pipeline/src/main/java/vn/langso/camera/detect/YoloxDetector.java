package vn.langso.camera.detect;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * YOLOX detector on DJL's ONNX Runtime engine, from a model file on disk. Pre- and post-processing are plain
 * Java because ONNX Runtime NDArrays support no arithmetic without a second engine.
 */
public final class YoloxDetector implements Detector {

    /** Settings of the detector: model file, square input size, thresholds and ONNX Runtime threads. */
    public record Settings(Path model, int inputSize, double scoreThreshold, double nmsIouThreshold, int threads) {

        public static Settings defaults(Path model) {
            return new Settings(model, 416, 0.3, 0.45, 1);
        }
    }

    private static final int COCO_CLASSES = 80;
    /** Candidates below this score are dropped before NMS, as YOLOX's own ONNX demo does. */
    private static final double PRE_NMS_SCORE = 0.1;

    private final Settings settings;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private YoloxDetector(Settings settings, ZooModel<NDList, NDList> model) {
        this.settings = settings;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /** Loads the model from its file, after switching DJL to offline mode. */
    public static YoloxDetector load(Settings settings) {
        OfflineMode.apply();
        if (!Files.isRegularFile(settings.model())) {
            throw new IllegalArgumentException("YOLOX model file not found: " + settings.model()
                    + "; set detector.model to an ONNX file on disk");
        }
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optEngine("OnnxRuntime")
                .optModelPath(settings.model())
                .optTranslator(new NoopTranslator())
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", Integer.toString(settings.threads()))
                .build();
        try {
            return new YoloxDetector(settings, criteria.loadModel());
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("Could not load the YOLOX model " + settings.model() + ": " + e, e);
        }
    }

    @Override
    public List<Detection> detect(BufferedImage bgrImage) {
        Letterbox letterbox = Letterbox.of(bgrImage, settings.inputSize());
        return postprocess(infer(letterbox.chw()), letterbox.ratio(), bgrImage);
    }

    /** Letterboxes a frame into the model's input (CHW floats), for benchmarks that time inference alone. */
    public float[] prepare(BufferedImage bgrImage) {
        return Letterbox.of(bgrImage, settings.inputSize()).chw();
    }

    /** Runs the model on a prepared input and returns its raw output rows. */
    public float[] infer(float[] chw) {
        int size = settings.inputSize();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(FloatBuffer.wrap(chw), new Shape(1, 3, size, size));
            NDList result = predictor.predict(new NDList(input));
            return result.singletonOrThrow().toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException("YOLOX inference failed: " + e.getMessage(), e);
        }
    }

    private List<Detection> postprocess(float[] output, double ratio, BufferedImage image) {
        List<YoloxDecoder.Candidate> candidates = YoloxDecoder.decode(output, COCO_CLASSES, settings.inputSize(),
                ratio, PRE_NMS_SCORE);
        List<YoloxDecoder.Candidate> kept = YoloxDecoder.nonMaximumSuppression(candidates,
                settings.nmsIouThreshold());
        List<Detection> detections = new ArrayList<>();
        for (YoloxDecoder.Candidate candidate : kept) {
            if (candidate.score() < settings.scoreThreshold()) {
                continue;
            }
            Optional<RoadClass> roadClass = RoadClass.fromCocoIndex(candidate.cocoIndex());
            roadClass.ifPresent(value -> detections.add(new Detection(value, candidate.score(),
                    candidate.box().clip(image.getWidth(), image.getHeight()))));
        }
        return detections;
    }

    @Override
    public String name() {
        return "yolox";
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
