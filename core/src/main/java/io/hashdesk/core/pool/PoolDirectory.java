package io.hashdesk.core.pool;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.TelemetrySnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the farm's pool behind a URL a miner reports, and so the coin each miner earns. */
public final class PoolDirectory {

    private final List<PoolDefinition> pools;

    public PoolDirectory(List<PoolDefinition> pools) {
        this.pools = List.copyOf(pools);
    }

    /**
     * The pool at {@code url}: an exact host and port match first, then a pool with the same host whose port is
     * unknown on one side. A URL that cannot be read matches nothing.
     */
    public Optional<PoolDefinition> byUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        PoolEndpoint reported;
        try {
            reported = PoolEndpoint.parse(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return pools.stream().filter(p -> p.endpoint().equals(reported)).findFirst()
                .or(() -> pools.stream().filter(p -> p.endpoint().matches(reported)).findFirst());
    }

    /** Each miner's current pool from its latest snapshot. */
    public Map<MinerId, CurrentPool> currentPools(Map<MinerId, TelemetrySnapshot> latest) {
        Map<MinerId, CurrentPool> current = new HashMap<>(latest.size() * 2);
        latest.forEach((id, snapshot) -> current.put(id, new CurrentPool(id, snapshot.poolUrl(),
                byUrl(snapshot.poolUrl()))));
        return current;
    }
}
