package io.hashdesk.drivers.vnish;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Paces the requests of every driver of one factory: at most {@code slots} waiting for a reply at once. A request
 * still waiting after {@code stragglerAfter} hands its slot to the next one and waits on as one of at most
 * {@code maxStragglers} stragglers, so miners that hang until the request timeout cannot starve the ones that answer
 * (with 5 % of 10,000 miners hanging for the 5 s timeout, slots held to the end doubled a poll cycle). More slots
 * would not help: on a small control-room PC, more requests at once make every one of them slower.
 */
final class RequestSlots implements AutoCloseable {

    private static final int WAITING = 0;
    private static final int STRAGGLING = 1;
    private static final int DONE = 2;

    private final Semaphore slots;
    private final Semaphore stragglers;
    private final long stragglerNanos;
    private final ScheduledThreadPoolExecutor timer;

    RequestSlots(int slots, int maxStragglers, Duration stragglerAfter) {
        if (slots < 1) {
            throw new IllegalArgumentException("max requests in flight must be positive, got " + slots);
        }
        this.slots = new Semaphore(slots, true);
        this.stragglers = new Semaphore(maxStragglers);
        this.stragglerNanos = stragglerAfter.toNanos();
        this.timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("vnish-request-slots").daemon().factory());
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Takes a slot, waiting at most {@code budget}.
     *
     * @return the slot, to be closed when the reply is read; {@code null} when none came free in time
     */
    Slot acquire(Duration budget) throws InterruptedException {
        if (!slots.tryAcquire(budget.toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        Slot slot = new Slot();
        slot.release = timer.schedule(slot::straggle, stragglerNanos, TimeUnit.NANOSECONDS);
        return slot;
    }

    /** One request's hold on a slot, or on a straggler's place once it has waited long. */
    final class Slot implements AutoCloseable {

        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile ScheduledFuture<?> release;

        /** Becomes a straggler if the cap allows, else tries again a threshold later. */
        private void straggle() {
            if (stragglers.tryAcquire()) {
                if (state.compareAndSet(WAITING, STRAGGLING)) {
                    slots.release();
                } else {
                    stragglers.release();
                }
            } else if (state.get() == WAITING && !timer.isShutdown()) {
                release = timer.schedule(this::straggle, stragglerNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void close() {
            int before = state.getAndSet(DONE);
            if (before == WAITING) {
                ScheduledFuture<?> pending = release;
                if (pending != null) {
                    pending.cancel(false);
                }
                slots.release();
            } else if (before == STRAGGLING) {
                stragglers.release();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
