package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Reads a set of due miners concurrently, one virtual thread each, at most {@code maxConcurrency} reads in
 * flight per lane (miners whose last read timed out have their own lane, with the shorter {@code timedOutTimeout}),
 * and returns when every read has finished or been abandoned at its deadline. The deadline is
 * enforced here, not trusted to the driver: a read that overruns it is interrupted, recorded as a timeout and
 * its concurrency slot handed on, so a hung reader never holds up the round for longer than the deadline.
 *
 * <p>{@link #run} is called from the scheduler thread only.
 */
final class PollRound {

    private final MinerReader reader;
    private final Executor threads;
    private final Clock clock;
    private final Lane healthyLane;
    private final Lane timedOutLane;
    private final BooleanSupplier closing;
    /** Reads abandoned at their deadline whose thread may still be inside the driver. */
    private final Map<MinerId, Attempt> abandoned = new HashMap<>();

    PollRound(MinerReader reader, Executor threads, PollSettings settings, Clock clock, BooleanSupplier closing) {
        this.reader = reader;
        this.threads = threads;
        this.clock = clock;
        this.healthyLane = new Lane(settings.maxConcurrency(), settings.perMinerTimeout());
        Duration shorter = settings.timedOutTimeout().compareTo(settings.perMinerTimeout()) < 0
                ? settings.timedOutTimeout() : settings.perMinerTimeout();
        this.timedOutLane = new Lane(settings.maxConcurrency(), shorter);
        this.closing = closing;
    }

    /**
     * Slots and deadline for one kind of read. Miners whose last read timed out get their own lane with a shorter
     * deadline: hung miners then neither hold the healthy miners' slots nor keep the round waiting a full deadline.
     */
    private static final class Lane {
        /** Fair, so reads start in the order the round launches them. */
        final Semaphore permits;
        final long timeoutNanos;
        final String timeoutWords;

        Lane(int slots, Duration timeout) {
            this.permits = new Semaphore(slots, true);
            this.timeoutNanos = timeout.toNanos();
            this.timeoutWords = words(timeout);
        }
    }

    private Lane laneFor(MinerState state) {
        MinerHealth health = state.health();
        boolean timedOut = health != null && health.consecutiveFailures() > 0
                && health.lastFailure().map(f -> f.kind() == Failure.TIMEOUT).orElse(false);
        return timedOut ? timedOutLane : healthyLane;
    }

    /**
     * Reads every miner in {@code due}. A miner whose previous read is still stuck in its driver is not read
     * again (that would pile up threads) and counts as timed out. If the scheduler thread is interrupted the
     * outcomes known so far are returned with the interrupt flag set.
     */
    List<PollOutcome> run(List<MinerState> due) {
        abandoned.values().removeIf(a -> a.threadDone);
        List<PollOutcome> outcomes = new ArrayList<>(due.size());
        List<Attempt> launched = new ArrayList<>(due.size());
        Map<Lane, Queue<Attempt>> started = Map.of(healthyLane, new ConcurrentLinkedQueue<>(),
                timedOutLane, new ConcurrentLinkedQueue<>());
        BlockingQueue<Attempt> finished = new LinkedBlockingQueue<>();
        for (MinerState state : due) {
            if (abandoned.containsKey(state.miner().id())) {
                Instant now = clock.instant();
                outcomes.add(PollOutcome.failed(state, now, new PollFailure(Failure.TIMEOUT,
                        "the previous read, abandoned at its deadline, has still not returned", now),
                        false, false));
            } else {
                Lane lane = laneFor(state);
                Attempt attempt = new Attempt(state, lane, started.get(lane), finished);
                launched.add(attempt);
                threads.execute(attempt);
            }
        }
        try {
            awaitAll(launched.size(), started.values(), finished, outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launched.forEach(a -> a.settle(null));
            for (Attempt done = finished.poll(); done != null; done = finished.poll()) {
                addIfAny(outcomes, done.outcome);
            }
        }
        return outcomes;
    }

    /** Waits for the attempts to finish, abandoning a started one whenever its deadline passes. */
    private void awaitAll(int pending, Collection<Queue<Attempt>> started, BlockingQueue<Attempt> finished,
                          List<PollOutcome> outcomes) throws InterruptedException {
        while (pending > 0) {
            Attempt next = earliestDeadline(started);
            // Within a lane deadlines expire in start order (one timeout per lane), so the earliest deadline is at
            // the head of one lane's queue. With nothing started, nothing expires sooner than the longest timeout.
            long waitNanos = next == null ? healthyLane.timeoutNanos : next.deadlineNanos() - System.nanoTime();
            if (next != null && waitNanos <= 0) {
                next.started.poll();
                if (next.expire()) {
                    outcomes.add(next.outcome);
                    abandoned.put(next.state.miner().id(), next);
                    pending--;
                }
                continue;
            }
            Attempt done = finished.poll(waitNanos, TimeUnit.NANOSECONDS);
            while (done != null) {
                addIfAny(outcomes, done.outcome);
                pending--;
                done = finished.poll();
            }
        }
    }

    private static Attempt earliestDeadline(Collection<Queue<Attempt>> started) {
        Attempt next = null;
        for (Queue<Attempt> lane : started) {
            Attempt head = lane.peek();
            while (head != null && head.settled.get()) {
                lane.poll();
                head = lane.peek();
            }
            if (head != null && (next == null || head.deadlineNanos() - next.deadlineNanos() < 0)) {
                next = head;
            }
        }
        return next;
    }

    private static void addIfAny(List<PollOutcome> outcomes, PollOutcome outcome) {
        if (outcome != null) {
            outcomes.add(outcome);
        }
    }

    /** One read of one miner, settled exactly once: by its own thread, or by the round at the deadline. */
    private final class Attempt implements Runnable {

        final MinerState state;
        final AtomicBoolean settled = new AtomicBoolean();
        private final AtomicBoolean permitHeld = new AtomicBoolean();
        private final Lane lane;
        final Queue<Attempt> started;
        private final BlockingQueue<Attempt> finished;
        private volatile Thread thread;
        volatile long startNanos;
        private volatile Instant startedAt;
        volatile boolean threadDone;
        /** Written by whoever settled the attempt; {@code null} when it was dropped without a result. */
        volatile PollOutcome outcome;

        Attempt(MinerState state, Lane lane, Queue<Attempt> started, BlockingQueue<Attempt> finished) {
            this.state = state;
            this.lane = lane;
            this.started = started;
            this.finished = finished;
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            try {
                lane.permits.acquire();
                permitHeld.set(true);
                if (settled.get()) {
                    return;
                }
                if (closing.getAsBoolean()) {
                    finishWith(null);
                    return;
                }
                startedAt = clock.instant();
                startNanos = System.nanoTime();
                started.add(this);
                finishWith(read());
            } catch (InterruptedException e) {
                finishWith(null);
            } finally {
                returnPermit();
                threadDone = true;
            }
        }

        long deadlineNanos() {
            return startNanos + lane.timeoutNanos;
        }

        private void finishWith(PollOutcome result) {
            if (settle(result)) {
                finished.add(this);
            }
        }

        boolean settle(PollOutcome result) {
            if (settled.compareAndSet(false, true)) {
                outcome = result;
                return true;
            }
            return false;
        }

        /** Gives up on the read at its deadline; false if it finished meanwhile. */
        boolean expire() {
            Instant now = clock.instant();
            PollFailure timeout = new PollFailure(Failure.TIMEOUT, "no answer within " + lane.timeoutWords
                    + "; the poller gave up on the read", now);
            if (!settle(PollOutcome.failed(state, startedAt, timeout, true, false))) {
                return false;
            }
            thread.interrupt();
            returnPermit();
            return true;
        }

        private void returnPermit() {
            if (permitHeld.compareAndSet(true, false)) {
                lane.permits.release();
            }
        }

        private PollOutcome read() {
            try {
                TelemetrySnapshot snapshot = reader.read(state.miner());
                String wrong = whatIsWrongWith(snapshot);
                return wrong == null ? PollOutcome.ok(state, startedAt, snapshot)
                        : failed(Failure.MALFORMED_REPLY, wrong, false);
            } catch (MinerAccessException e) {
                return failed(e.failure(), e.getMessage(), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(Failure.TIMEOUT, "the read was interrupted", false);
            } catch (RuntimeException e) {
                // A driver bug must cost one miner one poll, never the scheduler; the scheduler logs it.
                return failed(Failure.MALFORMED_REPLY, "driver error: " + e, true);
            }
        }

        private String whatIsWrongWith(TelemetrySnapshot snapshot) {
            if (snapshot == null) {
                return "the driver returned no snapshot";
            }
            if (!snapshot.minerId().equals(state.miner().id())) {
                return "the driver returned a snapshot of miner " + snapshot.minerId();
            }
            List<String> problems = snapshot.problems();
            return problems.isEmpty() ? null : "implausible values: " + String.join("; ", problems);
        }

        private PollOutcome failed(Failure kind, String message, boolean driverFault) {
            return PollOutcome.failed(state, startedAt, new PollFailure(kind, message, clock.instant()), false,
                    driverFault);
        }
    }

    private static String words(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
