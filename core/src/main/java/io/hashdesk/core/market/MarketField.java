package io.hashdesk.core.market;

import java.util.Optional;
import java.util.function.Function;

/** One kind of market figure a snapshot may carry, with the rule every value of it must meet. */
public enum MarketField {
    PRICE_USD("priceUsd", "price_usd", MarketSnapshot::priceUsd, false),
    NETWORK_DIFFICULTY("networkDifficulty", "difficulty", MarketSnapshot::networkDifficulty, false),
    NETWORK_HASHRATE_HPS("networkHashrateHps", "network_hashrate_hps", MarketSnapshot::networkHashrateHps, false),
    BLOCK_REWARD_COINS("blockRewardCoins", "block_reward", MarketSnapshot::blockRewardCoins, false),
    /** Fees can really be zero (an empty block); every other figure cannot. */
    FEES_PER_BLOCK_COINS("feesPerBlockCoins", "fees_per_block", MarketSnapshot::feesPerBlockCoins, true);

    private final String key;
    private final String csvColumn;
    private final Function<MarketSnapshot, Double> reader;
    private final boolean zeroAllowed;

    MarketField(String key, String csvColumn, Function<MarketSnapshot, Double> reader, boolean zeroAllowed) {
        this.key = key;
        this.csvColumn = csvColumn;
        this.reader = reader;
        this.zeroAllowed = zeroAllowed;
    }

    /** The name used in settings and messages, e.g. {@code priceUsd}. */
    public String key() {
        return key;
    }

    /** The column holding this figure in a market CSV file, e.g. {@code price_usd}. */
    public String csvColumn() {
        return csvColumn;
    }

    /** This figure of a snapshot, {@code null} when the snapshot does not have it. */
    public Double of(MarketSnapshot snapshot) {
        return reader.apply(snapshot);
    }

    /** What is wrong with {@code value} for this figure, as the end of a sentence; empty when it is acceptable. */
    public Optional<String> problemWith(double value) {
        if (!Double.isFinite(value)) {
            return Optional.of("is not a number");
        }
        if (zeroAllowed && value < 0) {
            return Optional.of("must not be negative, got " + plain(value));
        }
        if (!zeroAllowed && value <= 0) {
            return Optional.of("must be above 0, got " + plain(value));
        }
        return Optional.empty();
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
