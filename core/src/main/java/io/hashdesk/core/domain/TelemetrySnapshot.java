package io.hashdesk.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one poll of one miner saw. Values are nullable: {@code null} means "not reported" (an offline
 * miner reports nothing; firmware 1.2.x omits some fields), which is kept apart from a measured zero.
 *
 * <p>The constructor only checks structure. Physical plausibility is checked by {@link #problems()}, so a
 * driver can hand over what it parsed and the store can reject a bad row without losing the rest of its batch.
 *
 * @param hashrateThs    real-time total hashrate (never assume it equals the sum of the boards — Vnish differs)
 * @param hashrateAvgThs the firmware's average hashrate
 * @param chipTempMaxC   hottest chip of the miner
 * @param boardTempMaxC  hottest PCB sensor of the miner
 * @param fanRpm         each fan's speed, in fan order; 0 for a stopped or lost fan
 * @param fanPercent     fan duty the controller applies
 * @param voltageVolts   mean chain voltage
 * @param frequencyMhz   mean chip frequency
 * @param preset         the power/tuning preset actually running (e.g. {@code 3100}, {@code disabled})
 * @param poolUrl        the active pool, without credentials
 * @param acceptedShares cumulative since the miner started (resets on restart)
 * @param uptime         since the mining process started
 */
public record TelemetrySnapshot(MinerId minerId, Instant takenAt, MinerStatus status,
                                Double hashrateThs, Double hashrateAvgThs, List<HashboardReading> boards,
                                Double chipTempMaxC, Double boardTempMaxC, List<Integer> fanRpm, Double fanPercent,
                                Double powerWatts, Double voltageVolts, Double frequencyMhz, String preset,
                                String poolUrl, Long acceptedShares, Long rejectedShares, Long hardwareErrors,
                                Duration uptime) {

    /** Fans per miner the store accepts (Antminers have 2–4). */
    public static final int MAX_FANS = 8;
    /** Longer preset names or pool URLs are not something a miner sends; they mean a parse went wrong. */
    public static final int MAX_TEXT_LENGTH = 255;

    public TelemetrySnapshot {
        Objects.requireNonNull(minerId, "miner id");
        Objects.requireNonNull(takenAt, "time taken");
        Objects.requireNonNull(status, "status");
        boards = boards == null ? List.of() : List.copyOf(boards);
        fanRpm = fanRpm == null ? List.of() : List.copyOf(fanRpm);
    }

    /** A snapshot of a miner that did not answer: status only, no measurements. */
    public static TelemetrySnapshot unreachable(MinerId minerId, Instant takenAt) {
        return new TelemetrySnapshot(minerId, takenAt, MinerStatus.OFFLINE, null, null, List.of(), null, null,
                List.of(), null, null, null, null, null, null, null, null, null, null);
    }

    /** Efficiency in J/TH, or {@code null} when power or hashrate is missing or hashrate is zero. */
    public Double efficiencyJPerTh() {
        if (powerWatts == null || hashrateThs == null || hashrateThs <= 0) {
            return null;
        }
        return powerWatts / hashrateThs;
    }

    /** Lowest fan speed, the one that tells of a failing fan; {@code null} when no fan was reported. */
    public Integer slowestFanRpm() {
        return fanRpm.stream().min(Integer::compare).orElse(null);
    }

    /** Physically impossible values in this snapshot, one readable sentence each; empty when it is plausible. */
    public List<String> problems() {
        ValueChecks checks = new ValueChecks();
        checks.nonNegative("hashrate (TH/s)", hashrateThs);
        checks.nonNegative("average hashrate (TH/s)", hashrateAvgThs);
        checks.temperature("chip temperature (°C)", chipTempMaxC);
        checks.temperature("board temperature (°C)", boardTempMaxC);
        checks.percent("fan duty (%)", fanPercent);
        checks.nonNegative("power (W)", powerWatts);
        checks.nonNegative("voltage (V)", voltageVolts);
        checks.nonNegative("frequency (MHz)", frequencyMhz);
        checks.nonNegative("accepted shares", acceptedShares);
        checks.nonNegative("rejected shares", rejectedShares);
        checks.nonNegative("hardware errors", hardwareErrors);
        if (uptime != null && uptime.isNegative()) {
            checks.problem("uptime is negative (" + uptime + ")");
        }
        if (preset != null && preset.length() > MAX_TEXT_LENGTH) {
            checks.problem("preset name is " + preset.length() + " characters long, more than " + MAX_TEXT_LENGTH);
        }
        if (poolUrl != null && poolUrl.length() > MAX_TEXT_LENGTH) {
            checks.problem("pool URL is " + poolUrl.length() + " characters long, more than " + MAX_TEXT_LENGTH);
        }
        if (boards.size() > HashboardReading.MAX_BOARDS) {
            checks.problem(boards.size() + " hashboards reported, more than " + HashboardReading.MAX_BOARDS);
        }
        if (boards.stream().map(HashboardReading::index).distinct().count() != boards.size()) {
            checks.problem("two hashboards share one index");
        }
        if (fanRpm.size() > MAX_FANS) {
            checks.problem(fanRpm.size() + " fans reported, more than " + MAX_FANS);
        }
        for (int i = 0; i < fanRpm.size(); i++) {
            Integer rpm = fanRpm.get(i);
            if (rpm == null || rpm < 0) {
                checks.problem("fan " + i + " speed is " + rpm + " rpm");
            }
        }
        boards.forEach(board -> board.collectProblems(checks));
        return checks.problems();
    }
}
