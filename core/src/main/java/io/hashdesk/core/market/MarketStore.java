package io.hashdesk.core.market;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where market snapshots and the providers' last raw replies are kept, in the farm's database. Every method may
 * throw {@link io.hashdesk.core.store.StoreException} when the database cannot do what was asked.
 */
public interface MarketStore {

    /**
     * Stores the snapshots in one transaction: all or none. A snapshot of the same coin, time and source as a stored
     * one replaces it (a file imported again, a manual entry corrected).
     */
    void append(List<MarketSnapshot> snapshots);

    /**
     * Keeps {@code reply} as the provider's last good reply to its request (replacing the previous one) and stores
     * the snapshots read from it, in one transaction.
     */
    void saveReply(CachedReply reply, List<MarketSnapshot> snapshots);

    /** The provider's last good reply to this request, if one was ever saved. */
    Optional<CachedReply> cachedReply(String provider, String requestKey);

    /** The latest known figures of every coin that has any, merged field by field, ordered by coin. */
    List<CoinMarket> latest();

    /** The latest known figures of one coin, merged field by field; empty when nothing is known of it. */
    Optional<CoinMarket> latest(String coin);

    /**
     * Every snapshot of {@code coin} fetched at or after {@code from} and before {@code to}, oldest first (snapshots of
     * the same time by source name).
     */
    List<MarketSnapshot> history(String coin, Instant from, Instant to);
}
