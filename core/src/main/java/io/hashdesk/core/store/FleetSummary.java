package io.hashdesk.core.store;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.catalog.Algorithm;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The farm right now, from each registered miner's latest snapshot.
 *
 * @param registeredMiners  miners in the inventory
 * @param statusCounts      miners per latest status; miners never polled count as {@code UNKNOWN}
 * @param staleMiners       miners whose latest snapshot is older than the store's staleness limit
 * @param byAlgorithm       hashrate and power of fresh miners per algorithm; a miner whose model is not in the
 *                          catalog counts in {@code powerWatts} only
 * @param powerWatts        power of every miner with a fresh snapshot
 * @param hottestChipMiner  the miner with the hottest chip, or {@code null} when no temperature is known
 * @param newestSnapshot    time of the newest snapshot, or {@code null} when nothing was ever polled
 */
public record FleetSummary(int registeredMiners, Map<MinerStatus, Integer> statusCounts, int staleMiners,
                           Map<Algorithm, AlgorithmTotals> byAlgorithm, double powerWatts, Double chipTempMaxC,
                           MinerId hottestChipMiner, Instant newestSnapshot) {

    public FleetSummary {
        statusCounts = Map.copyOf(statusCounts);
        Map<Algorithm, AlgorithmTotals> copy = new EnumMap<>(Algorithm.class);
        copy.putAll(byAlgorithm);
        byAlgorithm = Collections.unmodifiableMap(copy);
    }

    /** The totals of one algorithm's miners; zero when the farm has none. */
    public AlgorithmTotals totals(Algorithm algorithm) {
        return byAlgorithm.getOrDefault(algorithm, AlgorithmTotals.NONE);
    }

    /** SHA-256 hashrate in TH/s: what "farm hashrate" means to a Bitcoin farm. */
    public double sha256HashrateThs() {
        return totals(Algorithm.SHA256).hashrateThs();
    }

    /** Fleet efficiency in J/TH over the SHA-256 miners, or {@code null} while none hashes. */
    public Double efficiencyJPerTh() {
        return totals(Algorithm.SHA256).efficiencyJPerTh();
    }

    public int count(MinerStatus status) {
        return statusCounts.getOrDefault(status, 0);
    }
}
