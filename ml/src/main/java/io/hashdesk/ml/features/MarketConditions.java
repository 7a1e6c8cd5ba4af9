package io.hashdesk.ml.features;

import io.hashdesk.core.energy.ElectricityPrices;
import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.market.MarketStore;
import io.hashdesk.core.profit.CoinEconomics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The market and energy features shared by every miner of one coin, as of an instant; NaN where the store holds too
 * little (see each {@link Feature}'s missing policy).
 */
public record MarketConditions(double hashpriceUsdPerThDay, double difficultyChange, double priceVolatility,
                               double electricityPriceNow, double electricityPriceAhead) {

    /** Nothing known: every market and energy feature is NaN. */
    public static final MarketConditions UNKNOWN = new MarketConditions(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);
    private static final int MIN_VOLATILITY_PRICES = 3;
    private static final double SECONDS_PER_DAY = 86_400;

    /**
     * From the coin's market history in {@code [asOf − settings.marketWindow, asOf]} and the tariff's prices.
     *
     * @param prices the active tariff's prices, or {@code null} when there is none
     */
    public static MarketConditions of(MarketStore market, Coin coin, ElectricityPrices prices, Instant asOf,
                                      FeatureSettings settings) {
        List<MarketSnapshot> history = market.history(coin.symbol(), asOf.minus(settings.marketWindow()),
                asOf.plusMillis(1));
        double now = Double.NaN;
        double ahead = Double.NaN;
        if (prices != null) {
            now = prices.priceAt(asOf).pricePerKwh();
            ahead = prices.period(asOf, asOf.plus(settings.electricityAhead())).averagePricePerKwh();
        }
        return new MarketConditions(hashprice(history, coin), difficultyChange(history), volatility(history), now,
                ahead);
    }

    private static double hashprice(List<MarketSnapshot> history, Coin coin) {
        Double price = null;
        Double difficulty = null;
        Double reward = null;
        Double fees = null;
        for (MarketSnapshot s : history) {
            price = s.priceUsd() != null ? s.priceUsd() : price;
            difficulty = s.networkDifficulty() != null ? s.networkDifficulty() : difficulty;
            reward = s.blockRewardCoins() != null ? s.blockRewardCoins() : reward;
            fees = s.feesPerBlockCoins() != null ? s.feesPerBlockCoins() : fees;
        }
        if (price == null || difficulty == null || reward == null || price <= 0 || difficulty <= 0) {
            return Double.NaN;
        }
        // fees unknown count as none: the subsidy alone is a lower bound, which the feature documents as hashprice
        return new CoinEconomics(coin.symbol(), coin.algorithm(), price, difficulty, reward, fees == null ? 0 : fees,
                coin.blockTimeSeconds()).hashprice().usdPerThPerDay();
    }

    private static double difficultyChange(List<MarketSnapshot> history) {
        List<Double> d = history.stream().map(MarketSnapshot::networkDifficulty).filter(v -> v != null && v > 0)
                .toList();
        return d.size() >= 2 ? d.getLast() / d.getFirst() - 1 : Double.NaN;
    }

    /** Standard deviation of log returns between consecutive prices, scaled to one day by the mean interval. */
    private static double volatility(List<MarketSnapshot> history) {
        List<MarketSnapshot> priced = history.stream().filter(s -> s.priceUsd() != null && s.priceUsd() > 0).toList();
        if (priced.size() < MIN_VOLATILITY_PRICES) {
            return Double.NaN;
        }
        List<Double> returns = new ArrayList<>();
        for (int i = 1; i < priced.size(); i++) {
            returns.add(Math.log(priced.get(i).priceUsd() / priced.get(i - 1).priceUsd()));
        }
        double span = Duration.between(priced.getFirst().fetchedAt(), priced.getLast().fetchedAt()).toSeconds();
        if (span <= 0) {
            return Double.NaN;
        }
        MinerSignals.Moments moments = new MinerSignals.Moments();
        returns.forEach(moments::add);
        double intervalsPerDay = SECONDS_PER_DAY / (span / returns.size());
        return Math.sqrt(moments.variance() * intervalsPerDay);
    }
}
