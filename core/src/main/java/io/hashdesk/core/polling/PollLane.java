package io.hashdesk.core.polling;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slots and deadline for one kind of read. A read holds one of {@code slots} permits while it runs; once it has run
 * past the straggler threshold it gives the permit back and counts as one of at most {@code slots} stragglers, so a
 * lane has at most twice its slots in flight and hung miners cannot take the slots of the ones that answer.
 *
 * <p>The queues hold reads in the order they started, across rounds; only the scheduler thread takes from them.
 */
final class PollLane {

    /** Fair, so reads start in the order the round launches them. */
    final Semaphore permits;
    final long timeoutNanos;
    final String timeoutWords;
    final AtomicInteger stragglers = new AtomicInteger();
    private final int maxStragglers;
    /** Started reads, oldest first: their deadlines expire in this order. */
    final Queue<LaneSlot> started = new ConcurrentLinkedQueue<>();
    /** Started reads that may still hold a permit, oldest first. */
    final Queue<LaneSlot> holding = new ConcurrentLinkedQueue<>();

    PollLane(int slots, Duration timeout) {
        this.permits = new Semaphore(slots, true);
        this.maxStragglers = slots;
        this.timeoutNanos = timeout.toNanos();
        this.timeoutWords = words(timeout);
    }

    /** The oldest started read not yet settled, dropping settled ones from the head; {@code null} if none. */
    LaneSlot oldestUnsettled() {
        LaneSlot head = started.peek();
        while (head != null && head.isSettled()) {
            started.poll();
            head = started.peek();
        }
        return head;
    }

    /** Makes every read that has held its permit for {@code stragglerNanos} a straggler, while the cap allows. */
    void releaseStragglers(long now, long stragglerNanos) {
        for (LaneSlot head = oldestHolding(); head != null && now - head.startNanos - stragglerNanos >= 0
                && stragglers.get() < maxStragglers; head = oldestHolding()) {
            holding.poll();
            head.becomeStraggler();
        }
    }

    /**
     * When the oldest read holding a permit turns into a straggler; {@code fallback} when no read holds one or
     * the straggler cap is reached (then only a finishing read changes anything, and that wakes the round).
     */
    long nextRelease(long stragglerNanos, long fallback) {
        LaneSlot head = oldestHolding();
        return head == null || stragglers.get() >= maxStragglers ? fallback : head.startNanos + stragglerNanos;
    }

    private LaneSlot oldestHolding() {
        LaneSlot head = holding.peek();
        while (head != null && !head.holdsPermit()) {
            holding.poll();
            head = holding.peek();
        }
        return head;
    }

    private static String words(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
