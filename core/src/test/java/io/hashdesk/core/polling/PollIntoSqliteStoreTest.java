package io.hashdesk.core.polling;

import static io.hashdesk.core.polling.Fleet.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAccessException.Failure;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.TelemetryStore;
import io.hashdesk.core.store.sqlite.MutableClock;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against the real SQLite store and registry, as the app wires them. */
class PollIntoSqliteStoreTest {

    @TempDir
    Path dir;

    @Test
    void eachCycleLandsInTheStoreWithReadingsForHealthyMinersAndTheStatusOfFailingOnes() {
        MutableClock clock = new MutableClock(FakeFarm.T0);
        try (SqliteFarmStore farm = SqliteFarmStore.open(dir.resolve("hashdesk.db"), StoreSettings.defaults(), clock)) {
            MinerRegistry registry = farm.registry();
            registry.saveSite(new Site(Fleet.SITE, "Test site", ZoneId.of("UTC")));
            registry.saveRoom(new Room(Fleet.ROOM, Fleet.SITE, "Hall A"));
            for (Miner miner : Fleet.of(4).get()) {
                registry.saveMiner(miner);
            }
            ScriptedReader reader = new ScriptedReader(clock);
            reader.fail(id(1), Failure.UNREACHABLE, "connection refused");
            reader.fail(id(2), Failure.AUTH_FAILED, "password refused");
            reader.set(id(3), m -> {
                throw new IllegalStateException("driver bug");
            });
            TelemetryStore telemetry = farm.telemetry();

            try (PollScheduler scheduler = new PollScheduler(reader, registry::miners, telemetry,
                    PollSettings.defaults(), clock, new SplittableRandom(7))) {
                for (int second = 0; second < 120; second++) {
                    scheduler.pollDue();
                    clock.advance(Duration.ofSeconds(1));
                }
                Map<MinerId, TelemetrySnapshot> latest = telemetry.latest();

                assertEquals(MinerStatus.MINING, latest.get(id(0)).status());
                assertEquals(104.0, latest.get(id(0)).hashrateThs());
                assertEquals(MinerStatus.OFFLINE, latest.get(id(1)).status());
                assertEquals(MinerStatus.AUTH_FAILED, latest.get(id(2)).status());
                assertEquals(MinerStatus.UNKNOWN, latest.get(id(3)).status());
                assertEquals(Instant.parse("2026-03-02T00:01:00Z"), latest.get(id(0)).takenAt());
                assertEquals(scheduler.totals().polled() + scheduler.totals().skippedByOpenBreaker(),
                        telemetry.storageStats().recentSnapshots(), "every cycle stored in full");
                assertEquals(0, scheduler.totals().ingestRejected());
                assertEquals(Map.of(MinerStatus.MINING, 1, MinerStatus.OFFLINE, 1, MinerStatus.AUTH_FAILED, 1,
                        MinerStatus.UNKNOWN, 1), telemetry.fleetSummary(clock.instant(), id -> null).statusCounts());
            }
        }
    }
}
