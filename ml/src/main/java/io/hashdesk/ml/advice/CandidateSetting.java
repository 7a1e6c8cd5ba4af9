package io.hashdesk.ml.advice;

import io.hashdesk.ml.optimiser.CurveChange;
import io.hashdesk.ml.optimiser.Interval;
import io.hashdesk.ml.optimiser.Setting;

/**
 * One setting a unit could move to, with the curve's forecast change and the objective's gain.
 *
 * @param preset      the preset that runs these clocks, or null for manual clocks
 * @param gain        the objective's improvement (USD/day more, or J/TH less), with its interval
 * @param probability the curve's probability that every constraint holds there
 */
record CandidateSetting(String preset, Setting setting, CurveChange change, Interval gain, double probability) {

    /** Whether the gain is beyond the noise: its whole interval is an improvement. */
    boolean significant() {
        return gain.low() > 0;
    }
}
