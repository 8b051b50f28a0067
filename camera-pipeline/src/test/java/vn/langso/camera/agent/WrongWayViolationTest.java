package vn.langso.camera.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.camera.testing.AgentFixtures.camera;
import static vn.langso.camera.testing.AgentFixtures.motion;
import static vn.langso.camera.testing.AgentFixtures.settings;
import static vn.langso.camera.testing.AgentFixtures.waitUntil;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.langso.camera.count.CountingLine;
import vn.langso.camera.source.SourceSpec;
import vn.langso.camera.testing.FakeIngestServer;

/**
 * A synthetic video, encoded with FFmpeg: one box drives up the picture against a directional line whose forward
 * direction is down, another drives down it. Only the first is a wrong-way violation.
 */
class WrongWayViolationTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final CountingLine LINE = new CountingLine("one-way", 20, 120, 300, 120, 0, 1, true);

    @TempDir
    Path folder;

    @Test
    void wrongWayCrossingGivesOneViolation() throws Exception {
        Path video = folder.resolve("one-way.mp4");
        writeVideo(video);
        try (FakeIngestServer backend = FakeIngestServer.start(0)) {
            SourceSpec source = new SourceSpec(video.toUri(), false, false, null);
            CameraAgent agent = new CameraAgent(settings(backend.uri(), folder.resolve("buffer"),
                    List.of(camera("one-way", source, motion(), List.of(LINE), List.of()))));
            try {
                agent.start();
                assertThat(agent.worker("one-way").awaitEnd(Duration.ofSeconds(60))).isTrue();
                assertThat(waitUntil(Duration.ofSeconds(20), () -> pending(agent) == 0)).isTrue();
            } finally {
                agent.close();
            }

            List<JsonNode> violations = new ArrayList<>();
            backend.batches().forEach(batch -> batch.get("violations").forEach(violations::add));
            assertThat(violations).hasSize(1);
            JsonNode violation = violations.getFirst();
            assertThat(violation.get("type").asString()).isEqualTo("wrong_way");
            assertThat(violation.get("lineId").asString()).isEqualTo("one-way");
            assertThat(violation.has("zoneId")).isFalse();

            BufferedImage snapshot = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(violation.get("snapshotJpeg").asString())));
            assertThat(snapshot.getWidth()).isEqualTo(WIDTH);
            assertThat(snapshot.getHeight()).isEqualTo(HEIGHT);
            assertThat(redPixels(snapshot)).as("box outline drawn in red on a grey and white scene")
                    .isGreaterThan(2 * (BOX_WIDTH + BOX_HEIGHT));

            JsonNode track = violation.get("track");
            assertThat(track.size()).isGreaterThanOrEqualTo(3);
            assertThat(track.get(0).get(0).isIntegralNumber()).as("track times in whole epoch milliseconds").isTrue();
            double firstY = track.get(0).get(2).asDouble();
            double lastY = track.get(track.size() - 1).get(2).asDouble();
            assertThat(firstY).as("track starts below the line").isGreaterThan(120);
            assertThat(lastY).as("track ends above the line").isLessThanOrEqualTo(120);
            assertThat(track.get(0).get(1).asDouble()).isBetween(50.0, 110.0);

            assertThat(backend.count("one-way", "car", "backward")
                    + backend.count("one-way", "motorbike", "backward")).isEqualTo(1);
            assertThat(backend.totalCount("one-way")).as("one crossing each way").isEqualTo(2);
        }
    }

    private static int redPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (isRed(image.getRGB(x, y))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean isRed(int rgb) {
        Color colour = new Color(rgb);
        return colour.getRed() > 180 && colour.getGreen() < 110 && colour.getBlue() < 110;
    }

    private static final int BOX_WIDTH = 40;
    private static final int BOX_HEIGHT = 30;

    /** 20 empty frames for the background model, then the two boxes; 25 frames per second, MPEG-4 Part 2. */
    private static void writeVideo(Path file) throws IOException {
        Java2DFrameConverter converter = new Java2DFrameConverter();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(25);
            recorder.setVideoQuality(2);
            recorder.start();
            for (int i = 0; i < 120; i++) {
                recorder.record(converter.convert(scene(i)), avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
    }

    private static BufferedImage scene(int frame) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(90, 90, 90));
        graphics.fillRect(0, 0, WIDTH, HEIGHT);
        graphics.setColor(Color.WHITE);
        int t = frame - 20;
        if (t >= 0 && t < 50) {
            graphics.fillRect(60, 200 - t * 4, BOX_WIDTH, BOX_HEIGHT);
        }
        if (t >= 50 && t < 100) {
            graphics.fillRect(220, 10 + (t - 50) * 4, BOX_WIDTH, BOX_HEIGHT);
        }
        graphics.dispose();
        return image;
    }

    private static int pending(CameraAgent agent) {
        try {
            return agent.buffer().pendingCount();
        } catch (IOException e) {
            return -1;
        }
    }
}
