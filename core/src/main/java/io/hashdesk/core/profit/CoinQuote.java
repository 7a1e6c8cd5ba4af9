package io.hashdesk.core.profit;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinMarket;
import io.hashdesk.core.market.Figure;
import io.hashdesk.core.market.MarketField;
import io.hashdesk.core.market.MarketStaleness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A coin's economics as far as the market data goes: usable figures, or why there are none, plus what was assumed
 * and which figures are stale, in words an operator can act on.
 *
 * @param economics present when price and difficulty are known
 * @param missing   why {@code economics} is empty; {@code null} when it is present
 * @param notes     assumptions and stale figures, one sentence each
 */
public record CoinQuote(String coin, Optional<CoinEconomics> economics, String missing, List<String> notes) {

    public CoinQuote {
        notes = List.copyOf(notes);
    }

    /**
     * Reads a coin's economics from its latest market figures. The block subsidy falls back to the coin's own
     * halving schedule and unknown fees to zero, each said in a note.
     */
    public static CoinQuote of(Coin coin, Optional<CoinMarket> market, Instant at, MarketStaleness staleness) {
        String symbol = coin.symbol();
        if (market.isEmpty()) {
            return new CoinQuote(symbol, Optional.empty(), "no market data for " + symbol
                    + " (enable a provider, enter figures by hand or import a CSV)", List.of());
        }
        CoinMarket figures = market.get();
        Optional<Figure> price = figures.priceUsd();
        Optional<Figure> difficulty = figures.networkDifficulty();
        if (price.isEmpty() || difficulty.isEmpty()) {
            String what = price.isEmpty() && difficulty.isEmpty() ? "price and network difficulty"
                    : price.isEmpty() ? "price" : "network difficulty";
            return new CoinQuote(symbol, Optional.empty(), "no " + what + " known for " + symbol, List.of());
        }
        List<String> notes = new ArrayList<>();
        double subsidy = figures.blockRewardCoins().map(Figure::value).orElseGet(() -> {
            notes.add(symbol + " block subsidy taken from its halving schedule");
            return coin.estimatedSubsidyCoinsAt(at);
        });
        double fees = figures.feesPerBlockCoins().map(Figure::value).orElseGet(() -> {
            notes.add(symbol + " transaction fees unknown, counted as 0");
            return 0.0;
        });
        for (MarketField stale : figures.staleFields(at, staleness)) {
            figures.age(stale, at).ifPresent(age -> notes.add(String.format(Locale.ROOT, "%s %s is %s old (stale)",
                    symbol, words(stale), ages(age))));
        }
        CoinEconomics economics = new CoinEconomics(symbol, coin.algorithm(), price.get().value(),
                difficulty.get().value(), subsidy, fees, coin.blockTimeSeconds());
        return new CoinQuote(symbol, Optional.of(economics), null, notes);
    }

    private static String words(MarketField field) {
        return switch (field) {
            case PRICE_USD -> "price";
            case NETWORK_DIFFICULTY -> "difficulty";
            case NETWORK_HASHRATE_HPS -> "network hashrate";
            case BLOCK_REWARD_COINS -> "block subsidy";
            case FEES_PER_BLOCK_COINS -> "fee figure";
        };
    }

    private static String ages(Duration age) {
        long minutes = age.toMinutes();
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = age.toHours();
        return hours < 48 ? hours + " h" : age.toDays() + " days";
    }
}
