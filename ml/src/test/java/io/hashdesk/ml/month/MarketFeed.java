package io.hashdesk.ml.month;

import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.market.MarketStore;
import io.hashdesk.ml.forecast.SyntheticMarketHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Market figures reaching the store as time passes, as the market refresh would store them: hourly synthetic
 * Bitcoin figures (price, difficulty retargets, fees, halvings) from well before the warm-up so the hashprice
 * forecaster has history, priced so that the measured month opens at the demo's price, and the demo's fixed figures
 * for the other coins once an hour. Nothing from the future is
 * ever in the store, so a forecast made at an instant sees only what was known then.
 */
final class MarketFeed {

    /** The forecaster wants months of history; the standard trainers' test uses 110 days. */
    static final int HISTORY_DAYS = 110;
    private static final String SYNTHETIC_COIN = "BTC";
    /**
     * Bitcoin-like dynamics (trend growth, fee cycle, calm and stormy price regimes) starting where the demo's own
     * figures are: $90,000 and a network of about 1,040 EH/s (the demo's difficulty of 1.45e14 at 600 s blocks).
     */
    private static final SyntheticMarketHistory.Settings DEMO_LEVEL = new SyntheticMarketHistory.Settings(1.04e21,
            90_000, 0.4, 0.02, 0.06, 0.3, 0.2, 0.025, 0.05, 0.03);

    private final List<MarketSnapshot> pending;
    private final MarketStore store;
    private int next;

    private MarketFeed(List<MarketSnapshot> pending, MarketStore store) {
        this.pending = pending;
        this.store = store;
    }

    static MarketFeed of(MonthScenario scenario, DemoEconomicsFile economics, MarketStore store) {
        Instant from = scenario.start().minus(Duration.ofDays(HISTORY_DAYS));
        int days = HISTORY_DAYS + (int) Duration.between(scenario.start(), scenario.end()).toDays() + 1;
        List<MarketSnapshot> all = new ArrayList<>(anchored(SyntheticMarketHistory.generate(
                CoinCatalog.bundled().require(SYNTHETIC_COIN), from, days, DEMO_LEVEL, scenario.marketSeed()),
                scenario.measuredFrom(), economics.figures(SYNTHETIC_COIN, scenario.measuredFrom()).priceUsd()));
        for (String coin : economics.coins()) {
            if (!coin.equals(SYNTHETIC_COIN)) {
                for (Instant at = from; at.isBefore(scenario.end()); at = at.plus(Duration.ofHours(1))) {
                    all.add(economics.figures(coin, at));
                }
            }
        }
        all.sort(Comparator.comparing(MarketSnapshot::fetchedAt));
        return new MarketFeed(all, store);
    }

    /**
     * The history with every price scaled so that the month starts at the demo's price: the random walk keeps its
     * shape (a single seed can wander far over the months before), and both runs start from the demo's economics.
     */
    private static List<MarketSnapshot> anchored(List<MarketSnapshot> history, Instant at, double priceUsd) {
        MarketSnapshot reference = history.stream().filter(s -> !s.fetchedAt().isAfter(at))
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalArgumentException("no market figure before " + at));
        double factor = priceUsd / reference.priceUsd();
        return history.stream().map(s -> new MarketSnapshot(s.coin(), s.fetchedAt(), s.source(),
                s.priceUsd() * factor, s.networkDifficulty(), s.networkHashrateHps(), s.blockRewardCoins(),
                s.feesPerBlockCoins())).toList();
    }

    /** Stores every figure fetched at or before {@code now} that is not stored yet. */
    void catchUp(Instant now) {
        int from = next;
        while (next < pending.size() && !pending.get(next).fetchedAt().isAfter(now)) {
            next++;
        }
        if (next > from) {
            store.append(pending.subList(from, next));
        }
    }
}
