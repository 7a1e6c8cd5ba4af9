package io.hashdesk.core.reco;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine every {@code runInterval} and on demand, on one thread of its own so passes never overlap. The
 * evidence is gathered at the start of each pass; each finished pass goes to the listener (the app refreshes its
 * inbox from it).
 */
public final class RecommendationSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationSchedule.class);

    private final RecommendationEngine engine;
    private final Supplier<FarmEvidence> evidence;
    private final Clock clock;
    private final Duration interval;
    private volatile boolean closing;
    private final Consumer<PassReport> listener;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "recommendation-pass");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param evidence gathers a pass's evidence (store reads, model inference); called on the schedule's thread
     * @param listener told of every finished pass, on the schedule's thread
     */
    public RecommendationSchedule(RecommendationEngine engine, Supplier<FarmEvidence> evidence, Clock clock,
                                  Duration interval, Consumer<PassReport> listener) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the run interval must be positive, got " + interval);
        }
        this.engine = engine;
        this.evidence = evidence;
        this.clock = clock;
        this.interval = interval;
        this.listener = listener;
    }

    /** Starts the schedule: the first pass at once, then one every interval after the previous one ends. */
    public void start() {
        executor.scheduleWithFixedDelay(this::scheduledPass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A pass now (after one already running); the future fails with what stopped it. */
    public CompletableFuture<PassReport> runNow() {
        return CompletableFuture.supplyAsync(this::pass, executor);
    }

    private PassReport pass() {
        PassReport report = engine.run(evidence.get(), clock.instant());
        listener.accept(report);
        return report;
    }

    /** A failed pass is logged and the schedule goes on: the next pass may well succeed. */
    private void scheduledPass() {
        try {
            pass();
        } catch (RuntimeException e) {
            if (closing) {
                // close() interrupts a pass in progress; its store reads then fail, which is no fault
                LOG.info("The recommendation pass in progress stopped as the schedule closed");
            } else {
                LOG.error("A scheduled recommendation pass failed; the next runs in {}", interval, e);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The recommendation pass did not stop within 5 s of closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
