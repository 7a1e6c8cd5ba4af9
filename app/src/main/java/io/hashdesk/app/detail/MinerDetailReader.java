package io.hashdesk.app.detail;

import io.hashdesk.app.common.JobContext;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolDirectory;
import io.hashdesk.core.store.AmbientScope;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SensorPoint;
import io.hashdesk.core.store.SeriesPoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one miner for the detail screen: its identity with the latest snapshot (for the live header) and its history
 * over a range at that range's resolution (for the charts and events), with its room's or rack's intake air beside
 * the chip temperature when sensors measure it. Runs off the FX thread; it reads the database.
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
        Map<ChartKind, List<ChartLine>> charts = new EnumMap<>(ChartKind.class);
        charts.putAll(MinerCharts.build(points, range.resolution() != Resolution.RAW, DetailText.unit(known),
                settings.maxPointsPerLine()));
        store.registry().miner(id).flatMap(miner -> intakeAir(miner, from, to, range.resolution())).ifPresent(air -> {
            List<ChartLine> temperatures = new ArrayList<>(charts.getOrDefault(ChartKind.TEMPERATURE, List.of()));
            temperatures.add(MinerCharts.thinned(air, settings.maxPointsPerLine()));
            charts.put(ChartKind.TEMPERATURE, temperatures);
        });
        return new MinerHistory(id, range, from, to, DetailText.unit(known).label(), points.size(), charts,
                MinerEvents.derive(points, hotLimitC));
    }

    /**
     * The air the miner breathes, as its room's intake sensors measured it: its rack's own sensors when it has
     * some, else the room's. Raw ranges read 5-minute means, so sensors read at different instants still combine.
     */
    private Optional<ChartLine> intakeAir(Miner miner, Instant from, Instant to, Resolution resolution) {
        Resolution air = resolution == Resolution.RAW ? Resolution.FIVE_MINUTES : resolution;
        Map<AmbientScope, List<SensorPoint>> ambient = store.sensors().ambientIntake(from, to, air);
        AmbientScope rack = AmbientScope.rack(miner.position().roomId(), miner.position().rack());
        AmbientScope room = AmbientScope.room(miner.position().roomId());
        String name = ambient.containsKey(rack) ? "Intake air (rack " + rack.rack() + ")" : "Intake air (room)";
        List<SensorPoint> points = ambient.getOrDefault(rack, ambient.get(room));
        if (points == null || points.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChartLine(name, ChartLine.Role.PART, points.stream()
                .map(p -> new ChartLine.Point(p.start().getEpochSecond(), p.value().mean())).toList()));
    }

    private static String resolutionWords(DetailRange range) {
        return switch (range.resolution()) {
            case RAW -> "(every poll)";
            case FIVE_MINUTES -> "(5-minute averages)";
            case ONE_HOUR -> "(hourly averages)";
        };
    }
}
