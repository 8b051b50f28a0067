package vn.langso.camera.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.camera.config.AgentSettings;
import vn.langso.camera.config.ConfigLoader;
import vn.langso.camera.detect.Detector;
import vn.langso.camera.detect.MotionDetector;
import vn.langso.camera.detect.OfflineMode;
import vn.langso.camera.detect.YoloxDetector;
import vn.langso.camera.send.BatchBuffer;
import vn.langso.camera.send.BatchSender;
import vn.langso.camera.send.IngestClient;
import vn.langso.camera.source.Backoff;

/**
 * The camera agent: one {@link CameraWorker} per configured camera, one batch sender and one heartbeat thread.
 * Run as {@code java -jar langso-camera-agent.jar --config cameras.yaml}.
 */
public final class CameraAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraAgent.class);

    private final AgentSettings settings;
    private final BatchBuffer buffer;
    private final BatchSender sender;
    private final HeartbeatPublisher heartbeats;
    private final List<CameraWorker> workers = new ArrayList<>();
    private Thread senderThread;

    public CameraAgent(AgentSettings settings) {
        this(settings, CameraAgent::createDetector);
    }

    /** Creates an agent whose detectors come from the factory, for tests and benchmarks. */
    public CameraAgent(AgentSettings settings, Function<AgentSettings.Camera, Detector> detectorFactory) {
        OfflineMode.apply();
        this.settings = settings;
        JsonMapper json = JsonMapper.builder().build();
        IngestClient client = new IngestClient(settings.backend(), settings.agentKey(), json);
        this.buffer = new BatchBuffer(settings.bufferFolder(), settings.agentId(), json);
        this.sender = new BatchSender(buffer, client,
                new Backoff(settings.reconnectInitial(), settings.reconnectMaximum()));
        this.heartbeats = new HeartbeatPublisher(settings.agentId(), client);
        for (AgentSettings.Camera camera : settings.cameras()) {
            workers.add(new CameraWorker(camera, settings, buffer, sender::wakeUp, heartbeats::sendSoon,
                    detectorFactory));
        }
    }

    static Detector createDetector(AgentSettings.Camera camera) {
        AgentSettings.DetectorSpec spec = camera.detector();
        if (AgentSettings.DetectorSpec.YOLOX.equals(spec.type())) {
            YoloxDetector.Settings defaults = YoloxDetector.Settings.defaults(spec.model());
            return YoloxDetector.load(new YoloxDetector.Settings(spec.model(), defaults.inputSize(),
                    spec.scoreThreshold(), defaults.nmsIouThreshold(), spec.threads()));
        }
        return new MotionDetector(MotionDetector.Settings.defaults());
    }

    public void start() {
        senderThread = Thread.ofPlatform().name("camera-batch-sender").daemon().start(sender);
        heartbeats.start(workers, settings.heartbeatInterval().toMillis());
        for (CameraWorker worker : workers) {
            worker.start();
            LOG.info("Camera {} started: {} with the {} detector, {} lines, {} zones", worker.id(),
                    worker.camera().source().redacted(), worker.camera().detector().type(),
                    worker.camera().lines().size(), worker.camera().zones().size());
        }
    }

    public List<CameraWorker> workers() {
        return List.copyOf(workers);
    }

    public CameraWorker worker(String cameraId) {
        return workers.stream().filter(worker -> worker.id().equals(cameraId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No camera " + cameraId));
    }

    public BatchBuffer buffer() {
        return buffer;
    }

    public BatchSender sender() {
        return sender;
    }

    /** Stops the cameras, which seal their last batches; the sender goes on sending the buffer. */
    public void stopCameras() throws InterruptedException {
        for (CameraWorker worker : workers) {
            worker.stop(Duration.ofSeconds(10));
        }
    }

    /**
     * Stops the cameras, the heartbeats and the sender. Batches not yet sent stay in the buffer folder and are
     * sent by the next agent that starts on it.
     */
    @Override
    public void close() throws InterruptedException {
        stopCameras();
        heartbeats.close();
        sender.stop();
        if (senderThread != null) {
            senderThread.join(Duration.ofSeconds(20));
        }
    }

    public static void main(String[] args) throws Exception {
        OfflineMode.apply();
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                config = Path.of(args[++i]);
            } else if ("--help".equals(args[i]) || "-h".equals(args[i])) {
                printUsage();
                return;
            }
        }
        if (config == null) {
            printUsage();
            System.exit(2);
        }
        AgentSettings settings;
        try {
            settings = new ConfigLoader().load(config);
        } catch (ConfigLoader.InvalidConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CameraAgent agent = new CameraAgent(settings);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                agent.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        agent.start();
        LOG.info("Camera agent {} running {} cameras, sending to {}", settings.agentId(), settings.cameras().size(),
                settings.backend());
        Thread.currentThread().join();
    }

    private static void printUsage() {
        System.err.println("Usage: java -jar langso-camera-agent.jar --config FILE");
        System.err.println("  --config FILE  agent configuration in YAML (.yaml, .yml) or JSON; see the module README");
        System.err.println("  The agent key comes from backend.agentKey or the environment variable LANGSO_AGENT_KEY.");
    }
}
