package io.hashdesk.ml.forecast;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.MarketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hourly market snapshots of a coin with the structure of a real chain, for tests and the evaluation (there is no
 * market simulator): network hashrate growing with noise; blocks found at the pace hashrate ÷ difficulty sets;
 * difficulty retargeting every 2016 blocks from how long they took (clamped ×¼..×4, as Bitcoin does); the subsidy
 * from the coin's schedule at the simulated height (halvings included); fees per block with a weekly cycle; the
 * price a random walk with drift whose volatility switches between a calm and a stormy regime. Providers report
 * network hashrate as an estimate, so it carries noise. Deterministic for a seed.
 */
public final class SyntheticMarketHistory {

    private static final double HASHES_PER_DIFFICULTY = 4_294_967_296.0;
    private static final int RETARGET_BLOCKS = 2016;
    private static final double HOURS_PER_YEAR = 24 * 365.25;
    private static final double HOURS_PER_DAY = 24;
    private static final double DAYS_PER_WEEK = 7;
    private static final String SOURCE = "simulated";

    /**
     * @param hashrateGrowthPerYear  log growth of network hashrate per year (0.4 ≈ +50 %)
     * @param hashrateNoisePerDay    daily standard deviation of the hashrate's wander around its trend
     * @param feesCoinsPerBlock      mean fees per block
     * @param feeWeeklyAmplitude     fees swing this share above and below the mean over the week (peak mid-week)
     * @param priceDriftPerYear      log drift of the price per year
     * @param calmVolatilityPerDay   daily standard deviation of log price in the calm regime
     * @param stormVolatilityPerDay  the same in the stormy regime
     * @param stormOddsPerDay        chance per day of switching regime
     */
    public record Settings(double startHashrateHps, double startPriceUsd, double hashrateGrowthPerYear,
                    double hashrateNoisePerDay, double feesCoinsPerBlock, double feeWeeklyAmplitude,
                    double priceDriftPerYear, double calmVolatilityPerDay, double stormVolatilityPerDay,
                    double stormOddsPerDay) {

        /** Bitcoin-like: about 800 EH/s growing ~50 % a year, fees ~2 % of the reward, price 2.5 %/day (5 % storms). */
        public static Settings bitcoinLike() {
            return new Settings(8e20, 90_000, 0.4, 0.02, 0.06, 0.3, 0.2, 0.025, 0.05, 0.03);
        }

        /** Structure a model can learn dominating: a nearly still price, big weekly fee cycles, fast hash growth. */
        public static Settings structured() {
            return new Settings(8e20, 90_000, 0.8, 0.01, 0.8, 0.5, 0.0, 0.002, 0.004, 0.02);
        }

        /** Nothing to learn: flat hashrate, flat fees, a driftless volatile random-walk price. */
        public static Settings randomWalk() {
            return new Settings(8e20, 90_000, 0.0, 0.0, 0.06, 0.0, 0.0, 0.04, 0.04, 0.0);
        }
    }

    private SyntheticMarketHistory() {
    }

    public static List<MarketSnapshot> generate(Coin coin, Instant start, int days, Settings s, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long height = coin.estimatedHeightAt(start);
        double trend = Math.log(s.startHashrateHps());
        double wander = 0;
        double difficulty = s.startHashrateHps() * coin.blockTimeSeconds() / HASHES_PER_DIFFICULTY;
        double logPrice = Math.log(s.startPriceUsd());
        boolean storm = false;
        Instant epochStart = start;
        long nextRetarget = (height / RETARGET_BLOCKS + 1) * RETARGET_BLOCKS;
        List<MarketSnapshot> out = new ArrayList<>();
        int hours = days * 24;
        for (int h = 0; h < hours; h++) {
            Instant at = start.plus(Duration.ofHours(h));
            if (h % 24 == 0 && random.nextDouble() < s.stormOddsPerDay()) {
                storm = !storm;
            }
            trend += s.hashrateGrowthPerYear() / HOURS_PER_YEAR;
            // The wander reverts to the trend over about a month, so hashrate neither drifts off nor jumps.
            wander = wander * (1 - 1 / (30 * HOURS_PER_DAY))
                    + s.hashrateNoisePerDay() / Math.sqrt(HOURS_PER_DAY) * random.nextGaussian();
            double hashrate = Math.exp(trend + wander);
            double blocksExpected = hashrate * 3600 / (difficulty * HASHES_PER_DIFFICULTY);
            height += poisson(blocksExpected, random);
            if (height >= nextRetarget) {
                double took = Duration.between(epochStart, at.plus(Duration.ofHours(1))).toSeconds();
                double ratio = (double) RETARGET_BLOCKS * coin.blockTimeSeconds() / took;
                difficulty *= Math.clamp(ratio, 0.25, 4.0);
                epochStart = at.plus(Duration.ofHours(1));
                nextRetarget += RETARGET_BLOCKS;
            }
            double sigma = storm ? s.stormVolatilityPerDay() : s.calmVolatilityPerDay();
            logPrice += (s.priceDriftPerYear() / 365.25 - sigma * sigma / 2) / HOURS_PER_DAY
                    + sigma / Math.sqrt(HOURS_PER_DAY) * random.nextGaussian();
            double week = weekFraction(at.plus(Duration.ofHours(1)));
            double fees = s.feesCoinsPerBlock() * (1 + s.feeWeeklyAmplitude() * Math.sin(2 * Math.PI * week))
                    * Math.exp(0.05 * random.nextGaussian());
            double reported = hashrate * Math.exp(0.03 * random.nextGaussian());
            out.add(new MarketSnapshot(coin.symbol(), at.plus(Duration.ofHours(1)), SOURCE, Math.exp(logPrice),
                    difficulty, reported, coin.subsidyCoinsAt(height), fees));
        }
        return out;
    }

    /** 0 at Monday 00:00 UTC, rising through the week. */
    private static double weekFraction(Instant at) {
        var t = at.atOffset(ZoneOffset.UTC);
        return (t.getDayOfWeek().getValue() - 1 + t.getHour() / HOURS_PER_DAY) / DAYS_PER_WEEK;
    }

    private static long poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
