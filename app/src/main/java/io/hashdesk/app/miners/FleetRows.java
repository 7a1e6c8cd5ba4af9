package io.hashdesk.app.miners;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolDirectory;
import io.hashdesk.core.store.FarmStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the fleet table's rows from the store: every registered miner joined with its latest snapshot, its model's
 * rating and the farm's pool list. Runs off the FX thread (it reads the database); the rows come out in miner id order.
 */
public final class FleetRows {

    private static final double PERCENT = 100.0;

    private final FarmStore store;
    private final MinerModelCatalog catalog;
    private final Clock clock;
    private final FleetTableSettings settings;

    public FleetRows(FarmStore store, MinerModelCatalog catalog, Clock clock, FleetTableSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The rows as the store has them now. */
    public List<MinerRow> read() {
        return build(store.registry().miners(), store.telemetry().latest(), new PoolDirectory(store.pools().pools()),
                catalog, clock.instant(), settings);
    }

    /** The rows for {@code miners}, each with its snapshot in {@code latest} if it has one, sorted by miner id. */
    static List<MinerRow> build(List<Miner> miners, Map<MinerId, TelemetrySnapshot> latest, PoolDirectory pools,
                                MinerModelCatalog catalog, Instant now, FleetTableSettings settings) {
        // farms have a handful of pools and models: look each up once, not once per miner
        Map<String, Optional<PoolDefinition>> poolByUrl = new HashMap<>();
        Map<String, Optional<MinerModel>> modelById = new HashMap<>();
        List<MinerRow> rows = new ArrayList<>(miners.size());
        for (Miner miner : miners) {
            Optional<MinerModel> model = modelById.computeIfAbsent(miner.modelId(), catalog::byId);
            TelemetrySnapshot snapshot = latest.get(miner.id());
            rows.add(snapshot == null ? neverPolled(miner, model)
                    : row(miner, model, snapshot, poolByUrl.computeIfAbsent(
                            snapshot.poolUrl() == null ? "" : snapshot.poolUrl(), pools::byUrl), now, settings));
        }
        rows.sort((a, b) -> a.id().compareTo(b.id()));
        return rows;
    }

    private static MinerRow neverPolled(Miner miner, Optional<MinerModel> model) {
        return new MinerRow(miner.id(), RowStatus.NEVER_POLLED, miner.modelId(), modelName(miner, model),
                model.map(MinerModel::algorithm).orElse(null), miner.position().roomId(), miner.position().label(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, false);
    }

    private static MinerRow row(Miner miner, Optional<MinerModel> model, TelemetrySnapshot snapshot,
                                Optional<PoolDefinition> pool, Instant now, FleetTableSettings settings) {
        Double hashrate = snapshot.hashrateThs();
        Double percentOfRated = hashrate == null ? null
                : model.map(m -> hashrate / m.ratedHashrateThs() * PERCENT).orElse(null);
        boolean belowRating = percentOfRated != null && percentOfRated < settings.degradedBelowPercentOfRated();
        Duration age = Duration.between(snapshot.takenAt(), now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        return new MinerRow(miner.id(), RowStatus.of(snapshot.status(), belowRating), miner.modelId(),
                modelName(miner, model), model.map(MinerModel::algorithm).orElse(null), miner.position().roomId(),
                miner.position().label(), hashrate, percentOfRated, snapshot.powerWatts(),
                snapshot.efficiencyJPerTh(), snapshot.chipTempMaxC(), snapshot.fanPercent(), rejectsPercent(snapshot),
                pool.map(PoolDefinition::name).orElse(snapshot.poolUrl()), pool.map(PoolDefinition::coin).orElse(null),
                snapshot.preset(), snapshot.uptime(), snapshot.takenAt(), age,
                age.compareTo(settings.staleAfter()) > 0);
    }

    private static String modelName(Miner miner, Optional<MinerModel> model) {
        return model.map(MinerModel::name).orElse(miner.modelId());
    }

    private static Double rejectsPercent(TelemetrySnapshot snapshot) {
        Long accepted = snapshot.acceptedShares();
        Long rejected = snapshot.rejectedShares();
        if (accepted == null || rejected == null || accepted + rejected == 0) {
            return null;
        }
        return rejected * PERCENT / (accepted + rejected);
    }
}
