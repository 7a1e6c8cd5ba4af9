package io.hashdesk.drivers.discovery;

import java.util.Optional;

/** Looks at one address and says whether a miner answers there, and what it is. */
@FunctionalInterface
public interface MinerProbe {

    /**
     * The miner at the target, or empty when nothing that looks like a miner answers. An absent host, a closed
     * port or a reply that is not a miner's is "empty", never an exception.
     */
    Optional<DiscoveredMiner> probe(DiscoveryTarget target) throws InterruptedException;

    /** This probe, then {@code fallback} for targets it finds nothing at (web API first, then RPC). */
    default MinerProbe orElse(MinerProbe fallback) {
        return target -> {
            Optional<DiscoveredMiner> found = probe(target);
            return found.isPresent() ? found : fallback.probe(target);
        };
    }
}
