package io.hashdesk.app.miners;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolDirectory;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Miners, snapshots and pools for the fleet table tests, built from the bundled model catalog. */
final class FleetFixture {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final MinerModelCatalog CATALOG = MinerModelCatalog.bundled();
    static final FleetTableSettings SETTINGS = new FleetTableSettings(Duration.ofSeconds(1), Duration.ofMinutes(5), 85);
    static final PoolDirectory POOLS = new PoolDirectory(List.of(
            new PoolDefinition("btc", "ViaBTC", PoolEndpoint.parse("btc.viabtc.io:3333"), "BTC",
                    new PoolTerms(2, PayoutScheme.PPS_PLUS)),
            new PoolDefinition("ltc", "LTC pool", PoolEndpoint.parse("ltc.example.com:3333"), "LTC",
                    new PoolTerms(1, PayoutScheme.PPS))));

    private FleetFixture() {
    }

    static Miner miner(String id, String room, String modelId) {
        return new Miner(MinerId.of(id), "site", new RackPosition(room, "R1", 1, 1), MinerAddress.ofHost("10.0.0.1"),
                modelId, "Vnish 1.2.7", Optional.empty());
    }

    static TelemetrySnapshot mining(String id, double hashrateThs, double powerWatts, Instant takenAt) {
        return new TelemetrySnapshot(MinerId.of(id), takenAt, MinerStatus.MINING, hashrateThs, hashrateThs, List.of(),
                72.0, 60.0, List.of(5_000, 5_100), 60.0, powerWatts, 13.0, 500.0, "3100",
                "stratum+tcp://btc.viabtc.io:3333", 990L, 10L, 0L, Duration.ofHours(30));
    }

    /** A row as the service builds it, for view-model tests that need no store. */
    static MinerRow row(String id, RowStatus status, String room, String model, Double hashrateThs, boolean stale) {
        return new MinerRow(MinerId.of(id), status, model.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), model,
                null, room, room + " / R1 / 1-1", hashrateThs, hashrateThs == null ? null : hashrateThs, 3_000.0,
                30.0, 70.0, 60.0, 0.5, "ViaBTC", "BTC", "3100", Duration.ofHours(2), NOW.minusSeconds(10),
                Duration.ofSeconds(10), stale);
    }
}
