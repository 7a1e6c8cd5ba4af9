package io.hashdesk.ml.features;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.MinerModel;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.MinerRegistry;
import io.hashdesk.core.store.Resolution;
import io.hashdesk.core.store.SeriesPoint;
import io.hashdesk.core.store.TelemetryStore;
import io.hashdesk.ml.TrainingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Computes a {@link FeatureTable} of every registered miner as of an instant (or several) from the telemetry store,
 * in bulk: one pass over every miner's 1-hour rollups of the week and one over their 5-minute rollups of the day,
 * whatever the fleet's size. Only data before the as-of instant is read (it is aligned down to 5 minutes, the week
 * to the hour), so training can build tables at many past instants without look-ahead. Peer features compare each
 * miner with the median of the other miners of its model in its room.
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
     * @param ambient room air temperatures, {@link RoomSensors#NONE} when there are no sensors
     * @param market  market and energy conditions per algorithm; {@code null} answers mean unknown
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public FeatureTable build(Instant asOf, RoomSensors ambient, Function<Algorithm, MarketConditions> market,
                              TrainingProgress progress) {
        return buildEach(List.of(asOf), ambient, market, progress).getFirst();
    }

    /**
     * The tables as of each instant, in the given order, from one read of the rollups that cover them all: each
     * miner's history over the whole span is read once and every table's window is a slice of it. A table is the one
     * {@link #build} gives for its instant; training asks for dozens of overlapping windows, which would otherwise
     * read the same days again for each.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public List<FeatureTable> buildEach(List<Instant> asOfs, RoomSensors ambient,
                                        Function<Algorithm, MarketConditions> market, TrainingProgress progress) {
        if (asOfs.isEmpty()) {
            return List.of();
        }
        List<Window> windows = asOfs.stream().map(this::window).toList();
        List<Miner> miners = registry.miners().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
        int total = Math.max(1, miners.size());
        List<FeatureTable.Row> rows = new ArrayList<>(miners.size());
        Map<MinerId, Integer> rowOf = new HashMap<>();
        String[] racks = new String[miners.size()];
        for (Miner miner : miners) {
            racks[rows.size()] = miner.position().rack();
            rowOf.put(miner.id(), rows.size());
            rows.add(new FeatureTable.Row(miner.id(), miner.modelId(), miner.position().roomId()));
        }

        // weeks[k][i]: what table k's features need from miner i's week of hourly buckets
        MinerSignals.Week[][] weeks = new MinerSignals.Week[windows.size()][rows.size()];
        Instant weekFrom = windows.stream().map(Window::weekStart).min(Instant::compareTo).orElseThrow();
        Instant weekTo = windows.stream().map(Window::weekEnd).max(Instant::compareTo).orElseThrow();
        int[] seen = {0};
        telemetry.forEachSeries(weekFrom, weekTo, Resolution.ONE_HOUR, (id, points) -> {
            Integer i = rowOf.get(id);
            if (i != null) {
                for (int k = 0; k < windows.size(); k++) {
                    Window w = windows.get(k);
                    weeks[k][i] = MinerSignals.Week.of(slice(points, w.weekStart(), w.weekEnd()), w.dayStart());
                }
            }
            tick(progress, ++seen[0], total, 0, "Reading the weeks' hourly history");
        });

        double[][][] values = new double[windows.size()][rows.size()][];
        double[][] powerKw = new double[windows.size()][rows.size()];
        for (double[] table : powerKw) {
            Arrays.fill(table, Double.NaN);
        }
        Map<String, Double> rated = new HashMap<>();
        Instant dayFrom = windows.stream().map(Window::dayStart).min(Instant::compareTo).orElseThrow();
        Instant dayTo = windows.stream().map(Window::end).max(Instant::compareTo).orElseThrow();
        seen[0] = 0;
        telemetry.forEachSeries(dayFrom, dayTo, Resolution.FIVE_MINUTES, (id, points) -> {
            Integer i = rowOf.get(id);
            if (i != null) {
                double ratedThs = rated.computeIfAbsent(rows.get(i).modelId(), this::ratedThs);
                for (int k = 0; k < windows.size(); k++) {
                    Window w = windows.get(k);
                    List<SeriesPoint> day = slice(points, w.dayStart(), w.end());
                    if (!day.isEmpty()) {
                        values[k][i] = MinerSignals.of(day, week(weeks, k, i), w.shortStart(), ratedThs,
                                settings.bucketsPerDay());
                        powerKw[k][i] = MinerSignals.hashingPowerKw(day);
                    }
                }
            }
            tick(progress, ++seen[0], total, 0.5, "Computing features from the days' history");
        });

        List<FeatureTable> tables = new ArrayList<>(windows.size());
        for (int k = 0; k < windows.size(); k++) {
            Window w = windows.get(k);
            for (int i = 0; i < rows.size(); i++) {
                if (values[k][i] == null) {
                    // polled never in the day: its own features are what an empty history gives (NaN, coverage 0)
                    values[k][i] = MinerSignals.of(List.of(), week(weeks, k, i), w.shortStart(),
                            ratedThs(rows.get(i).modelId()), settings.bucketsPerDay());
                }
            }
            applyAmbient(rows, values[k], powerKw[k], ambient, w.dayStart(), w.end());
            applyMeteredPower(rows, racks, values[k], powerKw[k], ambient, w.dayStart(), w.end());
            PeerComparison.apply(rows, values[k], settings.minPeers());
            applyMarket(rows, values[k], market);
            tables.add(new FeatureTable(w.end(), rows, values[k]));
            values[k] = null; // the table holds its own copy
        }
        progress.report(1, "Features ready");
        return tables;
    }

    /** The windows of a table as of {@code asOf}: the end aligned down to 5 minutes, the week's end to the hour. */
    private record Window(Instant end, Instant dayStart, Instant shortStart, Instant weekStart, Instant weekEnd) {
    }

    private Window window(Instant asOf) {
        Instant end = alignDown(asOf, FIVE_MINUTES);
        Instant weekEnd = alignDown(end, ONE_HOUR);
        return new Window(end, end.minus(settings.dayWindow()), end.minus(settings.shortWindow()),
                weekEnd.minus(settings.weekWindow()), weekEnd);
    }

    private static MinerSignals.Week week(MinerSignals.Week[][] weeks, int k, int i) {
        MinerSignals.Week week = weeks[k][i];
        return week == null ? MinerSignals.Week.EMPTY : week;
    }

    /** The buckets starting in {@code [from, to)} of a series ordered by start: the ones a read of that range gives. */
    private static List<SeriesPoint> slice(List<SeriesPoint> points, Instant from, Instant to) {
        return points.subList(firstAtOrAfter(points, from), firstAtOrAfter(points, to));
    }

    private static int firstAtOrAfter(List<SeriesPoint> points, Instant at) {
        int lo = 0;
        int hi = points.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).start().isBefore(at)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
                                     RoomSensors ambient, Instant from, Instant to) {
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

    /** {@link Feature#METERED_TO_REPORTED_POWER}: the rack's meter if it has one, else the room's whole-room meter. */
    private static void applyMeteredPower(List<FeatureTable.Row> rows, String[] racks, double[][] values,
                                          double[] powerKw, RoomSensors sensors, Instant from, Instant to) {
        Map<List<String>, Double> reported = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (Double.isFinite(powerKw[i])) {
                reported.merge(Arrays.asList(rows.get(i).roomId(), racks[i]), powerKw[i], Double::sum);
                reported.merge(Arrays.asList(rows.get(i).roomId(), null), powerKw[i], Double::sum);
            }
        }
        Map<List<String>, Double> metered = new HashMap<>();
        Function<List<String>, Double> meter = key -> sensors.meanMeteredKw(key.get(0), key.get(1), from, to);
        for (int i = 0; i < rows.size(); i++) {
            List<String> rack = Arrays.asList(rows.get(i).roomId(), racks[i]);
            List<String> room = Arrays.asList(rows.get(i).roomId(), null);
            List<String> circuit = Double.isFinite(metered.computeIfAbsent(rack, meter)) ? rack : room;
            double kw = metered.computeIfAbsent(circuit, meter);
            double ratio = MinerSignals.ratio(kw, reported.getOrDefault(circuit, Double.NaN));
            values[i][Feature.METERED_TO_REPORTED_POWER.ordinal()] = Double.isFinite(ratio) ? ratio : Double.NaN;
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
