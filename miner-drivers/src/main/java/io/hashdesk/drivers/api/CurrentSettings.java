package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerStatus;
import java.util.List;
import java.util.Objects;

/**
 * The settings a miner holds, as its firmware reports them: what {@link MinerDriver#readSettings()} returns. A part
 * the firmware does not report is {@code null} (throttling before Vnish 1.3, fan mode on a stripped build). Pool
 * passwords are kept as the firmware returns them, so {@link #toString()} hides them.
 *
 * @param configuredPreset  the preset in the settings ({@link PowerPreset#MANUAL} = manual clocks)
 * @param runningPreset     the preset that runs now, which a preset switcher may have stepped down; {@code null} when
 *                          the firmware does not say
 * @param frequencyMhz      the manual chip clock in the settings, MHz (used when the preset is manual)
 * @param voltageVolts      the manual chain voltage in the settings, volts
 * @param fanMode           how the fans are driven
 * @param fanMinDutyPercent lowest fan duty in auto mode, %
 * @param fanMinCount       fewest working fans before the firmware refuses to mine
 * @param overTempRestartC  chip temperature at which the firmware restarts mining, °C
 * @param pools             the configured pools in priority order (empty slots left out)
 * @param throttlePercent   share of full power it runs at, 20–100 (Vnish 1.3.x)
 * @param status            the mining process's state; {@link MinerStatus#STOPPED} when paused or stopped
 */
public record CurrentSettings(String configuredPreset, String runningPreset, Integer frequencyMhz,
                              Double voltageVolts, FanMode fanMode, Integer fanMinDutyPercent, Integer fanMinCount,
                              Integer overTempRestartC, List<PoolSetting> pools, Integer throttlePercent,
                              MinerStatus status) {

    public CurrentSettings {
        pools = pools == null ? List.of() : List.copyOf(pools);
        Objects.requireNonNull(status, "status");
    }

    /** True when the settings select manual clocks rather than a preset. */
    public boolean manualClocks() {
        return PowerPreset.MANUAL.equals(configuredPreset);
    }

    /** The preset that decides the power now: the running one when the firmware says, else the configured one. */
    public String effectivePreset() {
        return runningPreset != null ? runningPreset : configuredPreset;
    }

    /** True when the miner is not hashing because it was paused or stopped (not because it is starting up). */
    public boolean miningPaused() {
        return status == MinerStatus.STOPPED;
    }

    @Override
    public String toString() {
        return "CurrentSettings[preset=" + configuredPreset + ", running=" + runningPreset + ", freq=" + frequencyMhz
                + " MHz, volt=" + voltageVolts + " V, fan=" + fanMode + ", fanMinDuty=" + fanMinDutyPercent
                + " %, fanMinCount=" + fanMinCount + ", overTempRestart=" + overTempRestartC + " °C, pools=" + pools
                + ", throttle=" + throttlePercent + " %, status=" + status + "]";
    }
}
