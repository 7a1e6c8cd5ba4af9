package io.hashdesk.drivers.action;

import io.hashdesk.core.action.PoolTarget;
import io.hashdesk.core.action.SettingValues;
import io.hashdesk.drivers.api.AppliedSettings;
import io.hashdesk.drivers.api.CurrentSettings;
import io.hashdesk.drivers.api.FanMode;
import io.hashdesk.drivers.api.FanSettings;
import io.hashdesk.drivers.api.ManualClocks;
import io.hashdesk.drivers.api.PartOutcome;
import io.hashdesk.drivers.api.PoolSetting;
import io.hashdesk.drivers.api.PowerPreset;
import io.hashdesk.drivers.api.SettingOutOfRangeException;
import io.hashdesk.drivers.api.SettingsChange;
import io.hashdesk.drivers.api.SettingsPart;
import java.util.List;

/**
 * Core's {@link SettingValues} in the drivers' terms and back: a change as a {@link SettingsChange}, a settings read
 * as values, and the read-back of a write. Cooling maps to the auto fan mode ({@code targetTempC}) with its minimum
 * duty; pausing has no settings part and is handled by the port.
 */
final class SettingsTranslation {

    private SettingsTranslation() {
    }

    /**
     * @param currentFan the miner's fan mode, needed when only the minimum duty changes (it applies in auto mode)
     */
    static SettingsChange toChange(SettingValues values, FanMode currentFan) throws SettingOutOfRangeException {
        SettingsChange change = SettingsChange.none();
        if (values.preset() != null) {
            change = change.withPreset(values.preset());
        } else if (values.powerTargetWatts() != null) {
            change = change.withPowerTarget(values.powerTargetWatts());
        } else if (values.frequencyMhz() != null || values.voltageVolts() != null) {
            change = change.withClocks(new ManualClocks(values.frequencyMhz(), values.voltageVolts()));
        }
        if (values.targetTempC() != null || values.fanMinDutyPercent() != null) {
            change = change.withFan(new FanSettings(autoMode(values.targetTempC(), currentFan),
                    values.fanMinDutyPercent(), null));
        }
        if (values.pools() != null) {
            change = change.withPools(FirmwareBounds.poolSettings(values.pools()));
        }
        return values.throttlePercent() == null ? change : change.withThrottle(values.throttlePercent());
    }

    /** Whether changing only the fan minimum needs the miner's current fan mode read first. */
    static boolean needsCurrentFan(SettingValues values) {
        return values.targetTempC() == null && values.fanMinDutyPercent() != null;
    }

    /**
     * The settings as values. The preset is the configured one (what a rollback must restore), not the one a preset
     * switcher runs for the moment; manual clocks appear only when the preset is manual.
     */
    static SettingValues toValues(CurrentSettings current) {
        SettingValues values = SettingValues.none();
        if (current.manualClocks()) {
            values = values.withClocks(current.frequencyMhz(), current.voltageVolts());
        } else if (current.configuredPreset() != null) {
            values = values.withPreset(current.configuredPreset());
        }
        return values.withCooling(targetTemp(current), current.fanMinDutyPercent())
                .withThrottle(current.throttlePercent()).withMiningPaused(current.miningPaused())
                .withPools(poolTargets(current.pools()));
    }

    /**
     * The parts {@code requested} set, as the miner now has them. A part the driver's read-back confirmed reads as it
     * was asked (the firmware's 10 mV voltage steps and its {@code host:port} pool spelling are no difference); a part
     * that did not take shows the miner's value: the preset it runs, its clocks only if it runs manual clocks, a power
     * target as the watts of the preset it runs. An untuned preset reads back as itself while the miner auto-tunes
     * it: the miner runs it, and its telemetry shows the miner still starting until tuning ends.
     *
     * @param presets the firmware's presets (needed only when {@code requested} sets a power target)
     */
    static SettingValues readBack(SettingValues requested, AppliedSettings applied, CurrentSettings after,
                                  List<PowerPreset> presets) {
        SettingValues readBack = SettingValues.none();
        if (requested.preset() != null) {
            readBack = readBack.withPreset(took(applied, SettingsPart.PRESET) ? requested.preset()
                    : after.effectivePreset());
        } else if (requested.powerTargetWatts() != null) {
            readBack = readBack.withPowerTarget(took(applied, SettingsPart.PRESET) ? requested.powerTargetWatts()
                    : watts(after.effectivePreset(), presets));
        } else if (requested.frequencyMhz() != null || requested.voltageVolts() != null) {
            boolean took = took(applied, SettingsPart.MANUAL_CLOCKS);
            boolean manual = after.manualClocks();
            readBack = readBack.withClocks(
                    requested.frequencyMhz() == null ? null : took ? requested.frequencyMhz()
                            : manual ? after.frequencyMhz() : null,
                    requested.voltageVolts() == null ? null : took ? requested.voltageVolts()
                            : manual ? after.voltageVolts() : null);
        }
        if (requested.targetTempC() != null || requested.fanMinDutyPercent() != null) {
            boolean took = took(applied, SettingsPart.FAN);
            readBack = readBack.withCooling(
                    requested.targetTempC() == null ? null : took ? requested.targetTempC() : targetTemp(after),
                    requested.fanMinDutyPercent() == null ? null
                            : took ? requested.fanMinDutyPercent() : after.fanMinDutyPercent());
        }
        if (requested.throttlePercent() != null) {
            readBack = readBack.withThrottle(took(applied, SettingsPart.THROTTLE) ? requested.throttlePercent()
                    : after.throttlePercent());
        }
        if (requested.miningPaused() != null) {
            readBack = readBack.withMiningPaused(after.miningPaused());
        }
        if (requested.pools() != null) {
            readBack = readBack.withPools(took(applied, SettingsPart.POOLS) ? requested.pools()
                    : poolTargets(after.pools()));
        }
        return readBack;
    }

    private static FanMode autoMode(Integer targetTempC, FanMode current) throws SettingOutOfRangeException {
        if (targetTempC != null) {
            return new FanMode.Auto(targetTempC);
        }
        if (current instanceof FanMode.Auto auto) {
            return auto;
        }
        throw new SettingOutOfRangeException("fanMinDutyPercent", "the fan minimum applies in auto fan mode only and"
                + " the miner runs " + (current == null ? "an unreported fan mode" : current)
                + "; set targetTempC with it to switch to auto mode");
    }

    private static boolean took(AppliedSettings applied, SettingsPart part) {
        return applied.part(part).map(PartOutcome::applied).orElse(false);
    }

    private static Integer targetTemp(CurrentSettings current) {
        return current.fanMode() instanceof FanMode.Auto auto ? auto.targetTempC() : null;
    }

    /** The target watts of a preset; manual clocks and presets not named by power have none. */
    private static Integer watts(String preset, List<PowerPreset> presets) {
        return presets.stream().filter(p -> p.name().equals(preset)).findFirst().map(PowerPreset::targetWatts)
                .orElse(null);
    }

    private static List<PoolTarget> poolTargets(List<PoolSetting> pools) {
        return pools.isEmpty() ? null : pools.stream().map(p -> new PoolTarget(p.url(), p.user(), p.password()))
                .toList();
    }
}
