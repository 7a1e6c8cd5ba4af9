package io.hashdesk.core.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.StoreSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM (SIGKILL, no shutdown hooks) in the middle of heavy ingestion and hourly rollups, then
 * proves the file is consistent and every batch the child saw committed is there, value for value.
 */
class CrashDuringIngestionTest {

    private static final int MINERS = 1_000;
    /** Past two rollups, so the kill can land in ingestion or in maintenance. */
    private static final int MIN_COMMITTED_BEFORE_KILL = 130;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyCommittedBatchSurvivesAKilledProcessAndTheFileStaysConsistent() throws Exception {
        Path db = dir.resolve("crash.db");
        int lastCommitted = runAndKill(db);

        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }

        Instant afterLast = CrashIngestionWorker.batchTime(lastCommitted + 2);
        MutableClock clock = new MutableClock(afterLast);
        try (SqliteFarmStore farm = SqliteFarmStore.open(db, StoreSettings.defaults(), clock)) {
            SyntheticFarm expected = new SyntheticFarm(MINERS, CrashIngestionWorker.SEED);
            List<List<TelemetrySnapshot>> cycles = new ArrayList<>();
            for (int b = 0; b <= lastCommitted; b++) {
                cycles.add(expected.pollCycle(CrashIngestionWorker.batchTime(b)));
            }
            for (int miner = 0; miner < MINERS; miner++) {
                List<SeriesPoint> stored = farm.telemetry().series(SyntheticFarm.id(miner), CrashIngestionWorker.START,
                        afterLast, Resolution.RAW);
                assertTrue(stored.size() == lastCommitted + 1 || stored.size() == lastCommitted + 2,
                        "miner " + miner + " has " + stored.size() + " snapshots, committed " + (lastCommitted + 1));
                for (int b = 0; b <= lastCommitted; b++) {
                    TelemetrySnapshot want = cycles.get(b).get(miner);
                    SeriesPoint got = stored.get(b);
                    assertEquals(want.takenAt(), got.start());
                    assertEquals(want.hashrateThs(), got.hashrateThs().mean(), "miner " + miner + " batch " + b);
                    assertEquals(want.powerWatts(), got.powerWatts().mean());
                }
            }
            clock.advance(Duration.ofMinutes(1));
            assertTrue(farm.telemetry().ingest(expected.pollCycle(clock.instant())).allStored(),
                    "ingestion carries on after the crash");
            farm.telemetry().maintain(clock.instant().plus(Duration.ofHours(2)));
        }
    }

    /** Starts the worker, waits for enough committed batches, kills it; returns the last batch it reported. */
    private int runAndKill(Path db) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashIngestionWorker.class.getName(), db.toString(),
                Integer.toString(MINERS))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int lastCommitted = -1;
        int killAfter = MIN_COMMITTED_BEFORE_KILL + ThreadLocalRandom.current().nextInt(60);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    lastCommitted = Integer.parseInt(line.substring("COMMITTED ".length()));
                    if (lastCommitted >= killAfter) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(lastCommitted >= killAfter, "the worker died on its own after batch " + lastCommitted);
        return lastCommitted;
    }
}
