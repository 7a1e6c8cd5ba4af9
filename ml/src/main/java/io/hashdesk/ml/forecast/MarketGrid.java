package io.hashdesk.ml.forecast;

import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.profit.CoinEconomics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A coin's market history on a regular time grid, each figure as known at each grid time: the latest snapshot
 * value at or before it, and only while younger than {@code maxStaleness}. Missing data, figure by figure:
 * <ul>
 *   <li>price or difficulty unknown (never reported yet, or stale): the grid time has no hashprice ({@code NaN})
 *       and can neither train nor be forecast from;</li>
 *   <li>block subsidy not reported: taken from the coin's subsidy schedule at the height expected then;</li>
 *   <li>fees: when the history never reports them, hashprice is subsidy-only and {@link #feesIncluded} says so;
 *       when it does but not lately, the grid time has no hashprice, as for price;</li>
 *   <li>network hashrate unknown: {@code NaN}; the feature built from it is used only when most times have it.</li>
 * </ul>
 * Everything at grid time {@code t} comes from snapshots fetched at or before {@code t}: nothing looks ahead.
 */
final class MarketGrid {

    final Coin coin;
    final Instant[] at;
    final double[] priceUsd;
    final double[] difficulty;
    final double[] hashrateHps;
    final double[] subsidyCoins;
    final double[] feesCoins;
    /** USD per PH/s per day, {@code NaN} where a figure it needs is unknown. */
    final double[] hashprice;
    final boolean feesIncluded;
    final Duration step;

    private MarketGrid(Coin coin, Instant[] at, double[] priceUsd, double[] difficulty, double[] hashrateHps,
                       double[] subsidyCoins, double[] feesCoins, boolean feesIncluded, Duration step) {
        this.coin = coin;
        this.at = at;
        this.priceUsd = priceUsd;
        this.difficulty = difficulty;
        this.hashrateHps = hashrateHps;
        this.subsidyCoins = subsidyCoins;
        this.feesCoins = feesCoins;
        this.feesIncluded = feesIncluded;
        this.step = step;
        this.hashprice = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double fees = feesIncluded ? feesCoins[i] : 0;
            hashprice[i] = priceUsd[i] > 0 && difficulty[i] > 0 && Double.isFinite(fees)
                    ? new CoinEconomics(coin.symbol(), coin.algorithm(), priceUsd[i], difficulty[i], subsidyCoins[i],
                    fees, coin.blockTimeSeconds()).hashprice().usdPerPhPerDay()
                    : Double.NaN;
        }
    }

    /**
     * @param snapshots the coin's history, oldest first (as {@code MarketStore.history} returns it)
     * @param until     the last grid time; grid times run back from it every {@code step}
     */
    static MarketGrid of(Coin coin, List<MarketSnapshot> snapshots, Instant until, Duration step,
                         Duration maxStaleness) {
        if (coin.algorithm() != Algorithm.SHA256 && coin.algorithm() != Algorithm.SCRYPT) {
            throw new IllegalArgumentException("no hashprice for algorithm " + coin.algorithm());
        }
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("no market history for " + coin.symbol());
        }
        for (int i = 1; i < snapshots.size(); i++) {
            if (snapshots.get(i).fetchedAt().isBefore(snapshots.get(i - 1).fetchedAt())) {
                throw new IllegalArgumentException("market snapshot " + i + " (" + snapshots.get(i).fetchedAt()
                        + ") is older than the one before it; the history must be oldest first");
            }
        }
        Instant first = snapshots.getFirst().fetchedAt();
        long count = Duration.between(first, until).dividedBy(step) + 1;
        if (count < 1) {
            throw new IllegalArgumentException("the history of " + coin.symbol() + " starts after " + until);
        }
        int n = (int) count;
        Instant[] at = new Instant[n];
        double[][] fields = new double[5][n];
        Carry[] carries = {new Carry(), new Carry(), new Carry(), new Carry(), new Carry()};
        boolean anyFees = snapshots.stream().anyMatch(s -> s.feesPerBlockCoins() != null);
        int next = 0;
        for (int i = 0; i < n; i++) {
            at[i] = until.minus(step.multipliedBy(n - 1 - i));
            while (next < snapshots.size() && !snapshots.get(next).fetchedAt().isAfter(at[i])) {
                MarketSnapshot s = snapshots.get(next++);
                carries[0].see(s.priceUsd(), s.fetchedAt());
                carries[1].see(s.networkDifficulty(), s.fetchedAt());
                carries[2].see(s.networkHashrateHps(), s.fetchedAt());
                carries[3].see(s.blockRewardCoins(), s.fetchedAt());
                carries[4].see(s.feesPerBlockCoins(), s.fetchedAt());
            }
            for (int f = 0; f < fields.length; f++) {
                fields[f][i] = carries[f].at(at[i], maxStaleness);
            }
            if (Double.isNaN(fields[3][i])) {
                fields[3][i] = coin.estimatedSubsidyCoinsAt(at[i]);
            }
        }
        return new MarketGrid(coin, at, fields[0], fields[1], fields[2], fields[3], fields[4], anyFees, step);
    }

    /** The latest value of one figure and when it was fetched. */
    private static final class Carry {
        double value = Double.NaN;
        Instant seen;

        void see(Double v, Instant when) {
            if (v != null) {
                value = v;
                seen = when;
            }
        }

        double at(Instant t, Duration maxStaleness) {
            return seen != null && Duration.between(seen, t).compareTo(maxStaleness) <= 0 ? value : Double.NaN;
        }
    }

    int size() {
        return at.length;
    }

    /** Grid steps in {@code d}, at least one. */
    int steps(Duration d) {
        return (int) Math.max(1, d.dividedBy(step));
    }

    /** The subsidy the schedule gives {@code ahead} of grid time {@code i}, from the height expected then. */
    double scheduledSubsidyAhead(int i, Duration ahead) {
        return coin.estimatedSubsidyCoinsAt(at[i].plus(ahead));
    }
}
