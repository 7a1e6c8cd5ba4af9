package io.hashdesk.core.action;

/**
 * Settings cut to the parts another set of settings touches. The clock parts (preset, power target, frequency and
 * voltage) count as one: undoing a change from a preset to a power target means writing the preset back.
 */
public final class SettingParts {

    private SettingParts() {
    }

    /**
     * The parts of {@code primary} that {@code like} sets, each taken from {@code fallback} where {@code primary}
     * does not have it (e.g. the firmware did not report it).
     */
    public static SettingValues restrict(SettingValues primary, SettingValues fallback, SettingValues like) {
        SettingValues out = SettingValues.none();
        if (setsClocks(like)) {
            SettingValues clocks = setsClocks(primary) ? primary : fallback;
            if (clocks.preset() != null) {
                out = out.withPreset(clocks.preset());
            } else if (clocks.powerTargetWatts() != null) {
                out = out.withPowerTarget(clocks.powerTargetWatts());
            } else if (clocks.frequencyMhz() != null || clocks.voltageVolts() != null) {
                out = out.withClocks(clocks.frequencyMhz(), clocks.voltageVolts());
            }
        }
        if (like.targetTempC() != null) {
            out = out.withCooling(pick(primary.targetTempC(), fallback.targetTempC()), out.fanMinDutyPercent());
        }
        if (like.fanMinDutyPercent() != null) {
            out = out.withCooling(out.targetTempC(), pick(primary.fanMinDutyPercent(), fallback.fanMinDutyPercent()));
        }
        if (like.throttlePercent() != null) {
            out = out.withThrottle(pick(primary.throttlePercent(), fallback.throttlePercent()));
        }
        if (like.miningPaused() != null) {
            out = out.withMiningPaused(pick(primary.miningPaused(), fallback.miningPaused()));
        }
        if (like.pools() != null) {
            out = out.withPools(pick(primary.pools(), fallback.pools()));
        }
        return out;
    }

    static boolean setsClocks(SettingValues values) {
        return values.preset() != null || values.powerTargetWatts() != null || values.frequencyMhz() != null
                || values.voltageVolts() != null;
    }

    private static <T> T pick(T primary, T fallback) {
        return primary != null ? primary : fallback;
    }
}
