package io.hashdesk.core.pool;

import io.hashdesk.core.domain.MinerId;
import java.util.Optional;

/**
 * The pool a miner is on now, by its latest telemetry.
 *
 * @param reportedUrl the URL the miner reports, or {@code null} when it reports none
 * @param pool        the farm's pool at that URL, if any
 */
public record CurrentPool(MinerId miner, String reportedUrl, Optional<PoolDefinition> pool) {

    /** The coin the miner earns now, when its pool is known. */
    public Optional<String> coin() {
        return pool.map(PoolDefinition::coin);
    }
}
