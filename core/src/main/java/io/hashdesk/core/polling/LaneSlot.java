package io.hashdesk.core.polling;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read's place in its {@link PollLane}: whether it holds a permit, has become a straggler, or is done, and
 * whether it has been settled. The permit is given back exactly once, by whichever of the read's thread and the
 * scheduler gets there first.
 */
abstract class LaneSlot {

    private static final int WAITING = 0;
    private static final int HOLDING = 1;
    private static final int STRAGGLING = 2;
    private static final int DONE = 3;

    final PollLane lane;
    private final AtomicInteger slot = new AtomicInteger(WAITING);
    private final AtomicBoolean settled = new AtomicBoolean();
    volatile long startNanos;

    LaneSlot(PollLane lane) {
        this.lane = lane;
    }

    /** The read's thread got a permit. */
    final void slotTaken() {
        slot.compareAndSet(WAITING, HOLDING);
    }

    /** The read started: it now has a deadline and may become a straggler. */
    final void markStarted(long nanos) {
        startNanos = nanos;
        lane.started.add(this);
        lane.holding.add(this);
    }

    /** The read's thread is ending: its permit, or its place among the stragglers, is given back. */
    final void slotDone() {
        int before = slot.getAndSet(DONE);
        if (before == HOLDING) {
            lane.permits.release();
        } else if (before == STRAGGLING) {
            lane.stragglers.decrementAndGet();
        }
    }

    /** Hands the permit to the next read; this one goes on running as a straggler. */
    final void becomeStraggler() {
        if (slot.compareAndSet(HOLDING, STRAGGLING)) {
            lane.stragglers.incrementAndGet();
            lane.permits.release();
        }
    }

    final boolean holdsPermit() {
        return slot.get() == HOLDING;
    }

    final long deadlineNanos() {
        return startNanos + lane.timeoutNanos;
    }

    final boolean isSettled() {
        return settled.get();
    }

    /** True for the one caller that settles the read. */
    final boolean trySettle() {
        return settled.compareAndSet(false, true);
    }
}
