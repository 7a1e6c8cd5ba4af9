package io.hashdesk.core.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link TelemetryStore#maintain} in the background at a fixed delay: rollups and retention happen
 * while the app is open, on their own thread, in the store's short transactions. A failed run is logged and
 * the next one tries again; the job never stops on its own.
 */
public final class TelemetryMaintenanceJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryMaintenanceJob.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final ScheduledExecutorService executor;
    private final AtomicReference<MaintenanceReport> lastReport = new AtomicReference<>();
    private final AtomicReference<RuntimeException> lastFailure = new AtomicReference<>();

    private TelemetryMaintenanceJob(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the job; the first run is right away, so a backlog left by the last session is worked off first. */
    public static TelemetryMaintenanceJob start(TelemetryStore store, Duration interval, Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "telemetry-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        TelemetryMaintenanceJob job = new TelemetryMaintenanceJob(executor);
        executor.scheduleWithFixedDelay(() -> job.runOnce(store, clock), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    private void runOnce(TelemetryStore store, Clock clock) {
        try {
            lastReport.set(store.maintain(clock.instant()));
            lastFailure.set(null);
        } catch (RuntimeException e) {
            // the store rolled the failed transaction back; the next run starts from what is committed
            LOG.error("Telemetry maintenance failed; it will be retried at the next interval", e);
            lastFailure.set(e);
        }
    }

    /** What the last successful run did, empty before the first one has finished. */
    public Optional<MaintenanceReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    /** Why the last run failed, empty when it succeeded. */
    public Optional<RuntimeException> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Stops scheduling and waits for a run in progress to finish, so the store can be closed after. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Telemetry maintenance still running after {}; interrupting it", SHUTDOWN_WAIT);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
