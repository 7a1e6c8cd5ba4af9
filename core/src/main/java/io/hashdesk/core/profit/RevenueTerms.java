package io.hashdesk.core.profit;

import java.util.Objects;
import java.util.Optional;

/**
 * What hashrate earns: the coin mined, the pool's terms and, with merged mining (AuxPoW, e.g. Dogecoin on Litecoin
 * hashrate), a second coin earned by the same hashes at no extra power. The pool's terms apply to both coins, as
 * merged-mining pools pay both under one scheme and fee.
 */
public record RevenueTerms(CoinEconomics coin, PoolTerms pool, Optional<CoinEconomics> mergeMined) {

    public RevenueTerms {
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(mergeMined, "mergeMined (use Optional.empty())");
        mergeMined.ifPresent(aux -> {
            if (aux.algorithm() != coin.algorithm()) {
                throw new IllegalArgumentException(aux.coin() + " (" + aux.algorithm().displayName()
                        + ") cannot be merge-mined with " + coin.coin() + " (" + coin.algorithm().displayName() + ")");
            }
            if (aux.coin().equals(coin.coin())) {
                throw new IllegalArgumentException(coin.coin() + " cannot be merge-mined with itself");
            }
        });
    }

    public static RevenueTerms of(CoinEconomics coin, PoolTerms pool) {
        return new RevenueTerms(coin, pool, Optional.empty());
    }

    /** Coins of {@code economics} (the main or the merge-mined coin) a hashrate earns per day, after the pool fee. */
    public double coinsPerDay(CoinEconomics economics, double hashrateThs) {
        double rewardCoins = economics.blockSubsidyCoins()
                + (pool.scheme().paysTransactionFees() ? economics.feesPerBlockCoins() : 0);
        return economics.expectedBlocksPerDay(hashrateThs) * rewardCoins * pool.keptFraction();
    }

    /** USD a hashrate earns per day from both coins, after the pool fee. */
    public double usdPerDay(double hashrateThs) {
        double usd = coinsPerDay(coin, hashrateThs) * coin.priceUsd();
        if (mergeMined.isPresent()) {
            usd += coinsPerDay(mergeMined.get(), hashrateThs) * mergeMined.get().priceUsd();
        }
        return usd;
    }

    /** What the miner keeps of 1 TH/s per day: the hashprice net of pool fee and scheme, both coins. */
    public Hashprice netHashprice() {
        return new Hashprice(usdPerDay(1));
    }

    /** The gross hashprice of both coins (Luxor's definition, summed when merge-mining). */
    public Hashprice grossHashprice() {
        double gross = coin.hashprice().usdPerThPerDay()
                + mergeMined.map(aux -> aux.hashprice().usdPerThPerDay()).orElse(0.0);
        return new Hashprice(gross);
    }

    /** Net over gross: the share of the gross hashprice that reaches the miner under these terms. */
    public double payoutFraction() {
        return netHashprice().usdPerThPerDay() / grossHashprice().usdPerThPerDay();
    }
}
