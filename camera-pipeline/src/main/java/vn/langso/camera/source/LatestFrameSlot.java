package vn.langso.camera.source;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hand-off of frames from a camera's decoder thread to its detector thread that keeps at most one frame: a new
 * frame replaces one not yet taken, which counts as skipped. So a slow detector always gets the newest frame
 * and no backlog builds up. In lossless mode (files processed as fast as possible) the decoder waits instead.
 */
public final class LatestFrameSlot {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a frame is put (for the taker) or taken (for a lossless putter). */
    private final Condition changed = lock.newCondition();
    private final AtomicLong skipped = new AtomicLong();
    private final boolean lossless;
    private VideoFrame frame;

    public LatestFrameSlot(boolean lossless) {
        this.lossless = lossless;
    }

    /** Offers a frame. Returns false only when interrupted while waiting in lossless mode. */
    public boolean put(VideoFrame newFrame) {
        lock.lock();
        try {
            if (lossless) {
                while (frame != null) {
                    changed.await();
                }
            } else if (frame != null) {
                skipped.incrementAndGet();
            }
            frame = newFrame;
            changed.signalAll();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the newest frame, waiting up to the timeout; returns null when none arrived in time. */
    public VideoFrame take(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (frame == null) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
            VideoFrame taken = frame;
            frame = null;
            changed.signalAll();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Frames replaced before the detector took them, since this slot was created. */
    public long skipped() {
        return skipped.get();
    }
}
