package io.hashdesk.ml.forecast;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.market.MarketStore;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.drift.FeatureDistributions;
import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.registry.ModelCandidate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the hashprice forecaster of the coin the fleet mines from the store's market history and describes it for
 * the registry. The promotion metric {@value #HELD_OUT_MAE_VS_NAIVE} is the walk-forward MAE divided by the naive
 * forecast's, averaged over the horizons, counting a horizon that fell back to the naive forecast as 1: what the
 * forecasts the app will show actually achieved out of sample. Scope is the fleet: one forecast coin per farm, as the
 * registry's scopes (fleet, miner model, unit) have no kind for a coin.
 */
public final class HashpriceForecastTraining {

    public static final String ALGORITHM = "smile.regression.GradientTreeBoost (LAD) per horizon, naive fallback";
    public static final String HELD_OUT_MAE_VS_NAIVE = "heldOutMaeVsNaive";

    private HashpriceForecastTraining() {
    }

    /** The trained forecaster and what the registry needs to register it. */
    public record Trained(ModelCandidate candidate, ModelArtifact artifact, HashpriceForecaster forecaster) {
    }

    /**
     * @param history how far back to read market history before {@code until}
     * @throws IllegalArgumentException when the history is too short for walk-forward validation (saying how short)
     */
    public static Trained train(MarketStore market, Coin coin, Duration history, Instant until,
                                HashpriceForecaster.Options options, DriftSettings drift, TrainingProgress progress) {
        Instant from = until.minus(history);
        List<MarketSnapshot> snapshots = market.history(coin.symbol(), from, until);
        HashpriceForecaster forecaster = HashpriceForecaster.fit(coin, snapshots, until, options, progress);
        Map<String, double[]> columns = trainingColumns(coin, snapshots, until, options);
        List<FeatureDistribution> distributions = FeatureDistributions.snapshot(columns, drift);
        ModelCandidate candidate = new ModelCandidate(ModelType.PROFIT_FORECAST, ModelScope.fleet(),
                snapshots.isEmpty() ? from : snapshots.getFirst().fetchedAt(), until, List.copyOf(columns.keySet()),
                ALGORITHM, options, metrics(forecaster.validation()), distributions);
        return new Trained(candidate, ModelArtifact.serialized(forecaster.saved()), forecaster);
    }

    /**
     * The feature values at every grid time in the last {@code window} before {@code until} that has them, by the
     * names training lists, for a drift check against a champion's training distributions. Unlike training rows these
     * need no known outcome, so the newest times count. Empty when the store holds no history of the coin.
     */
    public static Map<String, double[]> recentFeatures(MarketStore market, Coin coin, Duration window, Instant until,
                                                       HashpriceForecaster.Options options) {
        Instant from = until.minus(window);
        List<MarketSnapshot> snapshots = market.history(coin.symbol(), from.minus(MarketFeatures.LONGEST_LOOKBACK),
                until);
        if (snapshots.isEmpty()) {
            return Map.of();
        }
        MarketGrid grid = MarketGrid.of(coin, snapshots, until, options.step(), options.maxStaleness());
        MarketFeatures features = new MarketFeatures(grid, options.horizons().getFirst(),
                MarketFeatures.hashrateUsable(grid, options.minHashrateShare()));
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            double[] x = grid.at[i].isBefore(from) ? null : features.at(i);
            if (x != null) {
                rows.add(x);
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int f = 0; f < features.names().size(); f++) {
            int column = f;
            columns.put(features.names().get(f), rows.stream().mapToDouble(x -> x[column]).toArray());
        }
        return columns;
    }

    static Map<String, Double> metrics(List<HorizonValidation> validation) {
        Map<String, Double> metrics = new HashMap<>();
        double sum = 0;
        for (HorizonValidation v : validation) {
            double ratio = v.source() == ForecastSource.MODEL ? v.mae() / v.baselineMae() : 1;
            sum += ratio;
            String horizon = v.horizon().toHours() + "h";
            metrics.put("maeVsNaive_" + horizon, ratio);
            metrics.put("modelMaeVsNaive_" + horizon, v.mae() / v.baselineMae());
            metrics.put("directionalAccuracy_" + horizon, v.directionalAccuracy());
            metrics.put("intervalCoverage_" + horizon, v.intervalCoverage());
        }
        metrics.put(HELD_OUT_MAE_VS_NAIVE, sum / validation.size());
        return metrics;
    }

    /**
     * The feature columns of the first horizon's training rows: every horizon reads the same lags, and only the
     * scheduled subsidy change looks as far ahead as its horizon.
     */
    private static Map<String, double[]> trainingColumns(Coin coin, List<MarketSnapshot> snapshots, Instant until,
                                                         HashpriceForecaster.Options options) {
        MarketGrid grid = MarketGrid.of(coin, snapshots, until, options.step(), options.maxStaleness());
        Duration horizon = options.horizons().getFirst();
        MarketFeatures features = new MarketFeatures(grid, horizon,
                MarketFeatures.hashrateUsable(grid, options.minHashrateShare()));
        HorizonRows rows = HorizonRows.of(grid, features, horizon);
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int f = 0; f < features.names().size(); f++) {
            double[] column = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.x[r][f];
            }
            columns.put(features.names().get(f), column);
        }
        return columns;
    }
}
