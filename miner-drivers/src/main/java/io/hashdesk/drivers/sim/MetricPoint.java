package io.hashdesk.drivers.sim;

import java.time.Instant;

/**
 * One point of a unit's recent history ({@code /metrics}): averages over {@code step} seconds from {@code at}.
 *
 * @param hashrate in the model's {@code hr_measure} unit, as {@code hr_realtime}
 */
public record MetricPoint(Instant at, double hashrate, int powerWatts, int chipTempMaxC, int pcbTempMaxC,
                          int fanDutyPercent) {
}
