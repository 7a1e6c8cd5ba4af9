package io.hashdesk.core.action;

import io.hashdesk.core.domain.TelemetrySnapshot;

/**
 * What a miner did just before its change, which the watch compares with: its hashrate and its share and
 * hardware-error counters. Each part is {@code null} when the miner did not report it.
 */
public record WatchBaseline(Double hashrateThs, Long acceptedShares, Long hardwareErrors) {

    /** The baseline from a reading; the firmware's average hashrate when it has one (steadier than the real-time). */
    public static WatchBaseline of(TelemetrySnapshot reading) {
        Double hashrate = reading.hashrateAvgThs() != null ? reading.hashrateAvgThs() : reading.hashrateThs();
        return new WatchBaseline(hashrate, reading.acceptedShares(), reading.hardwareErrors());
    }
}
