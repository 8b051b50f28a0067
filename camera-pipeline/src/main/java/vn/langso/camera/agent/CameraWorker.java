package vn.langso.camera.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.camera.config.AgentSettings;
import vn.langso.camera.count.CameraAnalytics;
import vn.langso.camera.detect.Detection;
import vn.langso.camera.detect.Detector;
import vn.langso.camera.send.BatchBuffer;
import vn.langso.camera.send.Messages.CountItem;
import vn.langso.camera.send.Messages.DetectionItem;
import vn.langso.camera.send.Messages.ViolationItem;
import vn.langso.camera.source.Backoff;
import vn.langso.camera.source.CameraStatus;
import vn.langso.camera.source.FrameReader;
import vn.langso.camera.source.LatestFrameSlot;
import vn.langso.camera.source.VideoFrame;
import vn.langso.camera.track.Tracker;

/**
 * One camera's pipeline on two threads of its own: the decoder ({@link FrameReader}) and the detector thread,
 * which detects, tracks, counts and seals a batch into the buffer every batch interval. A failure in one camera
 * ends or restarts only its own threads.
 */
public final class CameraWorker {

    /** Receives status changes, to send a heartbeat at once. */
    public interface StatusCallback {
        void statusChanged(CameraWorker worker);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CameraWorker.class);

    private final AgentSettings.Camera camera;
    private final AgentSettings settings;
    private final BatchBuffer buffer;
    private final Runnable batchWritten;
    private final StatusCallback statusCallback;
    private final Function<AgentSettings.Camera, Detector> detectorFactory;
    private final LatestFrameSlot slot;
    private final FrameReader reader;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong crossings = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final List<DetectionItem> pendingDetections = new ArrayList<>();
    private final List<ViolationItem> pendingViolations = new ArrayList<>();
    private final List<CountItem> pendingCounts = new ArrayList<>();
    private volatile CameraStatus status = CameraStatus.CONNECTING;
    private volatile String statusMessage;
    private volatile boolean stopped;
    private Thread decodeThread;
    private Thread detectThread;

    public CameraWorker(AgentSettings.Camera camera, AgentSettings settings, BatchBuffer buffer,
                        Runnable batchWritten, StatusCallback statusCallback,
                        Function<AgentSettings.Camera, Detector> detectorFactory) {
        this.camera = camera;
        this.settings = settings;
        this.buffer = buffer;
        this.batchWritten = batchWritten;
        this.statusCallback = statusCallback;
        this.detectorFactory = detectorFactory;
        boolean lossless = camera.source().isFile() && !camera.source().realtime();
        this.slot = new LatestFrameSlot(lossless);
        this.reader = new FrameReader(camera.id(), camera.source(), slot,
                new Backoff(settings.reconnectInitial(), settings.reconnectMaximum()), this::onStatus);
    }

    public void start() {
        decodeThread = Thread.ofPlatform().name("camera-" + camera.id() + "-decode").daemon().start(reader);
        detectThread = Thread.ofPlatform().name("camera-" + camera.id() + "-detect").daemon().start(this::detectLoop);
    }

    /** Stops both threads and waits for them, sealing the last batch. */
    public void stop(Duration timeout) throws InterruptedException {
        stopped = true;
        reader.stop();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : new Thread[] {decodeThread, detectThread}) {
            if (thread != null) {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        }
    }

    /** Waits until the detector thread ended by itself (a file that is not looped reached its end). */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return detectThread.join(timeout);
    }

    private void onStatus(CameraStatus newStatus, String message) {
        if (newStatus == status && java.util.Objects.equals(message, statusMessage)) {
            return;
        }
        status = newStatus;
        statusMessage = message;
        statusCallback.statusChanged(this);
    }

    private void detectLoop() {
        Detector detector;
        try {
            detector = detectorFactory.apply(camera);
        } catch (RuntimeException e) {
            LOG.error("Camera {}: detector could not start; the camera stays offline", camera.id(), e);
            reader.stop();
            onStatus(CameraStatus.OFFLINE, "detector failed: " + e.getMessage());
            return;
        }
        CameraAnalytics analytics = new CameraAnalytics(camera.lines(), camera.zones(),
                new CameraAnalytics.Settings(settings.countInterval(), Duration.ofSeconds(1), Duration.ofSeconds(1),
                        0.15),
                Tracker.Settings.defaults());
        long nextBatchNanos = System.nanoTime() + settings.batchInterval().toNanos();
        Instant lastFrameAt = null;
        try (detector) {
            while (!stopped) {
                VideoFrame frame = slot.take(200, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    lastFrameAt = frame.at();
                    process(detector, analytics, frame);
                } else if (!decodeThread.isAlive()) {
                    break;
                }
                if (System.nanoTime() >= nextBatchNanos) {
                    Instant now = camera.source().isFile() ? lastFrameAt : Instant.now();
                    seal(now == null ? List.of() : analytics.drainClosedCounts(now));
                    nextBatchNanos = System.nanoTime() + settings.batchInterval().toNanos();
                }
            }
            seal(analytics.drainAllCounts());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Camera {}: processing failed; the camera stops", camera.id(), e);
            reader.stop();
            onStatus(CameraStatus.OFFLINE, "processing failed: " + e.getMessage());
        }
    }

    private void process(Detector detector, CameraAnalytics analytics, VideoFrame frame) {
        if (frame.firstOfPass()) {
            analytics.endTracks();
        }
        List<Detection> detections = detector.detect(frame.image());
        CameraAnalytics.FrameResult result = analytics.process(frame.image(), frame.at(), detections);
        processed.incrementAndGet();
        crossings.addAndGet(result.crossings());
        violations.addAndGet(result.violations().size());
        pendingDetections.addAll(result.detections());
        pendingViolations.addAll(result.violations());
        for (ViolationItem violation : result.violations()) {
            LOG.info("Camera {}: {} violation by track {} ({})", camera.id(), violation.type(), violation.trackId(),
                    violation.objectClass());
        }
    }

    private void seal(List<CountItem> counts) {
        pendingCounts.addAll(counts);
        try {
            long sequence = buffer.append(camera.id(), List.copyOf(pendingDetections), List.copyOf(pendingCounts),
                    List.copyOf(pendingViolations), Instant.now());
            pendingDetections.clear();
            pendingViolations.clear();
            pendingCounts.clear();
            if (sequence > 0) {
                batchWritten.run();
            }
        } catch (RuntimeException e) {
            // The events stay in memory and go into the next batch.
            LOG.error("Camera {}: could not buffer a batch; keeping its events for the next one", camera.id(), e);
        }
    }

    public String id() {
        return camera.id();
    }

    public AgentSettings.Camera camera() {
        return camera;
    }

    public CameraStatus status() {
        return status;
    }

    public String statusMessage() {
        return statusMessage;
    }

    /** Frames that went through the detector. */
    public long processedFrames() {
        return processed.get();
    }

    /** Frames decoded but replaced by a newer one before the detector took them. */
    public long skippedFrames() {
        return slot.skipped();
    }

    public long decodedFrames() {
        return reader.framesDecoded();
    }

    /** Line crossings counted since start. */
    public long crossings() {
        return crossings.get();
    }

    public long violations() {
        return violations.get();
    }
}
