package io.hashdesk.drivers.api;

import java.util.List;
import java.util.Objects;

/**
 * A change to a miner's settings, made of optional parts; a {@code null} part is left as it is. Build one with
 * {@link #none()} and the {@code with…} methods. At most one of preset, power target and manual clocks may be set,
 * since each of them decides the clocks.
 *
 * @param preset           a preset by name (see {@link PowerPreset#name()})
 * @param powerTargetWatts a wall-power target: the driver selects the highest tuned preset at or below it
 * @param clocks           manual frequency and/or voltage (selects the firmware's manual mode)
 * @param fan              fan mode, minimum duty and minimum fan count
 * @param overTempRestartC chip temperature at which the firmware restarts mining to protect the miner, °C
 * @param pools            the full pool list, in priority order, 1–3 entries
 * @param throttlePercent  run at this share of full power, 20–100 (Vnish 1.3.x only)
 */
public record SettingsChange(String preset, Integer powerTargetWatts, ManualClocks clocks, FanSettings fan,
                             Integer overTempRestartC, List<PoolSetting> pools, Integer throttlePercent) {

    /** Vnish keeps three pool slots. */
    public static final int MAX_POOLS = 3;

    public SettingsChange {
        int clockParts = (preset != null ? 1 : 0) + (powerTargetWatts != null ? 1 : 0) + (clocks != null ? 1 : 0);
        if (clockParts > 1) {
            throw new IllegalArgumentException("choose one of preset, power target and manual clocks, not several");
        }
        if (preset != null && preset.isBlank()) {
            throw new IllegalArgumentException("preset name must not be blank");
        }
        if (powerTargetWatts != null && powerTargetWatts <= 0) {
            throw new IllegalArgumentException("power target must be positive, got " + powerTargetWatts + " W");
        }
        if (overTempRestartC != null && (overTempRestartC < 1 || overTempRestartC > 150)) {
            throw new IllegalArgumentException("over-temperature restart must be 1–150 °C, got " + overTempRestartC);
        }
        if (pools != null) {
            pools = List.copyOf(pools);
            if (pools.isEmpty() || pools.size() > MAX_POOLS) {
                throw new IllegalArgumentException("pool list must have 1–" + MAX_POOLS + " entries, got "
                        + pools.size());
            }
        }
        if (throttlePercent != null && (throttlePercent < 20 || throttlePercent > 100)) {
            throw new IllegalArgumentException("throttle must be 20–100 %, got " + throttlePercent);
        }
    }

    /** A change that changes nothing, to build on. */
    public static SettingsChange none() {
        return new SettingsChange(null, null, null, null, null, null, null);
    }

    public SettingsChange withPreset(String name) {
        return new SettingsChange(Objects.requireNonNull(name, "preset"), null, null, fan, overTempRestartC, pools,
                throttlePercent);
    }

    public SettingsChange withPowerTarget(int watts) {
        return new SettingsChange(null, watts, null, fan, overTempRestartC, pools, throttlePercent);
    }

    public SettingsChange withClocks(ManualClocks manual) {
        return new SettingsChange(null, null, Objects.requireNonNull(manual, "clocks"), fan, overTempRestartC, pools,
                throttlePercent);
    }

    public SettingsChange withFan(FanSettings settings) {
        return new SettingsChange(preset, powerTargetWatts, clocks, settings, overTempRestartC, pools,
                throttlePercent);
    }

    public SettingsChange withOverTempRestart(int celsius) {
        return new SettingsChange(preset, powerTargetWatts, clocks, fan, celsius, pools, throttlePercent);
    }

    public SettingsChange withPools(List<PoolSetting> list) {
        return new SettingsChange(preset, powerTargetWatts, clocks, fan, overTempRestartC, list, throttlePercent);
    }

    public SettingsChange withThrottle(int percent) {
        return new SettingsChange(preset, powerTargetWatts, clocks, fan, overTempRestartC, pools, percent);
    }

    /** True when no part is set. */
    public boolean isEmpty() {
        return preset == null && powerTargetWatts == null && clocks == null && fan == null && overTempRestartC == null
                && pools == null && throttlePercent == null;
    }

    /** True when a part goes through the firmware's settings document (everything but the throttle). */
    public boolean touchesSettings() {
        return preset != null || powerTargetWatts != null || clocks != null || fan != null || overTempRestartC != null
                || pools != null;
    }
}
