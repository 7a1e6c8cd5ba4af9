package io.hashdesk.core.profit;

import io.hashdesk.core.domain.catalog.Algorithm;
import java.util.Objects;

/**
 * A coin's mining economics at one moment: what a block pays and how hard it is to find.
 *
 * <p>Expected blocks per day for a hashrate {@code h} (H/s) are {@code h × 86400 / (difficulty × 2^32)}. The 2^32 is
 * the number of hashes a block takes on average at difficulty 1, where difficulty 1 is the target {@code 0x1d00ffff}.
 * Litecoin and Dogecoin (Scrypt) report network difficulty against that same target (Litecoin Wiki, "Difficulty":
 * "Difficulty 1 … corresponds to 0x1d00ffff"), so the factor is 2^32 for Scrypt as well. The 2^16 that Scrypt pools
 * apply is to their <em>share</em> difficulty (stratum "pool difficulty 1" is 2^16 times easier for Scrypt), which is
 * not this number.
 *
 * @param coin              ticker, e.g. {@code "BTC"}
 * @param algorithm         the proof of work, which decides the hashes per unit of difficulty
 * @param priceUsd          price of one coin
 * @param networkDifficulty the network's current difficulty, as its node's {@code getdifficulty} reports it
 * @param blockSubsidyCoins newly minted coins per block
 * @param feesPerBlockCoins average transaction fees per block (e.g. over the last 144 blocks, as Luxor does)
 * @param blockTimeSeconds  the coin's target block interval; used for the network hashrate
 */
public record CoinEconomics(String coin, Algorithm algorithm, double priceUsd, double networkDifficulty,
                            double blockSubsidyCoins, double feesPerBlockCoins, double blockTimeSeconds) {

    static final double SECONDS_PER_DAY = 86_400;
    static final double HASHES_PER_TH = 1e12;
    /** Hashes per block at difficulty 1 for both SHA-256 and Scrypt coins (see the class comment). */
    private static final double HASHES_PER_DIFFICULTY = 4_294_967_296.0;

    public CoinEconomics {
        if (coin == null || coin.isBlank()) {
            throw new IllegalArgumentException("A coin needs a ticker, got '" + coin + "'");
        }
        Objects.requireNonNull(algorithm, "algorithm of " + coin);
        requirePositive(priceUsd, coin + " priceUsd", false);
        requirePositive(networkDifficulty, coin + " networkDifficulty", false);
        requirePositive(blockSubsidyCoins, coin + " blockSubsidyCoins", true);
        requirePositive(feesPerBlockCoins, coin + " feesPerBlockCoins", true);
        requirePositive(blockTimeSeconds, coin + " blockTimeSeconds", false);
    }

    /** Hashes a block takes on average at this difficulty. */
    public double hashesPerBlock() {
        return networkDifficulty * hashesPerDifficulty(algorithm);
    }

    /** Blocks a hashrate finds per day on average. */
    public double expectedBlocksPerDay(double hashrateThs) {
        return hashrateThs * HASHES_PER_TH * SECONDS_PER_DAY / hashesPerBlock();
    }

    /** The hashrate that finds blocks at the target interval: difficulty × 2^32 / block time. */
    public double networkHashrateThs() {
        return hashesPerBlock() / blockTimeSeconds / HASHES_PER_TH;
    }

    /** Subsidy plus fees, the whole reward of a block. */
    public double blockRewardCoins() {
        return blockSubsidyCoins + feesPerBlockCoins;
    }

    /**
     * Luxor's hashprice: the expected USD value of 1 TH/s for a day, subsidy and fees included, before any pool fee.
     */
    public Hashprice hashprice() {
        return new Hashprice(expectedBlocksPerDay(1) * blockRewardCoins() * priceUsd);
    }

    static double hashesPerDifficulty(Algorithm algorithm) {
        return switch (algorithm) {
            case SHA256, SCRYPT -> HASHES_PER_DIFFICULTY;
        };
    }

    private static void requirePositive(double value, String what, boolean zeroAllowed) {
        if (!Double.isFinite(value) || value < 0 || (!zeroAllowed && value == 0)) {
            throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "zero or more" : "more than zero")
                    + ", got " + value);
        }
    }
}
