package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;

import java.time.Instant;
import java.util.Objects;

/**
 * What one miner hashed on one pool URL over the measurement window, from its 5-minute telemetry rollups (a bucket
 * counts for the URL in use at its end).
 *
 * @param buckets        hashing buckets that ended on this URL
 * @param acceptedShares shares accepted in those buckets
 * @param rejectedShares shares rejected in those buckets (stale shares included where the firmware counts them so)
 * @param lastSeen       the start of the newest such bucket
 */
public record PoolUsage(MinerId miner, String poolUrl, int buckets, long acceptedShares, long rejectedShares,
                        Instant lastSeen) {

    public PoolUsage {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(poolUrl, "pool url");
        Objects.requireNonNull(lastSeen, "last seen");
        if (buckets < 0 || acceptedShares < 0 || rejectedShares < 0) {
            throw new IllegalArgumentException("pool usage counts of " + miner + " on " + poolUrl
                    + " must not be negative");
        }
    }
}
