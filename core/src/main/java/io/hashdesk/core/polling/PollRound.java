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
 * flight, and returns when every read has finished or been abandoned at the per-miner deadline. The deadline is
 * enforced here, not trusted to the driver: a read that overruns it is interrupted, recorded as a timeout and
 * its concurrency slot handed on, so a hung reader never holds up the round for longer than the deadline.
 *
 * <p>{@link #run} is called from the scheduler thread only.
 */
final class PollRound {

    private final MinerReader reader;
    private final Executor threads;
    private final Semaphore permits;
    private final Clock clock;
    private final long timeoutNanos;
    private final String timeoutWords;
    private final BooleanSupplier closing;
    /** Reads abandoned at their deadline whose thread may still be inside the driver. */
    private final Map<MinerId, Attempt> abandoned = new HashMap<>();

    PollRound(MinerReader reader, Executor threads, PollSettings settings, Clock clock, BooleanSupplier closing) {
        this.reader = reader;
        this.threads = threads;
        // fair, so reads start in the order the round launches them (troubled miners first)
        this.permits = new Semaphore(settings.maxConcurrency(), true);
        this.clock = clock;
        this.timeoutNanos = settings.perMinerTimeout().toNanos();
        this.timeoutWords = words(settings.perMinerTimeout());
        this.closing = closing;
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
        Queue<Attempt> started = new ConcurrentLinkedQueue<>();
        BlockingQueue<Attempt> finished = new LinkedBlockingQueue<>();
        for (MinerState state : due) {
            if (abandoned.containsKey(state.miner().id())) {
                Instant now = clock.instant();
                outcomes.add(PollOutcome.failed(state, now, new PollFailure(Failure.TIMEOUT,
                        "the previous read, abandoned after " + timeoutWords + ", has still not returned", now),
                        false, false));
            } else {
                Attempt attempt = new Attempt(state, started, finished);
                launched.add(attempt);
                threads.execute(attempt);
            }
        }
        try {
            awaitAll(launched.size(), started, finished, outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launched.forEach(a -> a.settle(null));
            for (Attempt done = finished.poll(); done != null; done = finished.poll()) {
                addIfAny(outcomes, done.outcome);
            }
        }
        return outcomes;
    }

    /** Waits for the attempts to finish, abandoning the oldest started one whenever its deadline passes. */
    private void awaitAll(int pending, Queue<Attempt> started, BlockingQueue<Attempt> finished,
                          List<PollOutcome> outcomes) throws InterruptedException {
        while (pending > 0) {
            Attempt oldest = started.peek();
            while (oldest != null && oldest.settled.get()) {
                started.poll();
                oldest = started.peek();
            }
            // Deadlines expire in start order because every read gets the same timeout. With nothing started,
            // nothing can expire sooner than one timeout from now.
            long waitNanos = oldest == null ? timeoutNanos : oldest.startNanos + timeoutNanos - System.nanoTime();
            if (oldest != null && waitNanos <= 0) {
                started.poll();
                if (oldest.expire()) {
                    outcomes.add(oldest.outcome);
                    abandoned.put(oldest.state.miner().id(), oldest);
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
        private final Queue<Attempt> started;
        private final BlockingQueue<Attempt> finished;
        private volatile Thread thread;
        volatile long startNanos;
        private volatile Instant startedAt;
        volatile boolean threadDone;
        /** Written by whoever settled the attempt; {@code null} when it was dropped without a result. */
        volatile PollOutcome outcome;

        Attempt(MinerState state, Queue<Attempt> started, BlockingQueue<Attempt> finished) {
            this.state = state;
            this.started = started;
            this.finished = finished;
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            try {
                permits.acquire();
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
            PollFailure timeout = new PollFailure(Failure.TIMEOUT, "no answer within " + timeoutWords
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
                permits.release();
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
