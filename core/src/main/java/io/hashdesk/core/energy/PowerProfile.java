package io.hashdesk.core.energy;

import java.util.List;
import java.util.Objects;

/**
 * A load's power over time as steps: {@code initialPowerWatts} until the first step, then each step's power until
 * the next. A miner curtailed from 17:00 to 21:00 is two steps.
 */
public record PowerProfile(double initialPowerWatts, List<PowerStep> steps) {

    public PowerProfile {
        if (!Double.isFinite(initialPowerWatts) || initialPowerWatts < 0) {
            throw new IllegalArgumentException("initialPowerWatts must be zero or more, got " + initialPowerWatts);
        }
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).at().isAfter(steps.get(i - 1).at())) {
                throw new IllegalArgumentException("Power steps must be in strictly increasing time order; the step at "
                        + steps.get(i).at() + " follows the one at " + steps.get(i - 1).at());
            }
        }
    }

    /** The same power all the time. */
    public static PowerProfile constant(double powerWatts) {
        return new PowerProfile(powerWatts, List.of());
    }
}
