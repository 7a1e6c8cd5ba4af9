package io.hashdesk.ml.forecast;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The lagged market features a hashprice forecast for one horizon is built from, each computed from the grid at
 * or before the forecast time (and the coin's published subsidy schedule for the time forecast). A grid time whose
 * feature needs a figure the grid lacks (a stale price a week ago, say) has no feature row: it is left out, never
 * filled in.
 */
final class MarketFeatures {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration RETARGET_LOOKBACK = Duration.ofDays(14);
    private static final Duration HASHRATE_SMOOTHING = Duration.ofDays(3);
    /** Past a month without a difficulty change, more time since tells nothing new. */
    private static final Duration MAX_SINCE_CHANGE = Duration.ofDays(30);
    /** The furthest back any feature reads: features at a time need the history this far before it. */
    static final Duration LONGEST_LOOKBACK = MAX_SINCE_CHANGE;
    private static final double HASHES_PER_DIFFICULTY = 4_294_967_296.0;

    private final MarketGrid grid;
    private final Duration horizon;
    private final boolean useHashrate;
    private final List<String> names;

    MarketFeatures(MarketGrid grid, Duration horizon, boolean useHashrate) {
        this.grid = grid;
        this.horizon = horizon;
        this.useHashrate = useHashrate;
        List<String> n = new ArrayList<>(List.of("hashprice_change_1d", "hashprice_change_7d", "price_change_1d",
                "price_change_7d", "price_volatility_7d", "difficulty_change_14d", "days_since_difficulty_change",
                "fee_share", "fees_vs_7d", "weekday_sin", "weekday_cos", "scheduled_subsidy_change"));
        if (useHashrate) {
            n.add("hashrate_over_difficulty");
        }
        this.names = List.copyOf(n);
    }

    /** Whether network hashrate is known at enough grid times to be worth a feature. */
    static boolean hashrateUsable(MarketGrid grid, double minShare) {
        int known = 0;
        for (double h : grid.hashrateHps) {
            known += Double.isFinite(h) ? 1 : 0;
        }
        return known >= minShare * grid.size();
    }

    List<String> names() {
        return names;
    }

    /** The features at grid time {@code i}, or {@code null} when a figure they need is missing. */
    double[] at(int i) {
        int day = grid.steps(DAY);
        int week = grid.steps(WEEK);
        int lookback = Math.max(week, grid.steps(RETARGET_LOOKBACK));
        if (i < lookback || !known(i)) {
            return null;
        }
        double[] hp = grid.hashprice;
        double[] price = grid.priceUsd;
        double volatility = volatility(i, week);
        double since = sinceDifficultyChange(i);
        double feesMean = mean(grid.feesCoins, i - week, i);
        double[] x = new double[names.size()];
        x[0] = Math.log(hp[i] / hp[i - day]);
        x[1] = Math.log(hp[i] / hp[i - week]);
        x[2] = Math.log(price[i] / price[i - day]);
        x[3] = Math.log(price[i] / price[i - week]);
        x[4] = volatility;
        x[5] = Math.log(grid.difficulty[i] / grid.difficulty[i - grid.steps(RETARGET_LOOKBACK)]);
        x[6] = since;
        double fees = grid.feesIncluded ? grid.feesCoins[i] : 0;
        x[7] = fees / (fees + grid.subsidyCoins[i]);
        x[8] = grid.feesIncluded && feesMean > 0 && fees > 0 ? Math.log(fees / feesMean) : 0;
        double weekday = grid.at[i].atOffset(ZoneOffset.UTC).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()
                + grid.at[i].atOffset(ZoneOffset.UTC).getHour() / 24.0;
        x[9] = Math.sin(2 * Math.PI * weekday / 7);
        x[10] = Math.cos(2 * Math.PI * weekday / 7);
        x[11] = Math.log((grid.scheduledSubsidyAhead(i, horizon) + fees) / (grid.subsidyCoins[i] + fees));
        if (useHashrate) {
            double hashrate = mean(grid.hashrateHps, i - grid.steps(HASHRATE_SMOOTHING), i);
            if (!(hashrate > 0)) {
                return null;
            }
            double implied = grid.difficulty[i] * HASHES_PER_DIFFICULTY / grid.coin.blockTimeSeconds();
            x[12] = Math.log(hashrate / implied);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return x;
    }

    /** Whether every figure the features read back to a week (two weeks for difficulty) ago is known. */
    private boolean known(int i) {
        int lookback = Math.max(grid.steps(WEEK), grid.steps(RETARGET_LOOKBACK));
        for (int j = i - lookback; j <= i; j++) {
            if (!Double.isFinite(grid.hashprice[j])) {
                return false;
            }
        }
        return true;
    }

    private double volatility(int i, int window) {
        double sum = 0;
        double squares = 0;
        for (int j = i - window + 1; j <= i; j++) {
            double r = Math.log(grid.priceUsd[j] / grid.priceUsd[j - 1]);
            sum += r;
            squares += r * r;
        }
        double mean = sum / window;
        return Math.sqrt(Math.max(squares / window - mean * mean, 0));
    }

    private double sinceDifficultyChange(int i) {
        int cap = grid.steps(MAX_SINCE_CHANGE);
        int j = i;
        while (j > 0 && i - j < cap && grid.difficulty[j - 1] == grid.difficulty[i]) {
            j--;
        }
        return Duration.between(grid.at[j], grid.at[i]).toHours() / 24.0;
    }

    /** Mean of the known values in {@code (from, to]}; NaN when none is known. */
    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int j = Math.max(from + 1, 0); j <= to; j++) {
            if (Double.isFinite(values[j])) {
                sum += values[j];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
