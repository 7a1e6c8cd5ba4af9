package io.hashdesk.core.action;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one change of settings into writes no bigger than the step sizes, so a miner's clocks, power and fan target
 * move gradually. Used for applying and, the other way round, for rolling back.
 *
 * <p>Only parts that have a number on both sides are stepped (frequency, voltage, power target, target temperature).
 * A named preset is written in one go: firmware offers only its own tuned presets, so a preset between two of them
 * may not exist. Parts that are not stepped (preset, fan minimum, throttle, pause, pools) go with the last step, when
 * the stepped parts arrive where they are going.
 */
final class SettingSteps {

    private static final double VOLT_RESOLUTION = 100.0;

    private SettingSteps() {
    }

    /** The writes that take a miner from {@code from} to {@code to}, in order; the last one is {@code to} itself. */
    static List<SettingValues> between(SettingValues from, SettingValues to, ActionSettings.StepSizes sizes) {
        int count = Math.max(1, Math.max(
                Math.max(stepsFor(from.frequencyMhz(), to.frequencyMhz(), sizes.frequencyMhz()),
                        stepsFor(from.voltageVolts(), to.voltageVolts(), sizes.voltageVolts())),
                Math.max(stepsFor(from.powerTargetWatts(), to.powerTargetWatts(), sizes.powerTargetWatts()),
                        stepsFor(from.targetTempC(), to.targetTempC(), sizes.targetTempC()))));
        List<SettingValues> steps = new ArrayList<>(count);
        for (int i = 1; i < count; i++) {
            double share = (double) i / count;
            SettingValues step = SettingValues.none();
            if (to.frequencyMhz() != null || to.voltageVolts() != null) {
                step = step.withClocks(between(from.frequencyMhz(), to.frequencyMhz(), share),
                        between(from.voltageVolts(), to.voltageVolts(), share));
            } else if (to.powerTargetWatts() != null) {
                step = step.withPowerTarget(between(from.powerTargetWatts(), to.powerTargetWatts(), share));
            }
            if (to.targetTempC() != null) {
                step = step.withCooling(between(from.targetTempC(), to.targetTempC(), share), null);
            }
            steps.add(step);
        }
        steps.add(to);
        return List.copyOf(steps);
    }

    private static int stepsFor(Number from, Number to, double size) {
        if (from == null || to == null) {
            return 1;
        }
        // a hair under the size still counts as one step: 0.3 V in 0.1 V steps is 3, not 4, in floating point
        return (int) Math.ceil(Math.abs(to.doubleValue() - from.doubleValue()) / size - 1e-9);
    }

    private static Integer between(Integer from, Integer to, double share) {
        if (to == null || from == null) {
            return to;
        }
        return (int) Math.round(from + (to - from) * share);
    }

    private static Double between(Double from, Double to, double share) {
        if (to == null || from == null) {
            return to;
        }
        return Math.round((from + (to - from) * share) * VOLT_RESOLUTION) / VOLT_RESOLUTION;
    }
}
