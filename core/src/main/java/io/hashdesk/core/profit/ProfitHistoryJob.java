package io.hashdesk.core.profit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daily profit history up to date in the background: each run (re)records the last
 * {@link ProfitSettings#historyDays()} completed days, so days the app was closed for are filled in from the stored
 * rollups and a day recorded before its market figures arrived is corrected. A failed run is logged and retried at
 * the next interval.
 */
public final class ProfitHistoryJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProfitHistoryJob.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final ScheduledExecutorService executor;
    private final AtomicReference<LocalDate> lastRecorded = new AtomicReference<>();

    private ProfitHistoryJob(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the job; the first run is right away. Days are counted in the site's time zone. */
    public static ProfitHistoryJob start(FarmProfitability profitability, ProfitSettings settings, Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("profit-history").daemon().factory());
        ProfitHistoryJob job = new ProfitHistoryJob(executor);
        executor.scheduleWithFixedDelay(() -> job.runOnce(profitability, settings.historyDays(), profitability.siteZone(), clock), 0,
                settings.historyInterval().toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    /** Records the {@code days} completed days before today, oldest first; returns the newest recorded. */
    static LocalDate recordCompletedDays(FarmProfitability profitability, int days, ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        for (int back = days; back >= 1; back--) {
            FarmProfitReport report = profitability.recordDay(today.minusDays(back));
            LOG.debug("Profit of {} recorded for {} miners ({} not priced)", today.minusDays(back),
                    report.profit().miners().size(), report.notPriced().size());
        }
        return today.minusDays(1);
    }

    private void runOnce(FarmProfitability profitability, int days, ZoneId zone, Clock clock) {
        try {
            lastRecorded.set(recordCompletedDays(profitability, days, zone, clock));
        } catch (RuntimeException e) {
            LOG.error("Recording the daily profit history failed; it will be retried at the next interval", e);
        }
    }

    /** The newest day the last successful run recorded. */
    public Optional<LocalDate> lastRecorded() {
        return Optional.ofNullable(lastRecorded.get());
    }

    /** Stops scheduling and waits for a run in progress, so the store can be closed after. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
