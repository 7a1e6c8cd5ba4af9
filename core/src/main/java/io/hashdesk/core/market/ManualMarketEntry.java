package io.hashdesk.core.market;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Figures an operator types in, for a farm without internet access or to correct a provider: checked like every
 * other snapshot and stored with the source {@code manual}. They take part in "latest per coin" like any source, so a
 * manual price stays in use until something newer arrives.
 */
public final class ManualMarketEntry {

    private final CoinCatalog catalog;
    private final MarketStore store;
    private final MarketSettings settings;
    private final Clock clock;

    public ManualMarketEntry(CoinCatalog catalog, MarketStore store, MarketSettings settings, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks and stores one manual snapshot; {@code null} figures are unknown, at least one must be given.
     *
     * @param coin the ticker of a catalogued coin, any case
     * @param at   the time the figures describe; not in the future
     * @return the stored snapshot
     * @throws IllegalArgumentException naming the field at fault: an unknown coin, a time in the future, no figure,
     *                                  or a figure out of range (a price of 0, negative fees)
     */
    public MarketSnapshot enter(String coin, Instant at, Double priceUsd, Double networkDifficulty,
                                Double networkHashrateHps, Double blockRewardCoins, Double feesPerBlockCoins) {
        Coin known = catalog.require(coin);
        Objects.requireNonNull(at, "the time of the figures is missing");
        Instant latestAllowed = clock.instant().plus(settings.maxClockSkew());
        if (at.isAfter(latestAllowed)) {
            throw new IllegalArgumentException("time " + at + " is in the future; enter the time the figures were"
                    + " current");
        }
        MarketSnapshot snapshot = new MarketSnapshot(known.symbol(), at, MarketSnapshot.MANUAL, priceUsd,
                networkDifficulty, networkHashrateHps, blockRewardCoins, feesPerBlockCoins);
        store.append(List.of(snapshot));
        return snapshot;
    }
}
