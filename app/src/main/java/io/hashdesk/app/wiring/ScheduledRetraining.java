package io.hashdesk.app.wiring;

import io.hashdesk.app.common.JobRunner;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.training.RetrainingRun;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks now and then which models are due and retrains them, for the console and the headless agent alike. Runs never
 * overlap: the next check waits for the last run to end. How a run is carried out is pluggable: the agent runs it on
 * this timer's thread and logs its progress; the console hands it to its job runner, so the operator sees its
 * progress and can cancel it.
 */
final class ScheduledRetraining implements AutoCloseable {

    /** Carries out one retraining run and returns what it did; may block until it has ended. */
    @FunctionalInterface
    interface Runner {
        RetrainingRun run(String title, Function<TrainingProgress, RetrainingRun> work) throws Exception;
    }

    static final String TITLE = "Retraining models";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRetraining.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final ScheduledExecutorService timer;
    private final Function<TrainingProgress, RetrainingRun> work;
    private volatile Runner runner = ScheduledRetraining::runLogged;

    private ScheduledRetraining(ScheduledExecutorService timer, Function<TrainingProgress, RetrainingRun> work) {
        this.timer = timer;
        this.work = work;
    }

    /** Starts checking after {@code firstCheckAfter}, then every {@code every}. */
    static ScheduledRetraining start(Function<TrainingProgress, RetrainingRun> work, Duration firstCheckAfter,
                                     Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("model-retraining").daemon().factory());
        ScheduledRetraining scheduled = new ScheduledRetraining(timer, work);
        timer.scheduleWithFixedDelay(scheduled::runOnce, firstCheckAfter.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return scheduled;
    }

    /** From the next run on, runs go through {@code next} (the console's job runner once its window is up). */
    void runThrough(Runner next) {
        runner = Objects.requireNonNull(next, "runner");
    }

    private void runOnce() {
        try {
            RetrainingRun run = runner.run(TITLE, work);
            if (!run.outcomes().isEmpty()) {
                LOG.info("Retraining: {} model(s) due, {} promoted, {} failed", run.outcomes().size(), run.promoted(),
                        run.failed());
                run.outcomes().forEach(o -> LOG.info("  {} {} ({}): {} — {}", o.type(), o.scope(), o.why(),
                        o.result(), o.detail()));
            }
        } catch (CancellationException e) {
            LOG.info("Retraining was cancelled; models not yet retrained stay due for the next check");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // keeps the timer alive: the next check tries again
            LOG.error("Retraining the models failed; the current champions keep serving", e);
        }
    }

    /** The agent's way: on this thread, progress to the log at most every tenth of the run. */
    private static RetrainingRun runLogged(String title, Function<TrainingProgress, RetrainingRun> work) {
        return work.apply(new TrainingProgress() {
            private int lastTenth = -1;

            @Override
            public void report(double fractionDone, String step) {
                int tenth = (int) Math.floor(Math.clamp(fractionDone, 0, 1) * 10);
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    LOG.info("{}: {} % — {}", title, tenth * 10, step);
                }
            }

            @Override
            public boolean cancelled() {
                return Thread.currentThread().isInterrupted();
            }
        });
    }

    /**
     * The console's way: a job in its job runner, with progress and cancel in the window; blocks until the job has
     * ended, so runs never overlap.
     */
    static Runner through(JobRunner jobs) {
        return (title, work) -> {
            CompletableFuture<RetrainingRun> ended = new CompletableFuture<>();
            jobs.submit(title, context -> {
                try {
                    RetrainingRun run = work.apply(new TrainingProgress() {
                        @Override
                        public void report(double fractionDone, String step) {
                            context.progress(fractionDone, step);
                        }

                        @Override
                        public boolean cancelled() {
                            return context.cancelled();
                        }
                    });
                    ended.complete(run);
                    return run;
                } catch (RuntimeException e) {
                    ended.completeExceptionally(e);
                    throw e;
                }
            }, run -> { }, failure -> { });
            try {
                return ended.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }

    /** Stops checking and waits for a run in progress (it stops at its next cancellation check), then returns. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A retraining run did not stop within {}; leaving it to finish in the background",
                        SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
