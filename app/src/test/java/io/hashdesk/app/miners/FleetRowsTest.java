package io.hashdesk.app.miners;

import static io.hashdesk.app.miners.FleetFixture.CATALOG;
import static io.hashdesk.app.miners.FleetFixture.NOW;
import static io.hashdesk.app.miners.FleetFixture.POOLS;
import static io.hashdesk.app.miners.FleetFixture.SETTINGS;
import static io.hashdesk.app.miners.FleetFixture.miner;
import static io.hashdesk.app.miners.FleetFixture.mining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

class FleetRowsTest {

    @Test
    void joinsEachMinerWithItsSnapshotRatingAndPoolCoin() {
        List<MinerRow> rows = FleetRows.build(List.of(miner("a-1", "hall-a", "antminer-s19j-pro")),
                Map.of(MinerId.of("a-1"), mining("a-1", 98.8, 3_050, NOW.minusSeconds(12))), POOLS, CATALOG, NOW,
                SETTINGS);

        MinerRow row = rows.getFirst();
        assertEquals(RowStatus.MINING, row.status());
        assertEquals("Antminer S19j Pro", row.modelName());
        assertEquals("hall-a / R1 / 1-1", row.position());
        assertEquals(95.0, row.percentOfRated(), 1e-9, "98.8 of a rated 104 TH/s");
        assertEquals(3_050 / 98.8, row.efficiencyJPerTh(), 1e-9);
        assertEquals(1.0, row.rejectsPercent(), 1e-9, "10 rejected of 1,000 shares");
        assertEquals("ViaBTC", row.poolName());
        assertEquals("BTC", row.coin());
        assertEquals(12, row.sinceLastSeen().toSeconds());
        assertFalse(row.stale());
    }

    @Test
    void aMinerMiningWellBelowItsRatingIsDegradedAndAnOldSnapshotIsStale() {
        List<MinerRow> rows = FleetRows.build(List.of(miner("slow", "hall-a", "antminer-s19j-pro")),
                Map.of(MinerId.of("slow"), mining("slow", 70, 2_900, NOW.minusSeconds(6 * 60))), POOLS, CATALOG, NOW,
                SETTINGS);

        assertEquals(RowStatus.DEGRADED, rows.getFirst().status());
        assertTrue(rows.getFirst().stale());
    }

    @Test
    void unknownModelsUnknownPoolsAndUnpolledMinersStillGetARow() {
        TelemetrySnapshot odd = new TelemetrySnapshot(MinerId.of("odd"), NOW, MinerStatus.AUTH_FAILED, null, null,
                List.of(), null, null, List.of(), null, null, null, null, null, "stratum+tcp://other.pool:1", null,
                null, null, null);
        List<MinerRow> rows = FleetRows.build(List.of(miner("odd", "hall-b", "homebrew-x1"),
                miner("new", "hall-b", "antminer-l7")), Map.of(MinerId.of("odd"), odd), POOLS, CATALOG, NOW, SETTINGS);

        MinerRow never = rows.get(0);
        assertEquals("new", never.id().value(), "rows come out in id order");
        assertEquals(RowStatus.NEVER_POLLED, never.status());
        assertEquals(Algorithm.SCRYPT, never.algorithm());
        assertNull(never.lastSeen());
        MinerRow authFailed = rows.get(1);
        assertEquals(RowStatus.AUTH_FAILED, authFailed.status());
        assertEquals("homebrew-x1", authFailed.modelName(), "the raw id stands in for a model the catalog lacks");
        assertNull(authFailed.percentOfRated());
        assertEquals("stratum+tcp://other.pool:1", authFailed.poolName(), "an unknown pool shows its URL");
        assertNull(authFailed.coin());
    }

    /** A sanity bound, not a benchmark: the figure goes to the log and the report, not into an assertion. */
    @Test
    void buildsRowsForTenThousandMiners(TestReporter reporter) {
        List<Miner> miners = new ArrayList<>();
        Map<MinerId, TelemetrySnapshot> latest = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String id = String.format("m-%05d", i);
            miners.add(miner(id, "hall-" + (i % 12), i % 7 == 0 ? "antminer-s21" : "antminer-s19j-pro"));
            latest.put(MinerId.of(id), mining(id, 90 + i % 20, 3_000, NOW.minusSeconds(i % 400)));
        }
        FleetRows.build(miners, latest, POOLS, CATALOG, NOW, SETTINGS);
        long start = System.nanoTime();
        int rounds = 5;
        List<MinerRow> rows = List.of();
        for (int i = 0; i < rounds; i++) {
            rows = FleetRows.build(miners, latest, POOLS, CATALOG, NOW, SETTINGS);
        }
        double millis = (System.nanoTime() - start) / 1e6 / rounds;
        reporter.publishEntry("rowBuildMillisFor10000Miners", String.format("%.1f", millis));
        assertEquals(10_000, rows.size());
    }
}
