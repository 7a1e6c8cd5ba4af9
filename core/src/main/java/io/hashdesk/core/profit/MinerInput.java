package io.hashdesk.core.profit;

import io.hashdesk.core.domain.MinerId;
import java.util.Objects;

/** One miner as profit sees it: where it is and what it hashes and draws (both taken as steady over the period). */
public record MinerInput(MinerId miner, String roomId, double hashrateThs, double powerWatts) {

    public MinerInput {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(roomId, "roomId of " + miner);
        if (!Double.isFinite(hashrateThs) || hashrateThs < 0) {
            throw new IllegalArgumentException("hashrateThs of " + miner + " must be zero or more, got " + hashrateThs);
        }
        if (!Double.isFinite(powerWatts) || powerWatts < 0) {
            throw new IllegalArgumentException("powerWatts of " + miner + " must be zero or more, got " + powerWatts);
        }
    }
}
