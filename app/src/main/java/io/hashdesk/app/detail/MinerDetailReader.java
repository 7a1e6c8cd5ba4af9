package io.hashdesk.app.detail;

import io.hashdesk.app.common.JobContext;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolDirectory;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one miner for the detail screen: its identity with the latest snapshot (for the live header) and its history
 * over a range at that range's resolution (for the charts and events). Runs off the FX thread; it reads the database.
 */
public final class MinerDetailReader {

    private final FarmStore store;
    private final MinerModelCatalog catalog;
    private final Clock clock;
    private final MinerDetailSettings settings;

    public MinerDetailReader(FarmStore store, MinerModelCatalog catalog, Clock clock, MinerDetailSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The miner and its latest snapshot; empty when it is no longer registered. */
    public Optional<MinerHeader> header(MinerId id) {
        Optional<Miner> miner = store.registry().miner(id);
        if (miner.isEmpty()) {
            return Optional.empty();
        }
        TelemetrySnapshot latest = store.telemetry().latest().get(id);
        Optional<PoolDefinition> pool = latest == null || latest.poolUrl() == null ? Optional.empty()
                : new PoolDirectory(store.pools().pools()).byUrl(latest.poolUrl());
        return Optional.of(new MinerHeader(miner.get(), catalog.byId(miner.get().modelId()).orElse(null), latest,
                pool.map(PoolDefinition::name).orElse(latest == null ? null : latest.poolUrl()),
                pool.map(PoolDefinition::coin).orElse(null), clock.instant()));
    }

    /** The miner's charts and events over the {@code range} up to now. */
    public MinerHistory history(MinerId id, DetailRange range, JobContext context) {
        Instant to = clock.instant();
        Instant from = to.minus(range.span());
        context.progress(-1, "Reading " + range.label() + " of " + id.value() + " " + resolutionWords(range) + "…");
        Optional<MinerModel> model = store.registry().miner(id).flatMap(m -> catalog.byId(m.modelId()));
        List<SeriesPoint> points = store.telemetry().series(id, from, to, range.resolution());
        context.checkCancelled();
        context.progress(-1, "Drawing " + points.size() + " points…");
        double hotLimitC = model.map(m -> m.safeLimits().chipTempMaxC()).orElse(settings.hotChipFallbackC());
        MinerModel known = model.orElse(null);
        return new MinerHistory(id, range, from, to, DetailText.unit(known).label(), points.size(),
                MinerCharts.build(points, range.resolution() != Resolution.RAW, DetailText.unit(known),
                        settings.maxPointsPerLine()),
                MinerEvents.derive(points, hotLimitC));
    }

    private static String resolutionWords(DetailRange range) {
        return switch (range.resolution()) {
            case RAW -> "(every poll)";
            case FIVE_MINUTES -> "(5-minute averages)";
            case ONE_HOUR -> "(hourly averages)";
        };
    }
}
