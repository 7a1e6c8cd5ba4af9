package io.hashdesk.core.market;

import io.hashdesk.core.domain.catalog.Algorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A coin Hashdesk can value mining in: its proof-of-work, block pace and subsidy schedule, and the coins merge-mined
 * alongside it.
 *
 * @param symbol                ticker, upper case, e.g. {@code BTC}
 * @param name                  e.g. {@code Bitcoin}
 * @param algorithm             the proof-of-work, which decides the miner models that can mine it
 * @param blockTimeSeconds      target time between blocks
 * @param subsidy               new coins per block by height
 * @param chain                 a dated block and the halvings as of the catalog's date, checked against {@code subsidy}
 * @param mergeMinedAuxiliaries coins mined with the same work when this coin is the parent chain (Litecoin: DOGE)
 * @param coinGeckoId           the coin's id in CoinGecko's API, e.g. {@code bitcoin-cash}
 * @param source                where the figures come from
 */
public record Coin(String symbol, String name, Algorithm algorithm, int blockTimeSeconds, SubsidySchedule subsidy,
                   ChainReference chain, List<String> mergeMinedAuxiliaries, String coinGeckoId, String source) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern COINGECKO_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Coin {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must be 2–10 upper-case letters or digits, got '" + symbol
                    + "'");
        }
        String where = "coin " + symbol + ": ";
        name = requireText(where, "name", name);
        Objects.requireNonNull(algorithm, where + "algorithm is missing");
        if (blockTimeSeconds < 1) {
            throw new IllegalArgumentException(where + "blockTimeSeconds must be at least 1, got " + blockTimeSeconds);
        }
        Objects.requireNonNull(subsidy, where + "subsidy is missing");
        Objects.requireNonNull(chain, where + "chain is missing");
        Objects.requireNonNull(mergeMinedAuxiliaries, where + "mergeMinedAuxiliaries is missing (use [])");
        mergeMinedAuxiliaries = List.copyOf(mergeMinedAuxiliaries);
        if (coinGeckoId == null || !COINGECKO_ID.matcher(coinGeckoId).matches()) {
            throw new IllegalArgumentException(where + "coinGeckoId must be lower-case letters, digits and '-', got '"
                    + coinGeckoId + "'");
        }
        source = requireText(where, "source", source);
        checkChainAgainstSchedule(where, subsidy, chain);
    }

    /** The subsidy of the block at {@code height}, in coins. */
    public double subsidyCoinsAt(long height) {
        try {
            return subsidy.subsidyCoinsAt(height);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(symbol + ": " + e.getMessage(), e);
        }
    }

    /** The chain height expected at {@code when}, from the reference block and the target block time. */
    public long estimatedHeightAt(Instant when) {
        long seconds = Duration.between(chain.referenceTime(), when).toSeconds();
        return Math.max(0, chain.referenceHeight() + Math.floorDiv(seconds, blockTimeSeconds));
    }

    /** The subsidy at the height expected at {@code when}; near a halving the estimate may be a few hours off. */
    public double estimatedSubsidyCoinsAt(Instant when) {
        return subsidyCoinsAt(estimatedHeightAt(when));
    }

    /** The height of the last halving (subsidy change) at or before {@code height}. */
    public OptionalLong lastHalvingAtOrBefore(long height) {
        return subsidy.lastChangeAtOrBefore(height);
    }

    /** The height of the next halving after {@code height}; empty when the subsidy never changes again. */
    public OptionalLong nextHalvingAfter(long height) {
        return subsidy.nextChangeAfter(height);
    }

    /** Expected blocks per day at the target block time. */
    public double blocksPerDay() {
        return (double) Duration.ofDays(1).toSeconds() / blockTimeSeconds;
    }

    private static void checkChainAgainstSchedule(String where, SubsidySchedule subsidy, ChainReference chain) {
        double atLastHalving = subsidy.subsidyCoinsAt(chain.lastHalvingHeight());
        if (atLastHalving != chain.currentSubsidyCoins()) {
            throw new IllegalArgumentException(where + "chain.currentSubsidyCoins is " + chain.currentSubsidyCoins()
                    + " but the subsidy schedule gives " + atLastHalving + " at chain.lastHalvingHeight "
                    + chain.lastHalvingHeight());
        }
        OptionalLong change = subsidy.lastChangeAtOrBefore(chain.lastHalvingHeight());
        if (change.isEmpty() || change.getAsLong() != chain.lastHalvingHeight()) {
            throw new IllegalArgumentException(where + "chain.lastHalvingHeight " + chain.lastHalvingHeight()
                    + " is not a height where the subsidy schedule changes");
        }
        OptionalLong next = subsidy.nextChangeAfter(chain.lastHalvingHeight());
        Long expectedNext = next.isPresent() ? next.getAsLong() : null;
        if (!Objects.equals(expectedNext, chain.nextHalvingHeight())) {
            throw new IllegalArgumentException(where + "chain.nextHalvingHeight is " + chain.nextHalvingHeight()
                    + " but the subsidy schedule gives " + expectedNext);
        }
    }

    private static String requireText(String where, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + field + " must not be blank");
        }
        return value.strip();
    }
}
