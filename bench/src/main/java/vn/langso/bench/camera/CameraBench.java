package vn.langso.bench.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import vn.langso.camera.CameraSource;
import vn.langso.camera.agent.CameraAgent;
import vn.langso.camera.agent.CameraWorker;
import vn.langso.camera.config.AgentSettings;
import vn.langso.camera.count.CountingLine;
import vn.langso.camera.detect.OfflineMode;
import vn.langso.camera.detect.YoloxDetector;
import vn.langso.camera.source.SourceSpec;

/**
 * Throughput of the camera agent against its two main costs measured in the same run: raw FFmpeg decoding of
 * the video and raw ONNX Runtime inference of YOLOX on the same frames. Then the whole agent (decode, detect,
 * track, count, buffer) with 1, 2, … cameras reading the video in a loop as fast as they can.
 *
 * <p>Usage: {@code CameraBench --video FILE --model FILE [--frames 300] [--seconds 20] [--cameras 1,2,4]
 * [--threads 1]}.
 */
public final class CameraBench {

    private record Options(Path video, Path model, int frames, int seconds, List<Integer> cameras, int threads) {
    }

    private CameraBench() {
    }

    public static void main(String[] args) throws Exception {
        OfflineMode.apply();
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Options options = parse(args);

        // The raw baselines are measured before and after the agent runs, and averaged, because load from
        // other processes on a shared machine drifts during a run. Their spread shows how much it drifted.
        double decodeBefore = decodeFps(options);
        double inferenceBefore = inferenceFps(options);

        double singleCamera = 0;
        int sustainedAtTen = 0;
        List<String> agentLines = new ArrayList<>();
        for (int cameras : options.cameras()) {
            double[] perCamera = agentFps(options, cameras);
            double total = 0;
            double slowest = Double.MAX_VALUE;
            for (double fps : perCamera) {
                total += fps;
                slowest = Math.min(slowest, fps);
            }
            if (cameras == 1) {
                singleCamera = total;
            }
            if (slowest >= 10) {
                sustainedAtTen = Math.max(sustainedAtTen, cameras);
            }
            agentLines.add(String.format("agent, %d camera(s):       %8.1f frames/s in total, slowest camera %.1f",
                    cameras, total, slowest));
        }

        double decodeAfter = decodeFps(options);
        double inferenceAfter = inferenceFps(options);
        double decodeFps = (decodeBefore + decodeAfter) / 2;
        double inferenceFps = (inferenceBefore + inferenceAfter) / 2;
        double bound = 1 / (1 / decodeFps + 1 / inferenceFps);
        System.out.printf("raw FFmpeg decode:        %8.1f frames/s (before %.1f, after %.1f; %d frames each)%n",
                decodeFps, decodeBefore, decodeAfter, options.frames());
        System.out.printf("raw ONNX Runtime YOLOX:   %8.1f frames/s (before %.1f, after %.1f; %d threads,"
                + " input prepared beforehand)%n", inferenceFps, inferenceBefore, inferenceAfter, options.threads());
        System.out.printf("decode + inference bound: %8.1f frames/s (one camera, one after the other)%n", bound);
        agentLines.forEach(System.out::println);
        if (singleCamera > 0) {
            System.out.printf("ratio agent / decode:     %8.2f%n", singleCamera / decodeFps);
            System.out.printf("ratio agent / inference:  %8.2f%n", singleCamera / inferenceFps);
            System.out.printf("ratio agent / bound:      %8.2f%n", singleCamera / bound);
        }
        System.out.printf("cameras at >= 10 frames/s each, of those tried: %d%n", sustainedAtTen);
    }

    private static double decodeFps(Options options) throws IOException {
        int decoded = 0;
        long start = System.nanoTime();
        while (decoded < options.frames()) {
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(options.video().toString())) {
                grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
                grabber.start();
                while (decoded < options.frames() && grabber.grabImage() != null) {
                    decoded++;
                }
            }
        }
        return decoded * 1e9 / (System.nanoTime() - start);
    }

    private static double inferenceFps(Options options) throws IOException {
        List<float[]> inputs = new ArrayList<>();
        YoloxDetector.Settings defaults = YoloxDetector.Settings.defaults(options.model());
        try (YoloxDetector detector = YoloxDetector.load(new YoloxDetector.Settings(options.model(),
                defaults.inputSize(), defaults.scoreThreshold(), defaults.nmsIouThreshold(), options.threads()));
             FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(options.video().toString());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            Frame frame;
            while (inputs.size() < 30 && (frame = grabber.grabImage()) != null) {
                BufferedImage image = converter.convert(frame);
                inputs.add(detector.prepare(image));
            }
            for (int i = 0; i < 10; i++) {
                detector.infer(inputs.get(i % inputs.size()));
            }
            long start = System.nanoTime();
            for (int i = 0; i < options.frames(); i++) {
                detector.infer(inputs.get(i % inputs.size()));
            }
            return options.frames() * 1e9 / (System.nanoTime() - start);
        }
    }

    /** Runs the agent with the given number of cameras and returns each camera's processed frames per second. */
    private static double[] agentFps(Options options, int cameraCount) throws Exception {
        Path buffer = Files.createTempDirectory("camera-bench-buffer");
        List<AgentSettings.Camera> cameras = new ArrayList<>();
        for (int i = 0; i < cameraCount; i++) {
            SourceSpec source = new SourceSpec(options.video().toUri(), true, false, null);
            cameras.add(new AgentSettings.Camera(new CameraSource("bench-" + i, source.uri(), 105.63, 10.46, 0),
                    source, new AgentSettings.DetectorSpec(AgentSettings.DetectorSpec.YOLOX, options.model(), 0.3,
                    options.threads()),
                    List.of(new CountingLine("line", 100, 300, 840, 300, 0, 1, true)), List.of()));
        }
        // Nothing listens on this loopback port: batches stay in the temporary buffer, as with a backend down.
        URI backend = URI.create("http://127.0.0.1:" + closedLoopbackPort());
        AgentSettings settings = new AgentSettings("bench", backend, "bench", buffer, Duration.ofSeconds(60),
                Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(30),
                cameras);
        CameraAgent agent = new CameraAgent(settings);
        try {
            agent.start();
            Thread.sleep(5000);
            long[] before = new long[cameraCount];
            List<CameraWorker> workers = agent.workers();
            for (int i = 0; i < cameraCount; i++) {
                before[i] = workers.get(i).processedFrames();
            }
            long start = System.nanoTime();
            Thread.sleep(options.seconds() * 1000L);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double[] fps = new double[cameraCount];
            for (int i = 0; i < cameraCount; i++) {
                fps[i] = (workers.get(i).processedFrames() - before[i]) / elapsed;
            }
            return fps;
        } finally {
            agent.close();
        }
    }

    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Options parse(String[] args) {
        Path video = null;
        Path model = null;
        int frames = 300;
        int seconds = 20;
        List<Integer> cameras = List.of(1, 2, 4);
        int threads = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--video" -> video = Path.of(value);
                case "--model" -> model = Path.of(value);
                case "--frames" -> frames = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--cameras" -> cameras = java.util.Arrays.stream(value.split(",")).map(String::trim)
                        .map(Integer::valueOf).toList();
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --video, --model, --frames, --seconds, --cameras or --threads");
            }
        }
        if (video == null || model == null || !Files.isRegularFile(video) || !Files.isRegularFile(model)) {
            throw new IllegalArgumentException("--video and --model must name existing files, were " + video
                    + " and " + model);
        }
        return new Options(video, model, frames, seconds, cameras, threads);
    }
}
