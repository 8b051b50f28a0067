package vn.langso.camera.agent;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.camera.send.IngestClient;
import vn.langso.camera.send.Messages.Heartbeat;

/**
 * Sends each camera's heartbeat every interval, and at once when its status changes, on one thread of its own
 * so that a slow backend never holds up decoding. Heartbeats are not buffered: a lost one is replaced by the next.
 */
final class HeartbeatPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatPublisher.class);
    /** A failing backend is logged at most once per this many milliseconds. */
    private static final long FAILURE_LOG_MILLIS = 60_000;

    private record Sample(long processed, long nanos) {
    }

    private final String agentId;
    private final IngestClient client;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("camera-heartbeats").daemon().unstarted(runnable));
    private final Map<String, Sample> lastSamples = new HashMap<>();
    private long lastFailureLog;

    HeartbeatPublisher(String agentId, IngestClient client) {
        this.agentId = agentId;
        this.client = client;
    }

    void start(List<CameraWorker> workers, long intervalMillis) {
        executor.scheduleAtFixedRate(() -> workers.forEach(this::send), intervalMillis, intervalMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Queues a heartbeat of the camera now. */
    void sendSoon(CameraWorker worker) {
        if (!executor.isShutdown()) {
            executor.execute(() -> send(worker));
        }
    }

    private void send(CameraWorker worker) {
        long now = System.nanoTime();
        long processed = worker.processedFrames();
        Sample previous = lastSamples.put(worker.id(), new Sample(processed, now));
        double fps = 0;
        if (previous != null && now > previous.nanos()) {
            fps = (processed - previous.processed()) * 1e9 / (now - previous.nanos());
        }
        Heartbeat heartbeat = new Heartbeat(agentId, worker.id(), worker.status().wireName(),
                Math.round(fps * 10) / 10.0, worker.skippedFrames(), Instant.now().toString(),
                worker.statusMessage());
        try {
            int status = client.postHeartbeat(heartbeat);
            if (status != 204 && status != 200) {
                logFailure(worker, "HTTP " + status);
            }
        } catch (IOException e) {
            logFailure(worker, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logFailure(CameraWorker worker, String reason) {
        long now = System.currentTimeMillis();
        if (now - lastFailureLog >= FAILURE_LOG_MILLIS) {
            lastFailureLog = now;
            LOG.warn("Heartbeat of camera {} failed ({}); later failures are logged once a minute", worker.id(),
                    reason);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
