package io.hashdesk.core.market;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one source said about one coin at one time. Any figure may be absent ({@code null}): a price-only source
 * fills just the price. The reward of a block is {@code blockRewardCoins} (new coins, the subsidy) plus
 * {@code feesPerBlockCoins} (transaction fees).
 *
 * @param coin               ticker, upper case, e.g. {@code BTC}
 * @param fetchedAt          when the figures were fetched or, for manual and CSV entries, the time they describe
 * @param source             a provider ({@code coingecko}, {@code whattomine}), {@code manual}, or
 *                           {@code csv:<file name>}
 * @param priceUsd           price of one coin in US dollars
 * @param networkDifficulty  the chain's current proof-of-work difficulty
 * @param networkHashrateHps the whole network's hashrate in hashes per second
 * @param blockRewardCoins   the block subsidy in coins
 * @param feesPerBlockCoins  average transaction fees per block in coins
 */
public record MarketSnapshot(String coin, Instant fetchedAt, String source, Double priceUsd, Double networkDifficulty,
                             Double networkHashrateHps, Double blockRewardCoins, Double feesPerBlockCoins) {

    /** The source of figures an operator typed in. */
    public static final String MANUAL = "manual";
    /** Prefix of the source of figures imported from a CSV file; the file name follows. */
    public static final String CSV_PREFIX = "csv:";

    private static final Pattern COIN = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final int MAX_SOURCE_LENGTH = 200;

    public MarketSnapshot {
        if (coin == null || !COIN.matcher(coin).matches()) {
            throw new IllegalArgumentException("coin must be an upper-case ticker such as BTC, got '" + coin + "'");
        }
        Objects.requireNonNull(fetchedAt, "fetchedAt is missing");
        requireSource(source);
        List<String> problems = new ArrayList<>();
        int present = check(problems, MarketField.PRICE_USD, priceUsd)
                + check(problems, MarketField.NETWORK_DIFFICULTY, networkDifficulty)
                + check(problems, MarketField.NETWORK_HASHRATE_HPS, networkHashrateHps)
                + check(problems, MarketField.BLOCK_REWARD_COINS, blockRewardCoins)
                + check(problems, MarketField.FEES_PER_BLOCK_COINS, feesPerBlockCoins);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(coin + " from " + source + ": " + String.join("; ", problems));
        }
        if (present == 0) {
            throw new IllegalArgumentException(coin + " from " + source + ": a snapshot needs at least one figure");
        }
    }

    private static void requireSource(String source) {
        if (source == null || source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("source must be a provider name, 'manual' or 'csv:<file name>' of at"
                    + " most " + MAX_SOURCE_LENGTH + " characters, got '" + source + "'");
        }
        boolean csv = source.startsWith(CSV_PREFIX) && !source.substring(CSV_PREFIX.length()).isBlank();
        if (!csv && !PROVIDER.matcher(source).matches()) {
            throw new IllegalArgumentException("source must be a provider name (lower case), 'manual' or"
                    + " 'csv:<file name>', got '" + source + "'");
        }
    }

    /** Adds what is wrong with a present value to {@code problems}; 1 when the value is present, else 0. */
    private static int check(List<String> problems, MarketField field, Double value) {
        if (value == null) {
            return 0;
        }
        field.problemWith(value).ifPresent(p -> problems.add(field.key() + " " + p));
        return 1;
    }
}
