package io.hashdesk.drivers.action;

import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.drivers.api.ClockLimits;
import io.hashdesk.drivers.api.CoolingLimits;
import io.hashdesk.drivers.api.MinerCapabilities;
import io.hashdesk.drivers.api.MinerOperation;
import io.hashdesk.drivers.api.OperationNotSupportedException;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.SettingOutOfRangeException;
import io.hashdesk.drivers.api.SettingsChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a change before anything is written: first the ranges every firmware has (no request needed), then the
 * firmware's own bounds and operations from its capabilities. These are the firmware's limits, the last line behind
 * the executor's stricter hard and operator limits: a value that gets here out of range is a bug upstream, and the
 * miner must never see it.
 */
final class FirmwareBounds {

    private static final int MIN_THROTTLE_PERCENT = 20;
    private static final int MAX_TARGET_TEMP_C = 120;

    private FirmwareBounds() {
    }

    /** The checks that need nothing from the miner. */
    static void checkFixedRanges(SettingValues change) throws SettingOutOfRangeException {
        if (change.preset() != null && change.preset().isBlank()) {
            throw new SettingOutOfRangeException("preset", "must not be blank");
        }
        positive("powerTargetWatts", change.powerTargetWatts(), "W");
        positive("frequencyMhz", change.frequencyMhz(), "MHz");
        if (change.voltageVolts() != null && !(Double.isFinite(change.voltageVolts()) && change.voltageVolts() > 0)) {
            throw new SettingOutOfRangeException("voltageVolts", "must be a positive number, got "
                    + change.voltageVolts() + " V");
        }
        within("targetTempC", change.targetTempC(), 1, MAX_TARGET_TEMP_C, "°C");
        within("fanMinDutyPercent", change.fanMinDutyPercent(), 0, 100, "%");
        within("throttlePercent", change.throttlePercent(), MIN_THROTTLE_PERCENT, 100, "%");
        if (change.pools() != null) {
            poolSettings(change.pools());
        }
    }

    /** The checks against what this miner's firmware reports it accepts and can do. */
    static void checkFirmware(SettingValues change, MinerCapabilities capabilities, List<PowerPreset> presets)
            throws SettingOutOfRangeException, OperationNotSupportedException {
        if (change.preset() != null || change.powerTargetWatts() != null) {
            require(capabilities, MinerOperation.SELECT_PRESET, "choosing a preset");
        }
        if (change.preset() != null && presets.stream().noneMatch(p -> p.name().equals(change.preset()))) {
            throw new SettingOutOfRangeException("preset", "'" + change.preset() + "' is not one of the firmware's"
                    + " presets " + presets.stream().map(PowerPreset::name).toList());
        }
        if (change.frequencyMhz() != null || change.voltageVolts() != null) {
            require(capabilities, MinerOperation.MANUAL_CLOCKS, "manual clocks");
            ClockLimits clocks = capabilities.clocks();
            if (clocks != null) {
                within("frequencyMhz", change.frequencyMhz(), clocks.frequencyMinMhz(), clocks.frequencyMaxMhz(),
                        "MHz");
                withinVolts(change.voltageVolts(), clocks.voltageMinVolts(), clocks.voltageMaxVolts());
            }
        }
        if (change.targetTempC() != null || change.fanMinDutyPercent() != null) {
            require(capabilities, MinerOperation.FAN_CONTROL, "fan control");
            CoolingLimits cooling = capabilities.cooling();
            if (cooling != null) {
                within("targetTempC", change.targetTempC(), cooling.targetTempMinC(), cooling.targetTempMaxC(), "°C");
                within("fanMinDutyPercent", change.fanMinDutyPercent(), cooling.fanMinPercent(), 100, "%");
            }
        }
        if (change.throttlePercent() != null) {
            require(capabilities, MinerOperation.THROTTLE, "throttling (Vnish 1.3.x)");
        }
        if (change.miningPaused() != null) {
            require(capabilities, MinerOperation.PAUSE_MINING, "pausing and resuming mining");
        }
        if (change.pools() != null) {
            require(capabilities, MinerOperation.POOLS, "changing pools");
        }
    }

    /** The pools as the drivers take them; a malformed pool is refused naming its position and field. */
    static List<PoolSetting> poolSettings(List<PoolTarget> pools) throws SettingOutOfRangeException {
        if (pools.isEmpty() || pools.size() > SettingsChange.MAX_POOLS) {
            throw new SettingOutOfRangeException("pools", "must list 1–" + SettingsChange.MAX_POOLS
                    + " pools, got " + pools.size());
        }
        List<PoolSetting> settings = new ArrayList<>(pools.size());
        for (int i = 0; i < pools.size(); i++) {
            PoolTarget pool = pools.get(i);
            try {
                settings.add(new PoolSetting(pool.url(), pool.user(), pool.password()));
            } catch (IllegalArgumentException e) {
                String field = e.getMessage().startsWith("pool user") ? "user" : "url";
                throw new SettingOutOfRangeException("pools[" + (i + 1) + "]." + field, e.getMessage());
            }
        }
        return settings;
    }

    private static void require(MinerCapabilities capabilities, MinerOperation operation, String what)
            throws OperationNotSupportedException {
        if (!capabilities.supports(operation)) {
            throw new OperationNotSupportedException(operation, "this miner's firmware does not offer " + what);
        }
    }

    private static void positive(String setting, Integer value, String unit) throws SettingOutOfRangeException {
        if (value != null && value <= 0) {
            throw new SettingOutOfRangeException(setting, "must be positive, got " + value + " " + unit);
        }
    }

    private static void within(String setting, Integer value, int min, int max, String unit)
            throws SettingOutOfRangeException {
        if (value != null && (value < min || value > max)) {
            throw new SettingOutOfRangeException(setting, value + " " + unit + " is outside the allowed " + min + "–"
                    + max + " " + unit);
        }
    }

    private static void withinVolts(Double volts, double min, double max) throws SettingOutOfRangeException {
        if (volts != null && (volts < min || volts > max)) {
            throw new SettingOutOfRangeException("voltageVolts", String.format(Locale.ROOT,
                    "%.2f V is outside the firmware's %.2f–%.2f V", volts, min, max));
        }
    }
}
