package vn.langso.camera.send;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.camera.source.Backoff;

/**
 * Sends the buffered batches to the backend on one thread, oldest sequence first per camera. A batch leaves the
 * buffer only when the backend responded that it is stored (now or before) or rejected it as invalid. On any
 * other failure the sender waits with a capped exponential backoff and sends the same batch again. So the backend
 * receives each camera's batches in order, and its duplicate check stores each once.
 */
public final class BatchSender implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final BatchBuffer buffer;
    private final IngestClient client;
    private final Backoff backoff;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean stopped;

    public BatchSender(BatchBuffer buffer, IngestClient client, Backoff backoff) {
        this.buffer = buffer;
        this.client = client;
        this.backoff = backoff;
    }

    /** Tells the sender that a new batch is waiting. */
    public void wakeUp() {
        wakeUp.release();
    }

    public void stop() {
        stopped = true;
        wakeUp.release();
    }

    @Override
    public void run() {
        boolean failing = false;
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            try {
                SendRound round = sendRound();
                if (round.failure() != null) {
                    Duration delay = backoff.nextDelay();
                    if (!failing) {
                        LOG.warn("Backend unavailable ({}); batches stay buffered, retrying with backoff",
                                round.failure());
                    }
                    failing = true;
                    sleepUnlessStopped(delay);
                } else {
                    if (failing) {
                        LOG.info("Backend reachable again; sending buffered batches");
                    }
                    failing = false;
                    backoff.reset();
                    if (!round.sentAny()) {
                        waitFor(IDLE_POLL);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("Batch sender failed to read its buffer; retrying", e);
                try {
                    sleepUnlessStopped(backoff.nextDelay());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record SendRound(boolean sentAny, String failure) {
    }

    /** Sends the pending batches of every camera; stops at the first batch that must be retried. */
    private SendRound sendRound() throws IOException, InterruptedException {
        boolean sentAny = false;
        for (String camera : buffer.cameras()) {
            List<Path> pending = buffer.pending(camera);
            for (Path batch : pending) {
                if (stopped) {
                    return new SendRound(sentAny, null);
                }
                String failure = sendOne(batch);
                if (failure != null) {
                    return new SendRound(sentAny, failure);
                }
                sentAny = true;
            }
        }
        return new SendRound(sentAny, null);
    }

    /** Sends one batch; returns null when it left the buffer, otherwise the reason to retry. */
    private String sendOne(Path batch) throws IOException, InterruptedException {
        byte[] body;
        try {
            body = Files.readAllBytes(batch);
        } catch (NoSuchFileException e) {
            return null;
        }
        IngestClient.Outcome outcome = client.postBatch(body);
        switch (outcome) {
            case IngestClient.Outcome.Delivered(boolean duplicate) -> {
                buffer.delivered(batch);
                delivered.incrementAndGet();
                if (duplicate) {
                    duplicates.incrementAndGet();
                    LOG.info("Batch {} was already stored by the backend; dropped from the buffer", batch);
                }
                return null;
            }
            case IngestClient.Outcome.Rejected(int status, String problem) -> {
                String reason = "HTTP " + status + ": " + problem;
                buffer.rejected(batch, reason);
                rejected.incrementAndGet();
                LOG.error("Backend rejected batch {} as invalid ({}); moved to the rejected folder", batch,
                        reason.replaceAll("[\\r\\n]+", " "));
                return null;
            }
            case IngestClient.Outcome.Retry(String reason) -> {
                return reason;
            }
        }
    }

    /** Waits out a retry delay; new batches do not shorten it, so a down backend is not hammered. */
    private void sleepUnlessStopped(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        while (!stopped) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wakeUp.tryAcquire(left, TimeUnit.NANOSECONDS);
        }
    }

    private void waitFor(Duration delay) throws InterruptedException {
        if (wakeUp.tryAcquire(delay.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUp.drainPermits();
        }
    }

    /** Batches the backend confirmed, duplicates included. */
    public long deliveredCount() {
        return delivered.get();
    }

    /** Batches the backend reported as already stored. */
    public long duplicateCount() {
        return duplicates.get();
    }

    public long rejectedCount() {
        return rejected.get();
    }
}
