package io.hashdesk.core.polling;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.TelemetryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every registered miner at its interval and writes each cycle to the telemetry store in one batch.
 *
 * <p>One scheduler thread ticks every {@link PollSettings#tickInterval()}: it takes the miners that are due, reads
 * them on virtual threads ({@link PollRound}: bounded concurrency, a deadline per miner), records a status-only
 * snapshot for failed miners and for miners behind an open breaker, ingests the batch, updates each miner's
 * schedule ({@link PollPolicy}) and health, and hands the cycle to listeners. A tick does not wait for stragglers
 * (reads running past {@link PollSettings#stragglerAfter()}): they run on to their deadline and are stored with a
 * later cycle, so a slow miner delays nobody, and a miner that keeps timing out soon has its breaker opened and
 * costs nothing more.
 *
 * <p>Room sensors ride on the same ticks ({@link #pollSensors}): each tick first lets {@link SensorPolling} collect and
 * start its reads, which never waits for the serial bus.
 *
 * <p>Wiring: {@code new PollScheduler(reader, registry::miners, farm.telemetry(), settings, clock).start()};
 * tests and benchmarks may instead drive {@link #pollDue()} themselves with a controlled clock.
 */
public final class PollScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

    private final Supplier<? extends Collection<Miner>> inventory;
    private final TelemetryStore store;
    private final PollSettings settings;
    private final Clock clock;
    private final PollPolicy policy;
    private final PollRoster roster;
    private final PollRound round;
    private final ListenerDispatch listeners;
    private final ExecutorService pollThreads;
    private final ExecutorService listenerThreads;
    private final SummaryLog summary;
    private final Map<MinerId, MinerHealth> health = new ConcurrentHashMap<>();
    /** Held for a whole tick, so a tick and {@link #close()} never overlap. */
    private final ReentrantLock tickLock = new ReentrantLock();
    private volatile boolean closing;
    private boolean closed;
    private ScheduledExecutorService ticker;
    private Instant inventoryReadAt;
    private volatile PollMetrics totals = PollMetrics.none();
    private volatile SensorPolling sensors;

    /**
     * A scheduler that has not started ticking; call {@link #start()}.
     *
     * @param reader    reads one miner (the app's adapter over the drivers)
     * @param inventory the registered miners, re-read every {@link PollSettings#inventoryRefreshInterval()};
     *                  typically {@code registry::miners}
     * @param store     where each cycle goes, in one {@link TelemetryStore#ingest} call
     * @param clock     "now" for schedules and snapshot times; deadlines are measured in real elapsed time
     */
    public PollScheduler(MinerReader reader, Supplier<? extends Collection<Miner>> inventory, TelemetryStore store,
                         PollSettings settings, Clock clock) {
        this(reader, inventory, store, settings, clock, new SplittableRandom());
    }

    /** As the public constructor, with the random source of the back-off jitter fixed (tests). */
    PollScheduler(MinerReader reader, Supplier<? extends Collection<Miner>> inventory, TelemetryStore store,
                  PollSettings settings, Clock clock, RandomGenerator jitter) {
        Objects.requireNonNull(reader, "miner reader");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.store = Objects.requireNonNull(store, "telemetry store");
        this.settings = Objects.requireNonNull(settings, "poll settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = new PollPolicy(settings, jitter);
        this.roster = new PollRoster(policy);
        this.pollThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("hashdesk-poll-", 0).factory());
        this.listenerThreads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("hashdesk-poll-listener-", 0).factory());
        this.round = new PollRound(reader, pollThreads, settings, clock, () -> closing);
        this.listeners = new ListenerDispatch(listenerThreads);
        this.summary = new SummaryLog(settings.summaryLogInterval(), clock.instant());
    }

    /** Starts ticking on the scheduler's own thread. */
    public synchronized PollScheduler start() {
        if (closing) {
            throw new IllegalStateException("The poll scheduler is closed");
        }
        if (ticker != null) {
            throw new IllegalStateException("The poll scheduler is already running");
        }
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("hashdesk-poll-scheduler").daemon().factory());
        ticker.scheduleWithFixedDelay(this::tick, 0, settings.tickInterval().toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /**
     * Runs one tick on the calling thread: polls the miners due now, if any, and stores them as one batch.
     *
     * @return the cycle, or empty when no miner was due
     */
    public Optional<PollCycle> pollDue() {
        tickLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The poll scheduler is closed");
            }
            return Optional.ofNullable(runCycle());
        } finally {
            tickLock.unlock();
        }
    }

    /** Every polled miner's health, as of the latest cycle; a miner appears after its first poll. */
    public Map<MinerId, MinerHealth> health() {
        return Map.copyOf(health);
    }

    public Optional<MinerHealth> health(MinerId miner) {
        return Optional.ofNullable(health.get(miner));
    }

    /** Everything counted since the scheduler was made. */
    public PollMetrics totals() {
        return totals;
    }

    /**
     * Has each tick also read the room sensors that are due. Their reads never hold up the miners' (see
     * {@link SensorPolling}); the caller keeps ownership and closes it after this scheduler.
     */
    public void pollSensors(SensorPolling sensorPolling) {
        this.sensors = Objects.requireNonNull(sensorPolling, "sensor polling");
    }

    public void addListener(PollListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(PollListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops ticking and waits for the cycle in progress: reads already running finish or reach their deadline
     * and the cycle is stored; reads still waiting for a slot are dropped.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        Duration grace = settings.perMinerTimeout().multipliedBy(2).plus(settings.tickInterval());
        if (ticker != null) {
            ticker.shutdown();
            if (!awaitQuietly(ticker, grace)) {
                LOG.warn("The poll cycle in progress did not finish within {} of closing; interrupting it", grace);
                ticker.shutdownNow();
                awaitQuietly(ticker, grace);
            }
        }
        tickLock.lock();
        try {
            storeLastStragglers();
            closed = true;
        } finally {
            tickLock.unlock();
        }
        pollThreads.shutdownNow();
        if (!awaitQuietly(pollThreads, Duration.ofSeconds(1))) {
            LOG.warn("Some miner reads ignored the interrupt at shutdown; their drivers do not honour interruption");
        }
        listenerThreads.shutdownNow();
    }

    /** The ticker's task: a tick that fails is logged and the next one runs as usual. */
    private void tick() {
        if (closing) {
            return;
        }
        try {
            pollDue();
        } catch (RuntimeException e) {
            // Last-resort handler: an exception escaping a periodic task would silently end all polling.
            LOG.error("A poll cycle failed; polling continues with the next tick", e);
        }
    }

    private PollCycle runCycle() {
        long startNanos = System.nanoTime();
        Instant now = clock.instant();
        tickSensors(now);
        refreshInventory(now);
        List<MinerState> due = roster.takeDue(now);
        if (due.isEmpty() && !round.hasCarriedOver()) {
            summary.maybeLog(now, roster.size());
            return null;
        }
        Set<MinerId> settled = new HashSet<>(due.size() * 2);
        try {
            return pollAndStore(now, startNanos, due, settled);
        } finally {
            requeueUnsettled(due, settled);
        }
    }

    private PollCycle pollAndStore(Instant now, long startNanos, List<MinerState> due, Set<MinerId> settled) {
        List<PollOutcome> outcomes = new ArrayList<>(due.size());
        List<MinerState> toRead = new ArrayList<>(due.size());
        for (MinerState state : due) {
            if (state.breakerHolds(now)) {
                outcomes.add(PollOutcome.skipped(state, now));
            } else if (state.probeAt() != null) {
                MinerState probe = policy.probing(state);
                health.put(probe.miner().id(), probe.health());
                toRead.add(probe);
            } else {
                toRead.add(state);
            }
        }
        PollRound.Result read = toRead.isEmpty() ? new PollRound.Result(round.collectCarriedOver(), Set.of())
                : round.run(toRead);
        outcomes.addAll(read.outcomes());
        // A straggler's read goes on; its miner is settled by the later cycle that collects it, not requeued.
        settled.addAll(read.carriedOver());
        if (outcomes.isEmpty()) {
            return null;
        }
        return record(now, startNanos, outcomes, settled, read.carriedOver().size());
    }

    /** Updates each miner's schedule and health from its outcome and stores the cycle. */
    private PollCycle record(Instant now, long startNanos, List<PollOutcome> outcomes, Set<MinerId> settled,
                             long carriedOver) {
        CycleTally tally = new CycleTally(settings.lateAfter());
        CycleWarnings warnings = new CycleWarnings();
        List<TelemetrySnapshot> batch = new ArrayList<>(outcomes.size());
        List<MinerHealth> changed = new ArrayList<>(outcomes.size());
        Instant end = clock.instant();
        for (PollOutcome outcome : outcomes) {
            if (!roster.isCurrent(outcome.state().miner())) {
                // Read with an address or credentials the operator has changed (or of a removed miner) meanwhile.
                continue;
            }
            settled.add(outcome.minerId());
            MinerState next = policy.next(outcome, end);
            roster.update(next);
            health.put(next.miner().id(), next.health());
            changed.add(next.health());
            batch.add(outcome.snapshot());
            tally.count(outcome);
            warnings.note(outcome, next);
        }
        return store(now, batch, changed, startNanos, carriedOver, tally, warnings);
    }

    /** Ingests the cycle's batch, completes its metrics, logs and tells the listeners. */
    private PollCycle store(Instant startedAt, List<TelemetrySnapshot> batch, List<MinerHealth> changed,
                            long startNanos, long carriedOver, CycleTally tally, CycleWarnings warnings) {
        long ingestStart = System.nanoTime();
        IngestReport report;
        long lost = 0;
        try {
            report = store.ingest(batch);
        } catch (RuntimeException e) {
            // Whatever broke the store (StoreException or worse), the next cycle must still be polled.
            LOG.warn("Storing a poll cycle of {} snapshots failed; they are lost, the miners' health is kept",
                    batch.size(), e);
            report = new IngestReport(0, List.of());
            lost = batch.size();
        }
        long endNanos = System.nanoTime();
        PollMetrics metrics = tally.metrics(Duration.ofNanos(endNanos - startNanos), carriedOver,
                Duration.ofNanos(endNanos - ingestStart), report.rejected().size(), lost);
        totals = totals.plus(metrics);
        warnings.log(report, batch.size());
        summary.add(metrics);
        summary.maybeLog(clock.instant(), roster.size());
        PollCycle cycle = new PollCycle(startedAt, batch, changed, report, metrics);
        listeners.publish(cycle);
        return cycle;
    }

    /** Reads still running at close finish or reach their deadline, and go to the store as a last cycle. */
    private void storeLastStragglers() {
        if (!round.hasCarriedOver()) {
            return;
        }
        try {
            List<PollOutcome> last = round.finishCarriedOver();
            if (!last.isEmpty()) {
                record(clock.instant(), System.nanoTime(), last, new HashSet<>(), 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while waiting for the last slow reads at close; their outcomes are not stored");
        } catch (RuntimeException e) {
            LOG.warn("Could not store the last slow reads at close", e);
        }
    }

    private void tickSensors(Instant now) {
        SensorPolling sensorPolling = sensors;
        if (sensorPolling == null) {
            return;
        }
        try {
            sensorPolling.tick(now);
        } catch (RuntimeException e) {
            // the miners are polled whatever goes wrong with the sensors
            LOG.warn("Reading the room sensors failed this tick; the miners are polled as usual", e);
        }
    }

    private void refreshInventory(Instant now) {
        if (inventoryReadAt != null && now.isBefore(inventoryReadAt.plus(settings.inventoryRefreshInterval()))) {
            return;
        }
        inventoryReadAt = now;
        Collection<Miner> miners;
        try {
            miners = inventory.get();
        } catch (RuntimeException e) {
            // A registry that cannot be read now must not stop the polling of the miners already known.
            LOG.warn("Could not read the registered miners; polling the {} known until the next try in {}",
                    roster.size(), settings.inventoryRefreshInterval(), e);
            return;
        }
        roster.reconcile(miners, now).forEach(health::remove);
    }

    /** Miners taken but left without an outcome (a stop mid-cycle) are due again next tick, not forgotten. */
    private void requeueUnsettled(List<MinerState> due, Set<MinerId> settled) {
        Instant retryAt = clock.instant().plus(settings.tickInterval());
        for (MinerState state : due) {
            if (!settled.contains(state.miner().id())) {
                roster.update(new MinerState(state.miner(), retryAt, state.probeAt(), state.health()));
            }
        }
    }

    private static boolean awaitQuietly(ExecutorService executor, Duration timeout) {
        try {
            return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
