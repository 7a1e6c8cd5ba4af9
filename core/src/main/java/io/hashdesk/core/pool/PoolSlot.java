package io.hashdesk.core.pool;

import java.util.Objects;

/**
 * One of a miner's pools: the firmware tries priority 0 first and falls back to 1, then 2.
 *
 * @param priority 0 (first choice) to {@link MinerPoolPlan#MAX_POOLS} − 1
 * @param poolId   a {@link PoolDefinition#id()}
 * @param worker   the stratum user, usually {@code account.worker}
 */
public record PoolSlot(int priority, String poolId, String worker) {

    public PoolSlot {
        if (priority < 0 || priority >= MinerPoolPlan.MAX_POOLS) {
            throw new IllegalArgumentException("A pool priority is 0–" + (MinerPoolPlan.MAX_POOLS - 1) + ", got "
                    + priority);
        }
        Objects.requireNonNull(poolId, "pool id");
        if (worker == null || worker.isBlank()) {
            throw new IllegalArgumentException("Pool slot " + priority + " (" + poolId + ") needs a worker name");
        }
        worker = worker.strip();
    }
}
