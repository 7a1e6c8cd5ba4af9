package io.hashdesk.core.market;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pool says the farm has earned: per coin, and per worker.
 *
 * @param pool      the pool's display name
 * @param fetchedAt when the pool said so
 * @param coins     balances and payouts per coin
 * @param workers   the connected workers
 */
public record PoolEarnings(String pool, Instant fetchedAt, List<CoinEarnings> coins, List<WorkerEarnings> workers) {

    public PoolEarnings {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        coins = List.copyOf(coins);
        workers = List.copyOf(workers);
    }

    /** The earnings in the coin with this ticker, in any case. */
    public Optional<CoinEarnings> coin(String symbol) {
        return coins.stream().filter(c -> c.symbol().equalsIgnoreCase(symbol)).findFirst();
    }

    /**
     * Earnings in one coin.
     *
     * @param coinName     the pool's name for the coin, e.g. {@code Bitcoin Cash}
     * @param symbol       its ticker, upper case
     * @param balanceCoins credited and not yet paid out
     * @param unpaidCoins  owed in total, including what is not yet credited; {@code null} when not reported
     * @param paid24hCoins paid out in the last 24 hours; {@code null} when not reported
     */
    public record CoinEarnings(String coinName, String symbol, double balanceCoins, Double unpaidCoins,
                               Double paid24hCoins) {
        public CoinEarnings {
            Objects.requireNonNull(coinName, "coinName");
            symbol = Objects.requireNonNull(symbol, "symbol").toUpperCase(Locale.ROOT);
        }
    }

    /**
     * One connected worker.
     *
     * @param worker                the pool's id of the worker
     * @param coinName              the coin it is mining now, as the pool names it; {@code null} when not reported
     * @param algorithm             as the pool names it, e.g. {@code SHA-256}; {@code null} when not reported
     * @param acceptedHashrateHps   its hashrate as measured from accepted shares, in H/s
     * @param estimatedPaid24hCoins its share, by accepted hashrate, of the coin's 24-hour payout. An estimate: the
     *                              pool reports hashrate per worker, not earnings. {@code null} when the coin's payout
     *                              is unknown
     */
    public record WorkerEarnings(String worker, String coinName, String algorithm, double acceptedHashrateHps,
                                 Double estimatedPaid24hCoins) {
        public WorkerEarnings {
            Objects.requireNonNull(worker, "worker");
        }
    }
}
