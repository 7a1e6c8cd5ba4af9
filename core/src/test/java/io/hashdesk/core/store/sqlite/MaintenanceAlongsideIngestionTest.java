package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.IngestReport;
import io.hashdesk.core.store.MaintenanceReport;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryMaintenanceJob;
import io.hashdesk.core.store.TelemetryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rollups and retention run beside ingestion and reads, in short transactions that take turns with them. */
class MaintenanceAlongsideIngestionTest {

    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    private static final int MINERS = 200;
    private static final int BACKLOG_MINUTES = 6 * 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void pollCyclesAreStoredWhileALongMaintenanceRunIsInProgress() throws Exception {
        StoreSettings d = StoreSettings.defaults();
        StoreSettings smallBatches = new StoreSettings(d.rawRetention(), d.fiveMinuteRetention(), d.oneHourRetention(),
                d.rollupGrace(), d.maxClockSkew(), d.staleAfter(), 10, d.maintenanceInterval());
        MutableClock clock = new MutableClock(T0);
        try (SqliteFarmStore farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), smallBatches, clock)) {
            TelemetryStore store = farm.telemetry();
            SyntheticFarm synthetic = new SyntheticFarm(MINERS, 11);
            synthetic.register(farm.registry());
            for (int m = 0; m < BACKLOG_MINUTES; m++) {
                Instant at = T0.plus(Duration.ofMinutes(m));
                clock.set(at);
                store.ingest(synthetic.pollCycle(at));
            }
            Instant now = T0.plus(Duration.ofMinutes(BACKLOG_MINUTES + 3));

            CompletableFuture<MaintenanceReport> maintenance = CompletableFuture.supplyAsync(() -> store.maintain(now));
            int cyclesDuringMaintenance = 0;
            int minute = BACKLOG_MINUTES;
            while (!maintenance.isDone()) {
                Instant at = T0.plus(Duration.ofMinutes(minute++));
                clock.set(at);
                List<TelemetrySnapshot> cycle = synthetic.pollCycle(at);
                IngestReport report = store.ingest(cycle);
                assertTrue(report.allStored(), report.rejected()::toString);
                store.latest();
                if (!maintenance.isDone()) {
                    cyclesDuringMaintenance++;
                }
            }
            MaintenanceReport report = maintenance.get();

            assertEquals(MINERS * 6, report.minerHoursRolledUp());
            assertTrue(cyclesDuringMaintenance > 0, "no poll cycle was stored while maintenance ran");
            int expectedPoints = minute;
            assertEquals(expectedPoints, store.series(SyntheticFarm.id(MINERS - 1), T0, T0.plus(Duration.ofDays(1)),
                    Resolution.RAW).size(), "every snapshot, rolled up or recent, is there exactly once");
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void theMaintenanceJobRollsUpInTheBackgroundUntilClosed() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (SqliteFarmStore farm = SqliteFarmStore.open(dir.resolve("job.db"), StoreSettings.defaults(), clock)) {
            SyntheticFarm synthetic = new SyntheticFarm(5, 3);
            synthetic.register(farm.registry());
            for (int m = 0; m < 90; m++) {
                Instant at = T0.plus(Duration.ofMinutes(m));
                clock.set(at);
                farm.telemetry().ingest(synthetic.pollCycle(at));
            }
            try (TelemetryMaintenanceJob job = TelemetryMaintenanceJob.start(farm.telemetry(), Duration.ofMillis(20), clock)) {
                while (job.lastReport().isEmpty()) {
                    Thread.sleep(10);
                }
                assertTrue(job.lastFailure().isEmpty());
            }
            assertEquals(5 * 30, farm.telemetry().storageStats().recentSnapshots(), "the first hour was rolled up");
            assertEquals(5, farm.telemetry().storageStats().rawChunks());
        }
    }
}
