package io.hashdesk.core.market;

import java.time.Duration;

/**
 * How old each kind of figure may get before the UI flags it and recommendations say they rest on old numbers.
 * Prices move by the minute; difficulty changes at most once per block and, for Bitcoin, once per 2,016 blocks
 * (about two weeks); the block subsidy changes only at a halving.
 */
public record MarketStaleness(Duration priceUsd, Duration networkDifficulty, Duration networkHashrateHps,
                              Duration blockRewardCoins, Duration feesPerBlockCoins) {

    public MarketStaleness {
        requirePositive(priceUsd, "priceUsd");
        requirePositive(networkDifficulty, "networkDifficulty");
        requirePositive(networkHashrateHps, "networkHashrateHps");
        requirePositive(blockRewardCoins, "blockRewardCoins");
        requirePositive(feesPerBlockCoins, "feesPerBlockCoins");
    }

    /** The age beyond which {@code field} counts as stale. */
    public Duration limit(MarketField field) {
        return switch (field) {
            case PRICE_USD -> priceUsd;
            case NETWORK_DIFFICULTY -> networkDifficulty;
            case NETWORK_HASHRATE_HPS -> networkHashrateHps;
            case BLOCK_REWARD_COINS -> blockRewardCoins;
            case FEES_PER_BLOCK_COINS -> feesPerBlockCoins;
        };
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("staleAfter." + name + " must be a positive duration, got " + d);
        }
    }
}
