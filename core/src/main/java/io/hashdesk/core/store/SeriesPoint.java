package io.hashdesk.core.store;

import io.hashdesk.core.domain.MinerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One point of a miner's history: a single snapshot (raw) or a bucket of them (rollup). Statistics are
 * {@code null} when no snapshot in the bucket reported the quantity.
 *
 * @param start            the snapshot's time, or the bucket's aligned start
 * @param width            zero for raw points
 * @param samples          snapshots in the bucket
 * @param hashingSamples   snapshots in which the miner was hashing (uptime = hashingSamples / samples)
 * @param lastStatus       status of the bucket's last snapshot
 * @param chipTempC        of the hottest chip
 * @param slowestFanRpm    of the slowest fan (the one that tells of wear)
 * @param acceptedShares   shares accepted during the bucket (counter increments, restarts accounted for)
 * @param preset           preset running at the end of the bucket, or {@code null}
 * @param poolUrl          pool in use at the end of the bucket, or {@code null}
 * @param fanRpm           per fan, mean rpm
 */
public record SeriesPoint(Instant start, Duration width, int samples, int hashingSamples, MinerStatus lastStatus,
                          Stat hashrateThs, Stat powerWatts, Stat chipTempC, Stat boardTempC, Stat slowestFanRpm,
                          Double fanPercent, Double voltageVolts, Double frequencyMhz, long acceptedShares,
                          long rejectedShares, long hardwareErrors, String preset, String poolUrl,
                          List<BoardPoint> boards, List<Double> fanRpm) {

    public SeriesPoint {
        boards = List.copyOf(boards);
        fanRpm = List.copyOf(fanRpm);
    }

    /** Mean efficiency over the bucket in J/TH, or {@code null} when it cannot be computed. */
    public Double efficiencyJPerTh() {
        if (powerWatts == null || hashrateThs == null || hashrateThs.mean() <= 0) {
            return null;
        }
        return powerWatts.mean() / hashrateThs.mean();
    }

    /** Share of submitted shares that were rejected, 0–1, or {@code null} when none were submitted. */
    public Double rejectRatio() {
        long submitted = acceptedShares + rejectedShares;
        return submitted == 0 ? null : (double) rejectedShares / submitted;
    }
}
