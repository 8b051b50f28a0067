package vn.langso.camera.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;
import vn.langso.camera.track.Box;

/**
 * Finds moving objects by background subtraction (OpenCV MOG2) and contours, and classifies them by size and
 * shape. It needs no model, so a camera still counts where none is configured, but the class is a guess: a
 * large car and a small truck look the same to it, and its score is a fixed 0.5.
 *
 * <p>The first frames only teach the background model, so nothing is found in them.
 */
public final class MotionDetector implements Detector {

    /**
     * Settings; areas are fractions of the frame area.
     *
     * @param processingWidth frames are scaled down to this width before subtraction, for speed
     * @param minArea         smaller blobs are noise
     * @param twoWheelerMax   blobs up to this area are motorbikes, or people when tall and narrow
     * @param carMax          blobs up to this area are cars, larger ones trucks
     */
    public record Settings(int processingWidth, int history, double varThreshold, double minArea,
                           double twoWheelerMax, double carMax) {

        public static Settings defaults() {
            return new Settings(480, 300, 25, 0.0008, 0.003, 0.05);
        }
    }

    private static final double MOTION_SCORE = 0.5;
    /** MOG2 marks shadows 127 and foreground 255: the threshold keeps foreground only. */
    private static final double FOREGROUND_THRESHOLD = 200;

    private final Settings settings;
    private final BackgroundSubtractorMOG2 subtractor;
    private final Mat openKernel;
    private final Mat closeKernel;

    public MotionDetector(Settings settings) {
        this.settings = settings;
        this.subtractor = opencv_video.createBackgroundSubtractorMOG2(settings.history(), settings.varThreshold(),
                true);
        this.openKernel = opencv_imgproc.getStructuringElement(MORPH_ELLIPSE, new Size(3, 3));
        this.closeKernel = opencv_imgproc.getStructuringElement(MORPH_ELLIPSE, new Size(9, 9));
    }

    @Override
    public List<Detection> detect(BufferedImage bgrImage) {
        int width = bgrImage.getWidth();
        int height = bgrImage.getHeight();
        double scale = Math.min(1.0, (double) settings.processingWidth() / width);
        byte[] pixels = ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();

        try (BytePointer data = new BytePointer(pixels);
             Mat frame = new Mat(height, width, CV_8UC3, data);
             Mat small = new Mat();
             Mat mask = new Mat();
             MatVector contours = new MatVector()) {
            Mat input = frame;
            if (scale < 1.0) {
                opencv_imgproc.resize(frame, small, new Size((int) (width * scale), (int) (height * scale)), 0, 0,
                        INTER_AREA);
                input = small;
            }
            subtractor.apply(input, mask);
            opencv_imgproc.threshold(mask, mask, FOREGROUND_THRESHOLD, 255, THRESH_BINARY);
            opencv_imgproc.morphologyEx(mask, mask, MORPH_OPEN, openKernel);
            opencv_imgproc.morphologyEx(mask, mask, MORPH_CLOSE, closeKernel);
            opencv_imgproc.findContours(mask, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            return toDetections(contours, scale, (double) width * height);
        }
    }

    private List<Detection> toDetections(MatVector contours, double scale, double frameArea) {
        List<Box> boxes = new ArrayList<>();
        for (long i = 0; i < contours.size(); i++) {
            try (Rect rect = opencv_imgproc.boundingRect(contours.get(i))) {
                boxes.add(new Box(rect.x() / scale, rect.y() / scale, rect.width() / scale, rect.height() / scale));
            }
        }
        List<Detection> detections = new ArrayList<>();
        for (Box box : mergeTouching(boxes)) {
            double area = box.area() / frameArea;
            if (area >= settings.minArea()) {
                detections.add(new Detection(classify(box, area), MOTION_SCORE, box));
            }
        }
        return detections;
    }

    /**
     * Merges boxes that overlap once each is grown by a tenth of its size: one vehicle often falls apart into
     * several blobs (windows, shadow, roof), and each would otherwise become a track of its own.
     */
    static List<Box> mergeTouching(List<Box> boxes) {
        List<Box> merged = new ArrayList<>(boxes);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < merged.size(); i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    if (grown(merged.get(i)).iou(grown(merged.get(j))) > 0) {
                        Box a = merged.get(i);
                        Box b = merged.get(j);
                        merged.set(i, Box.fromCorners(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()),
                                Math.max(a.x() + a.width(), b.x() + b.width()),
                                Math.max(a.y() + a.height(), b.y() + b.height())));
                        merged.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return merged;
    }

    private static Box grown(Box box) {
        double dx = box.width() * 0.1;
        double dy = box.height() * 0.1;
        return new Box(box.x() - dx, box.y() - dy, box.width() + 2 * dx, box.height() + 2 * dy);
    }

    private RoadClass classify(Box box, double area) {
        if (area <= settings.twoWheelerMax()) {
            return box.height() > 1.8 * box.width() ? RoadClass.PERSON : RoadClass.MOTORBIKE;
        }
        return area <= settings.carMax() ? RoadClass.CAR : RoadClass.TRUCK;
    }

    @Override
    public String name() {
        return "motion";
    }

    @Override
    public void close() {
        subtractor.close();
        openKernel.close();
        closeKernel.close();
    }
}
