package io.hashdesk.core.store;

import java.time.Instant;

/**
 * Fleet totals within one bucket: the sum over miners of each miner's mean hashrate and power, the hottest
 * chip seen, and how many miners reported.
 */
public record FleetPoint(Instant start, int minersReporting, int minersHashing, double hashrateThs,
                         double powerWatts, Double chipTempMaxC) {

    public Double efficiencyJPerTh() {
        return hashrateThs > 0 ? powerWatts / hashrateThs : null;
    }
}
