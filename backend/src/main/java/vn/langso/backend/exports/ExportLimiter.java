package vn.langso.backend.exports;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * Caps the number of exports running at once. {@link #tryAcquire()} takes a slot or returns empty at once,
 * using only an atomic counter, so it does not block an event-loop thread.
 */
final class ExportLimiter {

    private final int maxConcurrent;
    private final AtomicInteger running = new AtomicInteger();

    ExportLimiter(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, not " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    /** Takes a slot, or returns empty when {@link #maxConcurrent()} exports are already running. */
    Optional<Slot> tryAcquire() {
        while (true) {
            int current = running.get();
            if (current >= maxConcurrent) {
                return Optional.empty();
            }
            if (running.compareAndSet(current, current + 1)) {
                return Optional.of(new Slot());
            }
        }
    }

    /** Returns the number of slots taken and not yet released. */
    int running() {
        return running.get();
    }

    int maxConcurrent() {
        return maxConcurrent;
    }

    /** One running export. Releasing it again does nothing, so every end of an export may release it. */
    final class Slot {

        private final AtomicBoolean released = new AtomicBoolean();

        private Slot() {
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                running.decrementAndGet();
            }
        }

        /**
         * Returns the body, created when it is subscribed, that releases this slot when it completes, fails or is
         * cancelled. An exception thrown while the body is created becomes an error and releases the slot too.
         */
        <T> Flux<T> releaseWhenDone(Supplier<Flux<T>> body) {
            return Flux.defer(body).doFinally(signal -> release());
        }
    }
}
