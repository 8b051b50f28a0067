package vn.langso.camera.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.langso.gis.testing.SharedData;

/** YOLOX-Nano through DJL and ONNX Runtime on still images, against reference scores of the same model. */
class YoloxDetectorTest {

    private static YoloxDetector detector;

    @BeforeAll
    static void loadModel() {
        Path model = SharedData.require("camera/yolox_nano.onnx");
        detector = YoloxDetector.load(YoloxDetector.Settings.defaults(model));
    }

    @AfterAll
    static void closeModel() {
        if (detector != null) {
            detector.close();
        }
    }

    static BufferedImage readBgr(Path file) throws IOException {
        BufferedImage read = ImageIO.read(file.toFile());
        BufferedImage bgr = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(read, 0, 0, null);
        return bgr;
    }

    @Test
    void busImageHasBusAndThreePeople() throws IOException {
        List<Detection> detections = detector.detect(readBgr(SharedData.require("camera/bus.jpg")));

        List<Detection> buses = detections.stream().filter(d -> d.roadClass() == RoadClass.BUS).toList();
        List<Detection> people = detections.stream().filter(d -> d.roadClass() == RoadClass.PERSON)
                .sorted(Comparator.comparingDouble(Detection::score).reversed()).toList();
        assertThat(buses).hasSize(1);
        assertThat(buses.getFirst().score()).isCloseTo(0.909, within(0.02));
        assertThat(buses.getFirst().box().x()).isCloseTo(14, within(8.0));
        assertThat(buses.getFirst().box().y()).isCloseTo(231, within(8.0));
        assertThat(buses.getFirst().box().x() + buses.getFirst().box().width()).isCloseTo(800, within(8.0));
        assertThat(buses.getFirst().box().y() + buses.getFirst().box().height()).isCloseTo(735, within(8.0));
        assertThat(people).hasSizeGreaterThanOrEqualTo(3);
        assertThat(people.get(0).score()).isCloseTo(0.859, within(0.02));
        assertThat(people.get(1).score()).isCloseTo(0.815, within(0.02));
        assertThat(people.get(2).score()).isCloseTo(0.705, within(0.02));
        assertThat(people.get(0).box().x()).isCloseTo(51, within(8.0));
        assertThat(people.get(2).box().x()).isCloseTo(685, within(8.0));
    }

    @Test
    void motorcycleImageHasMotorbike() throws IOException {
        List<Detection> detections = detector.detect(readBgr(
                SharedData.require("camera/coco-000000007816-motorcycle.jpg")));

        assertThat(detections).extracting(Detection::roadClass).contains(RoadClass.MOTORBIKE);
        Detection motorbike = detections.stream().filter(d -> d.roadClass() == RoadClass.MOTORBIKE)
                .max(Comparator.comparingDouble(Detection::score)).orElseThrow();
        assertThat(motorbike.score()).isGreaterThan(0.5);
        assertThat(motorbike.box().width()).isGreaterThan(100);
    }

    @Test
    void dogImageMapsOnlyRoadClasses() throws IOException {
        List<Detection> detections = detector.detect(readBgr(SharedData.require("camera/dog.jpg")));

        assertThat(detections).extracting(Detection::roadClass).contains(RoadClass.BICYCLE);
        assertThat(detections).extracting(Detection::roadClass)
                .containsAnyOf(RoadClass.TRUCK, RoadClass.CAR);
    }
}
