package io.hashdesk.app.detail;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real SQLite store in a temporary folder with two S19j Pro miners and 26 hours of one-minute snapshots of
 * {@link #MINER}, scripted so its last hour holds one of each event: an outage, a lost board, a stopped fan and a hot
 * chip. {@link #QUIET} was registered but never polled.
 */
final class DetailFixture {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final MinerModelCatalog CATALOG = MinerModelCatalog.bundled();
    static final MinerId MINER = MinerId.of("m-001");
    static final MinerId QUIET = MinerId.of("m-002");
    static final MinerDetailSettings SETTINGS = new MinerDetailSettings(Duration.ofSeconds(1), Duration.ofMinutes(5),
            85, 400);
    static final Duration HISTORY = Duration.ofHours(26);
    /** Minutes before {@link #NOW} when each scripted episode starts, and how long it lasts. */
    static final int OFFLINE_AT = 50;
    static final int OFFLINE_MINUTES = 5;
    static final int BOARD_LOST_AT = 30;
    static final int BOARD_LOST_MINUTES = 10;
    static final int FAN_STOPPED_AT = 18;
    static final int FAN_STOPPED_MINUTES = 3;
    static final int HOT_AT = 10;
    static final int HOT_MINUTES = 4;

    private DetailFixture() {
    }

    static SqliteFarmStore store(Path folder) {
        SqliteFarmStore store = SqliteFarmStore.open(folder.resolve("farm.db"), StoreSettings.defaults(), CLOCK);
        store.registry().saveSite(new Site("site", "Test site", ZoneOffset.UTC));
        store.registry().saveRoom(new Room("hall-a", "site", "Hall A"));
        store.registry().saveMiner(miner(MINER, 1));
        store.registry().saveMiner(miner(QUIET, 2));
        List<TelemetrySnapshot> history = new ArrayList<>();
        for (long minutesAgo = HISTORY.toMinutes(); minutesAgo >= 1; minutesAgo--) {
            history.add(snapshot((int) minutesAgo));
        }
        store.telemetry().ingest(history);
        return store;
    }

    private static Miner miner(MinerId id, int slot) {
        return new Miner(id, "site", new RackPosition("hall-a", "R1", 1, slot), MinerAddress.ofHost("10.0.0." + slot),
                "antminer-s19j-pro", "Vnish 1.2.7", Optional.empty());
    }

    private static boolean within(int minutesAgo, int startsAt, int lasts) {
        return minutesAgo <= startsAt && minutesAgo > startsAt - lasts;
    }

    static TelemetrySnapshot snapshot(int minutesAgo) {
        Instant at = NOW.minus(Duration.ofMinutes(minutesAgo));
        if (within(minutesAgo, OFFLINE_AT, OFFLINE_MINUTES)) {
            return TelemetrySnapshot.unreachable(MINER, at);
        }
        boolean boardLost = within(minutesAgo, BOARD_LOST_AT, BOARD_LOST_MINUTES);
        boolean fanStopped = within(minutesAgo, FAN_STOPPED_AT, FAN_STOPPED_MINUTES);
        double chipC = within(minutesAgo, HOT_AT, HOT_MINUTES) ? 95 : 70 + minutesAgo % 3;
        // a little wobble so 5-minute buckets have a spread between their minimum and maximum
        double wobble = minutesAgo % 5 - 2;
        List<HashboardReading> boards = new ArrayList<>();
        double total = 0;
        for (int b = 0; b < 3; b++) {
            double ths = boardLost && b == 1 ? 0 : 34 + wobble;
            total += ths;
            boards.add(new HashboardReading(b, ths, chipC - b, 62.0 + b, 525.0, 13.6, null, 0L));
        }
        long accepted = 10_000L + 100L * (HISTORY.toMinutes() - minutesAgo);
        return new TelemetrySnapshot(MINER, at, MinerStatus.MINING, total, total, boards, chipC, 64.0,
                List.of(fanStopped ? 0 : 5_400, 5_500, 5_450, 5_480), 80.0, 3_050 + 10 * wobble, 13.6, 525.0, "3100",
                "stratum+tcp://btc.pool.example:3333", accepted, accepted / 100, 0L,
                Duration.ofMinutes(Math.max(0, OFFLINE_AT - OFFLINE_MINUTES - minutesAgo)));
    }
}
