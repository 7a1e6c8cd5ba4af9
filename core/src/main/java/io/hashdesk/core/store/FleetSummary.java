package io.hashdesk.core.store;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import java.time.Instant;
import java.util.Map;

/**
 * The farm right now, from each registered miner's latest snapshot.
 *
 * @param registeredMiners  miners in the inventory
 * @param statusCounts      miners per latest status; miners never polled count as {@code UNKNOWN}
 * @param staleMiners       miners whose latest snapshot is older than the store's staleness limit
 * @param hottestChipMiner  the miner with the hottest chip, or {@code null} when no temperature is known
 * @param newestSnapshot    time of the newest snapshot, or {@code null} when nothing was ever polled
 */
public record FleetSummary(int registeredMiners, Map<MinerStatus, Integer> statusCounts, int staleMiners,
                           double hashrateThs, double powerWatts, Double chipTempMaxC, MinerId hottestChipMiner,
                           Instant newestSnapshot) {

    public FleetSummary {
        statusCounts = Map.copyOf(statusCounts);
    }

    /** Fleet efficiency in J/TH, or {@code null} while nothing hashes. */
    public Double efficiencyJPerTh() {
        return hashrateThs > 0 ? powerWatts / hashrateThs : null;
    }

    public int count(MinerStatus status) {
        return statusCounts.getOrDefault(status, 0);
    }
}
