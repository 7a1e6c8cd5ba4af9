package io.hashdesk.ml.features;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.TelemetryStore;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Computes a {@link FeatureTable} of every registered miner as of an instant from the telemetry store, in bulk: one
 * pass over every miner's 1-hour rollups of the week and one over their 5-minute rollups of the day, whatever the
 * fleet's size. Only data before the as-of instant is read (it is aligned down to 5 minutes, the week to the hour),
 * so training can build tables at many past instants without look-ahead. Peer features compare each miner with the
 * median of the other miners of its model in its room.
 */
public final class FeatureBuilder {

    private static final Duration FIVE_MINUTES = Resolution.FIVE_MINUTES.width();
    private static final Duration ONE_HOUR = Resolution.ONE_HOUR.width();

    private final TelemetryStore telemetry;
    private final MinerRegistry registry;
    private final MinerModelCatalog catalog;
    private final FeatureSettings settings;

    public FeatureBuilder(TelemetryStore telemetry, MinerRegistry registry, MinerModelCatalog catalog,
                          FeatureSettings settings) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public FeatureSettings settings() {
        return settings;
    }

    /**
     * @param ambient room air temperatures, {@link AmbientSource#NONE} when there are no sensors
     * @param market  market and energy conditions per algorithm; {@code null} answers mean unknown
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public FeatureTable build(Instant asOf, AmbientSource ambient, Function<Algorithm, MarketConditions> market,
                              TrainingProgress progress) {
        Instant end = alignDown(asOf, FIVE_MINUTES);
        Instant dayStart = end.minus(settings.dayWindow());
        Instant shortStart = end.minus(settings.shortWindow());
        Instant weekEnd = alignDown(end, ONE_HOUR);
        List<Miner> miners = registry.miners().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
        int total = Math.max(1, miners.size());

        Map<MinerId, MinerSignals.Week> weeks = new HashMap<>();
        telemetry.forEachSeries(weekEnd.minus(settings.weekWindow()), weekEnd, Resolution.ONE_HOUR, (id, points) -> {
            weeks.put(id, MinerSignals.Week.of(points, dayStart));
            tick(progress, weeks.size(), total, 0, "Reading the week's hourly history");
        });

        Map<MinerId, Integer> rowOf = new LinkedHashMap<>();
        List<FeatureTable.Row> rows = new ArrayList<>(miners.size());
        for (Miner miner : miners) {
            rowOf.put(miner.id(), rows.size());
            rows.add(new FeatureTable.Row(miner.id(), miner.modelId(), miner.position().roomId()));
        }
        double[][] values = new double[rows.size()][];
        double[] powerKw = new double[rows.size()];
        Arrays.fill(powerKw, Double.NaN);
        Map<String, Double> rated = new HashMap<>();
        telemetry.forEachSeries(dayStart, end, Resolution.FIVE_MINUTES, (id, points) -> {
            Integer i = rowOf.get(id);
            if (i != null) {
                values[i] = MinerSignals.of(points, weeks.getOrDefault(id, MinerSignals.Week.EMPTY), shortStart,
                        rated.computeIfAbsent(rows.get(i).modelId(), this::ratedThs), settings.bucketsPerDay());
                powerKw[i] = MinerSignals.hashingPowerKw(points);
            }
            tick(progress, i == null ? 0 : i + 1, total, 0.5, "Computing features from the day's history");
        });
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                // polled never in the day: its own features are what an empty history gives (NaN, coverage 0)
                values[i] = MinerSignals.of(List.of(), weeks.getOrDefault(rows.get(i).miner(),
                        MinerSignals.Week.EMPTY), shortStart, ratedThs(rows.get(i).modelId()), settings.bucketsPerDay());
            }
        }
        applyAmbient(rows, values, powerKw, ambient, dayStart, end);
        PeerComparison.apply(rows, values, settings.minPeers());
        applyMarket(rows, values, market);
        progress.report(1, "Features ready");
        return new FeatureTable(end, rows, values);
    }

    private void tick(TrainingProgress progress, int done, int total, double offset, String step) {
        if (done % settings.progressEveryMiners() == 0) {
            progress.checkCancelled();
            progress.report(offset + 0.5 * Math.min(1, (double) done / total), step);
        }
    }

    private double ratedThs(String modelId) {
        return catalog.byId(modelId).map(MinerModel::ratedHashrateThs).filter(r -> r > 0).orElse(Double.NaN);
    }

    private static void applyAmbient(List<FeatureTable.Row> rows, double[][] values, double[] powerKw,
                                     AmbientSource ambient, Instant from, Instant to) {
        Map<String, Double> byRoom = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            double air = byRoom.computeIfAbsent(rows.get(i).roomId(), room -> ambient.meanAmbientC(room, from, to));
            double[] row = values[i];
            row[Feature.AMBIENT_C.ordinal()] = Double.isFinite(air) ? air : Double.NaN;
            double rise = row[Feature.CHIP_TEMP_MEAN_24H.ordinal()] - air;
            double value = MinerSignals.ratio(rise, powerKw[i]);
            row[Feature.THERMAL_RISE_C_PER_KW.ordinal()] = Double.isFinite(value) ? value : Double.NaN;
        }
    }

    private void applyMarket(List<FeatureTable.Row> rows, double[][] values,
                             Function<Algorithm, MarketConditions> market) {
        Map<String, MarketConditions> byModel = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MarketConditions m = byModel.computeIfAbsent(rows.get(i).modelId(), id -> catalog.byId(id)
                    .map(model -> market.apply(model.algorithm())).orElse(null));
            m = m == null ? MarketConditions.UNKNOWN : m;
            double[] row = values[i];
            row[Feature.HASHPRICE_USD_PER_TH_DAY.ordinal()] = m.hashpriceUsdPerThDay();
            row[Feature.DIFFICULTY_CHANGE_7D.ordinal()] = m.difficultyChange();
            row[Feature.PRICE_VOLATILITY_7D.ordinal()] = m.priceVolatility();
            row[Feature.ELECTRICITY_PRICE_NOW.ordinal()] = m.electricityPriceNow();
            row[Feature.ELECTRICITY_PRICE_NEXT_24H.ordinal()] = m.electricityPriceAhead();
        }
    }

    private static Instant alignDown(Instant at, Duration width) {
        long ms = width.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), ms) * ms);
    }
}
