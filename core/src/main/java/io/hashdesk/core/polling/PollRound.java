package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerAccessException;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reads a set of due miners concurrently, one virtual thread each, and returns once every read has finished or
 * turned out to be a straggler. Reads take slots from a {@link PollLane}; miners whose last read timed out have
 * their own lane with the shorter {@code timedOutTimeout}.
 *
 * <p>Two rules keep slow miners from delaying the others:
 * <ul>
 *   <li>A read running longer than {@code stragglerAfter} gives its slot to the next miner (up to a cap of
 *       stragglers per lane), so hung miners cannot starve the healthy ones of slots.</li>
 *   <li>The round does not wait for stragglers: once every read has started and the youngest one still running has
 *       run for {@code stragglerAfter}, the round returns what it has and <em>carries over</em> the reads still
 *       running. They go on to their deadline; a later round collects their outcomes, and the scheduler stores them
 *       with that round's batch. A carried-over miner is not read again until its outcome is in.</li>
 * </ul>
 * The deadline is enforced here, not trusted to the driver: a read that overruns it is interrupted, recorded as a
 * timeout and its slot handed on. A carried-over read's deadline is checked at each round, so at most a tick late.
 *
 * <p>Everything except {@link PollAttempt#run} happens on the scheduler thread.
 */
final class PollRound {

    /** Posted by the last read of a round to start, so the round can work out when to stop waiting. */
    private static final Object ALL_STARTED = new Object();

    private final MinerReader reader;
    private final Executor threads;
    private final Clock clock;
    private final PollLane healthyLane;
    private final PollLane timedOutLane;
    private final long stragglerNanos;
    private final BooleanSupplier closing;
    /** Attempts that settled themselves, of this round or an earlier one, plus {@link #ALL_STARTED} markers. */
    private final BlockingQueue<Object> finished = new LinkedBlockingQueue<>();
    /** Reads abandoned at their deadline whose thread may still be inside the driver. */
    private final Map<MinerId, PollAttempt> abandoned = new HashMap<>();
    /** Reads that outlived the round that started them and whose outcome has not been collected yet. */
    private final Map<MinerId, PollAttempt> carried = new HashMap<>();

    /**
     * What a round produced.
     *
     * @param outcomes    this round's finished reads and the carried-over reads of earlier rounds that finished since
     * @param carriedOver miners whose reads are still running; their outcomes come with a later round
     */
    record Result(List<PollOutcome> outcomes, Set<MinerId> carriedOver) {
    }

    PollRound(MinerReader reader, Executor threads, PollSettings settings, Clock clock, BooleanSupplier closing) {
        this.reader = reader;
        this.threads = threads;
        this.clock = clock;
        this.healthyLane = new PollLane(settings.maxConcurrency(), settings.perMinerTimeout());
        Duration shorter = settings.timedOutTimeout().compareTo(settings.perMinerTimeout()) < 0
                ? settings.timedOutTimeout() : settings.perMinerTimeout();
        this.timedOutLane = new PollLane(settings.maxConcurrency(), shorter);
        this.stragglerNanos = settings.stragglerAfter().toNanos();
        this.closing = closing;
    }

    private PollLane laneFor(MinerState state) {
        MinerHealth health = state.health();
        boolean timedOut = health != null && health.consecutiveFailures() > 0
                && health.lastFailure().map(f -> f.kind() == Failure.TIMEOUT).orElse(false);
        return timedOut ? timedOutLane : healthyLane;
    }

    /** Whether reads of earlier rounds are still to be collected. */
    boolean hasCarriedOver() {
        return !carried.isEmpty();
    }

    /**
     * Reads every miner in {@code due}. A miner whose previous read is still stuck in its driver counts as timed
     * out and is not read again (that would pile up threads); a miner whose carried-over read is still running is
     * left out of the result altogether, so the scheduler tries it again next tick. If the scheduler thread is
     * interrupted the outcomes known so far are returned with the interrupt flag set.
     */
    Result run(List<MinerState> due) {
        abandoned.values().removeIf(a -> a.threadDone);
        List<PollOutcome> outcomes = new ArrayList<>(due.size() + carried.size());
        List<MinerState> toRead = new ArrayList<>(due.size());
        for (MinerState state : due) {
            MinerId id = state.miner().id();
            if (carried.containsKey(id)) {
                continue;
            }
            if (abandoned.containsKey(id)) {
                Instant now = clock.instant();
                outcomes.add(PollOutcome.failed(state, now, new PollFailure(Failure.TIMEOUT,
                        "the previous read, abandoned at its deadline, has still not returned", now),
                        false, false));
            } else {
                toRead.add(state);
            }
        }
        RoundProgress progress = new RoundProgress(toRead.size());
        List<PollAttempt> launched = new ArrayList<>(toRead.size());
        for (MinerState state : toRead) {
            PollAttempt attempt = new PollAttempt(state, laneFor(state), progress);
            launched.add(attempt);
            threads.execute(attempt);
        }
        try {
            awaitRound(progress, outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launched.forEach(a -> a.settle(null));
        }
        Set<MinerId> carriedOver = new HashSet<>();
        for (PollAttempt attempt : launched) {
            if (!attempt.collected) {
                attempt.carriedOver = true;
                carried.put(attempt.state.miner().id(), attempt);
                carriedOver.add(attempt.state.miner().id());
            }
        }
        return new Result(outcomes, carriedOver);
    }

    /** The outcomes of carried-over reads that finished or reached their deadline since the last round. */
    List<PollOutcome> collectCarriedOver() {
        List<PollOutcome> outcomes = new ArrayList<>(carried.size());
        long now = System.nanoTime();
        expireDue(now, outcomes, null);
        drainFinished(outcomes, null);
        return outcomes;
    }

    /**
     * Waits, at most until the longest deadline, for every carried-over read to settle, and returns their outcomes:
     * for a scheduler that is closing and wants the last reads stored.
     */
    List<PollOutcome> finishCarriedOver() throws InterruptedException {
        List<PollOutcome> outcomes = new ArrayList<>(carried.size());
        while (!carried.isEmpty()) {
            long now = System.nanoTime();
            expireDue(now, outcomes, null);
            drainFinished(outcomes, null);
            if (!carried.isEmpty()) {
                long wait = nextDeadline(now) - now;
                Object next = finished.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                if (next instanceof PollAttempt attempt) {
                    collect(attempt, outcomes, null);
                }
            }
        }
        return outcomes;
    }

    /** Waits until the round's reads have finished, or all started and the rest are stragglers. */
    private void awaitRound(RoundProgress progress, List<PollOutcome> outcomes) throws InterruptedException {
        while (progress.pending > 0) {
            long now = System.nanoTime();
            expireDue(now, outcomes, progress);
            healthyLane.releaseStragglers(now, stragglerNanos);
            timedOutLane.releaseStragglers(now, stragglerNanos);
            if (progress.pending == 0) {
                return;
            }
            // A read starting after now becomes a straggler, or reaches its deadline, no sooner than this.
            long wake = earliest(nextDeadline(now), now + Math.min(stragglerNanos, timedOutLane.timeoutNanos));
            if (progress.allStarted()) {
                long stopAt = progress.lastStartNanos() + stragglerNanos;
                if (now - stopAt >= 0) {
                    return;
                }
                wake = earliest(wake, stopAt);
            }
            wake = earliest(wake, earliest(healthyLane.nextRelease(stragglerNanos, wake),
                    timedOutLane.nextRelease(stragglerNanos, wake)));
            Object next = finished.poll(Math.max(wake - now, 0), TimeUnit.NANOSECONDS);
            while (next != null) {
                if (next instanceof PollAttempt attempt) {
                    collect(attempt, outcomes, progress);
                }
                next = finished.poll();
            }
        }
    }

    /** Abandons every started read, of this round or carried over, whose deadline has passed. */
    private void expireDue(long now, List<PollOutcome> outcomes, RoundProgress progress) {
        for (PollLane lane : List.of(healthyLane, timedOutLane)) {
            for (LaneSlot slot = lane.oldestUnsettled(); slot != null && now - slot.deadlineNanos() >= 0;
                 slot = lane.oldestUnsettled()) {
                lane.started.poll();
                PollAttempt head = (PollAttempt) slot;
                if (head.expire(clock.instant())) {
                    abandoned.put(head.state.miner().id(), head);
                    collect(head, outcomes, progress);
                }
            }
        }
    }

    private long nextDeadline(long now) {
        long next = now + healthyLane.timeoutNanos;
        for (PollLane lane : List.of(healthyLane, timedOutLane)) {
            LaneSlot head = lane.oldestUnsettled();
            if (head != null) {
                next = earliest(next, head.deadlineNanos());
            }
        }
        return next;
    }

    private void drainFinished(List<PollOutcome> outcomes, RoundProgress progress) {
        for (Object next = finished.poll(); next != null; next = finished.poll()) {
            if (next instanceof PollAttempt attempt) {
                collect(attempt, outcomes, progress);
            }
        }
    }

    /** Takes a settled attempt's outcome, once; counts it off its round or off the carried-over reads. */
    private void collect(PollAttempt attempt, List<PollOutcome> outcomes, RoundProgress progress) {
        if (attempt.collected) {
            return;
        }
        attempt.collected = true;
        if (attempt.outcome != null) {
            outcomes.add(attempt.outcome);
        }
        if (attempt.carriedOver) {
            carried.remove(attempt.state.miner().id());
        } else if (attempt.progress == progress) {
            progress.pending--;
        }
    }

    private static long earliest(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    /** How far one round has got: reads not yet collected, reads started, and when the last one started. */
    private final class RoundProgress {
        private final int launched;
        private int started;
        private long lastStartNanos;
        /** Scheduler thread only. */
        int pending;

        RoundProgress(int launched) {
            this.launched = launched;
            this.pending = launched;
        }

        /** A read of this round took its slot (or was dropped before it could). */
        synchronized void arrived(long startNanos) {
            lastStartNanos = started == 0 || startNanos - lastStartNanos > 0 ? startNanos : lastStartNanos;
            if (++started == launched) {
                finished.add(ALL_STARTED);
            }
        }

        synchronized boolean allStarted() {
            return started == launched;
        }

        synchronized long lastStartNanos() {
            return lastStartNanos;
        }
    }

    /** One read of one miner, settled exactly once: by its own thread, or by the round at the deadline. */
    private final class PollAttempt extends LaneSlot implements Runnable {

        final MinerState state;
        final RoundProgress progress;
        private volatile Thread thread;
        private volatile Instant startedAt;
        volatile boolean threadDone;
        /** Written by whoever settled the attempt; {@code null} when it was dropped without a result. */
        volatile PollOutcome outcome;
        /** Scheduler thread only: the outcome has been taken; the read outlived its round. */
        boolean collected;
        boolean carriedOver;

        PollAttempt(MinerState state, PollLane lane, RoundProgress progress) {
            super(lane);
            this.state = state;
            this.progress = progress;
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            boolean arrived = false;
            try {
                lane.permits.acquire();
                slotTaken();
                if (isSettled() || closing.getAsBoolean()) {
                    progress.arrived(System.nanoTime());
                    arrived = true;
                    finishWith(null);
                    return;
                }
                startedAt = clock.instant();
                markStarted(System.nanoTime());
                progress.arrived(startNanos);
                arrived = true;
                finishWith(read());
            } catch (InterruptedException e) {
                finishWith(null);
            } finally {
                if (!arrived) {
                    progress.arrived(System.nanoTime());
                }
                slotDone();
                threadDone = true;
            }
        }

        private void finishWith(PollOutcome result) {
            if (settle(result)) {
                finished.add(this);
            }
        }

        boolean settle(PollOutcome result) {
            if (trySettle()) {
                outcome = result;
                return true;
            }
            return false;
        }

        /** Gives up on the read at its deadline; false if it finished meanwhile. */
        boolean expire(Instant now) {
            if (!trySettle()) {
                return false;
            }
            outcome = PollOutcome.failed(state, startedAt, new PollFailure(Failure.TIMEOUT,
                    "no answer within " + lane.timeoutWords + "; the poller gave up on the read", now), true, false);
            thread.interrupt();
            // The thread may stay stuck in its driver: it keeps counting as a straggler until it really ends.
            becomeStraggler();
            return true;
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
}
