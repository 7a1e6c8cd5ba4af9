package io.hashdesk.ml.forecast;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.settings.JsonSettings;
import io.hashdesk.ml.TrainingProgress;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Forecasts a coin's hashprice (USD per PH/s per day) a day and a week ahead from lags of hashprice, price,
 * difficulty and fees: one gradient-boosted model per horizon, validated walk-forward against the naive forecast
 * "hashprice stays where it is". A horizon whose model does not beat the naive forecast by
 * {@link Options#minMaeImprovement()} overall and in most folds forecasts with the naive one instead, and says so
 * ({@link ForecastSource#BASELINE} with the figures). Intervals come from walk-forward errors. Immutable.
 */
public final class HashpriceForecaster {

    private final Coin coin;
    private final Options options;
    private final List<HorizonForecaster> horizons;
    private final boolean useHashrate;

    private HashpriceForecaster(Coin coin, Options options, List<HorizonForecaster> horizons, boolean useHashrate) {
        this.coin = coin;
        this.options = options;
        this.horizons = List.copyOf(horizons);
        this.useHashrate = useHashrate;
    }

    /**
     * Gradient boosting hyper-parameters (Smile {@code GradientTreeBoost.Options}), all explicit.
     */
    public record Boost(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample)
            implements Serializable {
        public Boost {
            if (trees < 1 || maxDepth < 1 || maxNodes < 2 || nodeSize < 1 || !(shrinkage > 0 && shrinkage <= 1)
                    || !(subsample > 0 && subsample <= 1)) {
                throw new IllegalArgumentException("boost options out of range: trees " + trees + ", maxDepth "
                        + maxDepth + ", maxNodes " + maxNodes + ", nodeSize " + nodeSize + ", shrinkage " + shrinkage
                        + ", subsample " + subsample);
            }
        }
    }

    /**
     * Defaults in {@code hashprice-forecast-defaults.json} beside this class.
     *
     * @param step                 grid spacing of the market history the features are read on
     * @param horizons             how far ahead to forecast
     * @param maxStaleness         a figure older than this at a grid time counts as unknown there
     * @param folds                walk-forward folds
     * @param initialTrainingShare the first share of rows only trains, never validates
     * @param minTrainingRows      the fewest rows a fold may train on
     * @param minMaeImprovement    the model must cut the naive forecast's walk-forward MAE by at least this share
     * @param minFoldWinShare      and beat it in at least this share of the folds taken one by one
     * @param intervalCoverage     share of walk-forward errors a prediction interval spans
     * @param minHashrateShare     network hashrate becomes a feature when known at this share of grid times
     */
    public record Options(Duration step, List<Duration> horizons, Duration maxStaleness, int folds,
                          double initialTrainingShare, int minTrainingRows, double minMaeImprovement,
                          double minFoldWinShare, double maxAdvantagePValue, double intervalCoverage,
                          double minHashrateShare, Boost boost)
            implements Serializable {

        private static final String DEFAULTS = "hashprice-forecast-defaults.json";

        public Options {
            Objects.requireNonNull(boost, "boost");
            if (step == null || step.isNegative() || step.isZero() || maxStaleness == null
                    || maxStaleness.isNegative()) {
                throw new IllegalArgumentException("step must be positive and maxStaleness not negative");
            }
            horizons = List.copyOf(horizons);
            if (horizons.isEmpty() || horizons.stream().anyMatch(h -> h.compareTo(step) < 0)) {
                throw new IllegalArgumentException("need at least one horizon, each at least one step (" + step
                        + "), got " + horizons);
            }
            if (folds < 2 || minTrainingRows < 10 || !(initialTrainingShare > 0 && initialTrainingShare < 1)
                    || !(minMaeImprovement >= 0 && minMaeImprovement < 1)
                    || !(minFoldWinShare >= 0 && minFoldWinShare <= 1)
                    || !(maxAdvantagePValue > 0 && maxAdvantagePValue <= 1)
                    || !(intervalCoverage > 0 && intervalCoverage < 1)
                    || !(minHashrateShare >= 0 && minHashrateShare <= 1)) {
                throw new IllegalArgumentException("need folds ≥ 2, minTrainingRows ≥ 10, initialTrainingShare,"
                        + " minMaeImprovement, minFoldWinShare, maxAdvantagePValue, intervalCoverage and minHashrateShare as"
                        + " fractions");
            }
        }

        public static Options defaults() {
            return JsonSettings.defaults(Options.class, DEFAULTS);
        }

        /** These options forecasting other horizons. */
        public Options withHorizons(List<Duration> next) {
            return new Options(step, next, maxStaleness, folds, initialTrainingShare, minTrainingRows,
                    minMaeImprovement, minFoldWinShare, maxAdvantagePValue, intervalCoverage, minHashrateShare, boost);
        }
    }

    /**
     * Validates walk-forward and trains the forecaster on {@code history} up to {@code until}.
     *
     * @param history the coin's market snapshots, oldest first ({@code MarketStore.history})
     * @throws IllegalArgumentException when the history is too short for the folds, naming how many rows it gave
     */
    public static HashpriceForecaster fit(Coin coin, List<MarketSnapshot> history, Instant until, Options options,
                                          TrainingProgress progress) {
        MarketGrid grid = MarketGrid.of(coin, history, until, options.step(), options.maxStaleness());
        boolean useHashrate = MarketFeatures.hashrateUsable(grid, options.minHashrateShare());
        List<HorizonForecaster> fitted = new ArrayList<>();
        double share = 1.0 / options.horizons().size();
        for (int h = 0; h < options.horizons().size(); h++) {
            Duration horizon = options.horizons().get(h);
            MarketFeatures features = new MarketFeatures(grid, horizon, useHashrate);
            HorizonRows rows = HorizonRows.of(grid, features, horizon);
            WalkForward.Outcome outcome = WalkForward.run(grid, rows, features.names(), options, progress,
                    h * share, share * 0.8);
            fitted.add(HorizonForecaster.decide(horizon, features.names(), rows, outcome, options));
            progress.report((h + 1) * share, "Trained the " + horizon + " hashprice forecast");
        }
        return new HashpriceForecaster(coin, options, fitted, useHashrate);
    }

    /**
     * A fitted forecaster as it goes to disk ({@code ModelArtifact.serialized(forecaster.saved())}, Smile's boosted
     * trees by Java serialisation): everything but the coin, whose subsidy schedule belongs to the coin catalog and is
     * given back to {@link #restore}.
     */
    public static final class Saved implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String coinSymbol;
        private final Options options;
        private final List<HorizonForecaster> horizons;
        private final boolean useHashrate;

        private Saved(String coinSymbol, Options options, List<HorizonForecaster> horizons, boolean useHashrate) {
            this.coinSymbol = coinSymbol;
            this.options = options;
            this.horizons = List.copyOf(horizons);
            this.useHashrate = useHashrate;
        }

        public String coinSymbol() {
            return coinSymbol;
        }
    }

    public Saved saved() {
        return new Saved(coin.symbol(), options, horizons, useHashrate);
    }

    /**
     * The forecaster {@link #saved()} describes, forecasting exactly as the one it was taken from.
     *
     * @throws IllegalArgumentException if {@code coin} is not the coin it was trained for
     */
    public static HashpriceForecaster restore(Saved saved, Coin coin) {
        if (!saved.coinSymbol.equals(coin.symbol())) {
            throw new IllegalArgumentException("this hashprice forecaster was trained for " + saved.coinSymbol
                    + ", not " + coin.symbol());
        }
        return new HashpriceForecaster(coin, saved.options, saved.horizons, saved.useHashrate);
    }

    /** Each horizon's walk-forward figures and whether it forecasts with the model or the baseline. */
    public List<HorizonValidation> validation() {
        return horizons.stream().map(HorizonForecaster::validation).toList();
    }

    /**
     * Forecasts from the history known at {@code now} (snapshots after it are ignored).
     *
     * @throws IllegalArgumentException when the market figures the features need are unknown or stale at
     *                                  {@code now}, naming what is missing
     */
    public List<HashpriceForecast> forecast(List<MarketSnapshot> history, Instant now) {
        List<MarketSnapshot> known = history.stream().filter(s -> !s.fetchedAt().isAfter(now)).toList();
        MarketGrid grid = MarketGrid.of(coin, known, now, options.step(), options.maxStaleness());
        int last = grid.size() - 1;
        if (!Double.isFinite(grid.hashprice[last])) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no hashprice for %s at %s: price %s,"
                    + " difficulty %s (unknown or older than %s)", coin.symbol(), now, grid.priceUsd[last],
                    grid.difficulty[last], options.maxStaleness()));
        }
        List<HashpriceForecast> out = new ArrayList<>();
        for (HorizonForecaster h : horizons) {
            double[] x = new MarketFeatures(grid, h.horizon(), useHashrate).at(last);
            out.add(h.forecast(grid.at[last], grid.hashprice[last], x, grid.feesIncluded, options.intervalCoverage()));
        }
        return out;
    }
}
