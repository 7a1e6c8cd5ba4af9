package io.hashdesk.core.pool;

import io.hashdesk.core.domain.MinerId;
import java.util.List;
import java.util.Optional;

/** The farm's pools and each miner's pool plan, kept in the farm's database. */
public interface PoolStore {

    /** Adds or replaces a pool. */
    void savePool(PoolDefinition pool);

    /**
     * Removes a pool.
     *
     * @throws IllegalStateException naming the miners whose plans still use it
     */
    void removePool(String poolId);

    List<PoolDefinition> pools();

    /**
     * Replaces a miner's pool plan.
     *
     * @throws IllegalArgumentException when a slot names a pool that does not exist
     */
    void savePlan(MinerPoolPlan plan);

    Optional<MinerPoolPlan> plan(MinerId miner);

    List<MinerPoolPlan> plans();
}
