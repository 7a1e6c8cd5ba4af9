package io.hashdesk.core.reco;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.MarketField;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.profit.CoinEconomics;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The newest value of each market field, folded in snapshot by snapshot (providers send fields separately), and a
 * coin's economics from them once price and difficulty are known; the block subsidy falls back to the coin's halving
 * schedule and unknown fees to zero.
 */
final class NewestMarketFigures {

    private final Map<MarketField, Double> newest = new EnumMap<>(MarketField.class);

    void take(MarketSnapshot snapshot) {
        for (MarketField field : MarketField.values()) {
            Double value = field.of(snapshot);
            if (value != null) {
                newest.put(field, value);
            }
        }
    }

    /** The coin's economics at {@code at} from the figures taken so far; empty without price or difficulty. */
    Optional<CoinEconomics> economicsOf(Coin coin, Instant at) {
        Double price = newest.get(MarketField.PRICE_USD);
        Double difficulty = newest.get(MarketField.NETWORK_DIFFICULTY);
        if (price == null || difficulty == null) {
            return Optional.empty();
        }
        double subsidy = newest.containsKey(MarketField.BLOCK_REWARD_COINS)
                ? newest.get(MarketField.BLOCK_REWARD_COINS) : coin.estimatedSubsidyCoinsAt(at);
        return Optional.of(new CoinEconomics(coin.symbol(), coin.algorithm(), price, difficulty, subsidy,
                newest.getOrDefault(MarketField.FEES_PER_BLOCK_COINS, 0.0), coin.blockTimeSeconds()));
    }
}
