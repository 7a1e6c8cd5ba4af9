package io.hashdesk.drivers.sim;

import java.util.Optional;

/**
 * Finds a unit's true best-efficiency manual setting by scanning frequency in 5 MHz steps and, for each, the
 * voltages around where its boards hash cleanly in the firmware's 10 mV steps, evaluating the settled state of each.
 */
final class BestPointSearch {

    private static final int FREQ_STEP_MHZ = 5;
    /** Scan from this far below the best board's stable voltage ... */
    private static final double SCAN_BELOW_VOLTS = 0.3;
    /** ... to this far above the worst board's. */
    private static final double SCAN_ABOVE_VOLTS = 0.6;
    private static final double STEPS_PER_VOLT = 100.0;

    private final ModelPhysics physics;
    private final SteadyState steadyState;

    BestPointSearch(ModelPhysics physics) {
        this.physics = physics;
        this.steadyState = new SteadyState(physics);
    }

    /** The lowest-J/TH point within the limits, empty when no setting meets them (e.g. every board failed). */
    Optional<OperatingPoint> search(double[] offsets, int[] chips, double ambientC, CoolingPolicy cooling,
                                    double dustGain, double airflowPerDuty, int restartTempC) {
        ModelParameters m = physics.spec().parameters();
        double maxChipTemp = restartTempC - physics.common().safeChipTempMarginC();
        double lowestOffset = Double.POSITIVE_INFINITY;
        double highestOffset = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < offsets.length; b++) {
            if (chips[b] > 0) {
                lowestOffset = Math.min(lowestOffset, offsets[b]);
                highestOffset = Math.max(highestOffset, offsets[b]);
            }
        }
        if (lowestOffset == Double.POSITIVE_INFINITY) {
            return Optional.empty();
        }
        OperatingPoint best = null;
        for (int freq = m.minFreqMhz(); freq <= m.maxFreqMhz(); freq += FREQ_STEP_MHZ) {
            int from = Math.max(m.minVoltage10mV(),
                    steps(physics.stableVolts(freq, lowestOffset) - SCAN_BELOW_VOLTS));
            int to = Math.min(m.maxVoltageStockPsu10mV(),
                    steps(physics.stableVolts(freq, highestOffset) + SCAN_ABOVE_VOLTS));
            for (int volt = from; volt <= to; volt++) {
                OperatingPoint point = steadyState.evaluate(freq, volt / STEPS_PER_VOLT, offsets, chips, ambientC,
                        cooling, dustGain, airflowPerDuty);
                boolean allowed = point.chipTempC() <= maxChipTemp && point.hashrate() > 0
                        && point.errorFraction() <= physics.common().maxTunableErrorFraction();
                if (allowed && (best == null || point.efficiencyJPerTh() < best.efficiencyJPerTh())) {
                    best = point;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    SteadyState steadyState() {
        return steadyState;
    }

    private static int steps(double volts) {
        return (int) Math.round(volts * STEPS_PER_VOLT);
    }
}
