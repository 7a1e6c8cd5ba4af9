package io.hashdesk.core.action;

import java.util.List;

/**
 * Miner settings in Hashdesk's own terms (core never sees a driver's types). Every part is nullable: in a change it
 * means "leave as it is", in a read it means "the firmware did not report it". At most one of {@code preset},
 * {@code powerTargetWatts} and the manual clocks ({@code frequencyMhz}/{@code voltageVolts}) decides the clocks.
 *
 * @param preset             firmware power preset by name (Vnish: the target watts as text, {@code disabled} = manual)
 * @param powerTargetWatts   a wall-power target; the driver picks the highest tuned preset at or below it
 * @param frequencyMhz       manual chip clock, MHz
 * @param voltageVolts       manual chain voltage, volts
 * @param targetTempC        the fan controller's target chip temperature (auto fan mode), °C
 * @param fanMinDutyPercent  lowest fan duty the controller may use in auto mode, %
 * @param throttlePercent    share of full power to run at, 20–100 % (Vnish 1.3.x); 100 = not throttled
 * @param miningPaused       {@code true} to stop hashing (curtailment), {@code false} to resume
 * @param pools              the full pool list in priority order, 1–3 entries
 */
public record SettingValues(String preset, Integer powerTargetWatts, Integer frequencyMhz, Double voltageVolts,
                            Integer targetTempC, Integer fanMinDutyPercent, Integer throttlePercent,
                            Boolean miningPaused, List<PoolTarget> pools) {

    public SettingValues {
        pools = pools == null ? null : List.copyOf(pools);
        int clockParts = (preset != null ? 1 : 0) + (powerTargetWatts != null ? 1 : 0)
                + (frequencyMhz != null || voltageVolts != null ? 1 : 0);
        if (clockParts > 1) {
            throw new IllegalArgumentException("choose one of preset, power target and manual clocks, not several");
        }
    }

    /** Settings that set nothing, to build on. */
    public static SettingValues none() {
        return new SettingValues(null, null, null, null, null, null, null, null, null);
    }

    public SettingValues withPreset(String name) {
        return new SettingValues(name, null, null, null, targetTempC, fanMinDutyPercent, throttlePercent,
                miningPaused, pools);
    }

    public SettingValues withPowerTarget(Integer watts) {
        return new SettingValues(null, watts, null, null, targetTempC, fanMinDutyPercent, throttlePercent,
                miningPaused, pools);
    }

    public SettingValues withClocks(Integer mhz, Double volts) {
        return new SettingValues(null, null, mhz, volts, targetTempC, fanMinDutyPercent, throttlePercent,
                miningPaused, pools);
    }

    public SettingValues withCooling(Integer targetC, Integer fanMinPercent) {
        return new SettingValues(preset, powerTargetWatts, frequencyMhz, voltageVolts, targetC, fanMinPercent,
                throttlePercent, miningPaused, pools);
    }

    public SettingValues withThrottle(Integer percent) {
        return new SettingValues(preset, powerTargetWatts, frequencyMhz, voltageVolts, targetTempC,
                fanMinDutyPercent, percent, miningPaused, pools);
    }

    public SettingValues withMiningPaused(Boolean paused) {
        return new SettingValues(preset, powerTargetWatts, frequencyMhz, voltageVolts, targetTempC,
                fanMinDutyPercent, throttlePercent, paused, pools);
    }

    public SettingValues withPools(List<PoolTarget> list) {
        return new SettingValues(preset, powerTargetWatts, frequencyMhz, voltageVolts, targetTempC,
                fanMinDutyPercent, throttlePercent, miningPaused, list);
    }

    /** True when no part is set. */
    public boolean isEmpty() {
        return preset == null && powerTargetWatts == null && frequencyMhz == null && voltageVolts == null
                && targetTempC == null && fanMinDutyPercent == null && throttlePercent == null && miningPaused == null
                && pools == null;
    }
}
