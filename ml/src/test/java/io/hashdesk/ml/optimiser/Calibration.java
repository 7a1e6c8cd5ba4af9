package io.hashdesk.ml.optimiser;

import java.util.List;

/** How often what a probe measured fell inside the interval the proposal had forecast for it. */
final class Calibration {

    private Calibration() {
    }

    /**
     * Share of feasible-looking probes (error within the efficiency fit) whose measured J/TH lies inside the
     * proposal's J/TH interval; the forecast is of the settled value, the measurement adds its own noise.
     */
    static double coverage(List<OptimiserRun.Result> runs) {
        int inside = 0;
        int counted = 0;
        for (OptimiserRun.Result run : runs) {
            List<Probe> probes = run.history().probes();
            for (int i = 0; i < run.proposals().size(); i++) {
                Probe measured = probes.get(i + 1);
                Interval forecast = run.proposals().get(i).expected().efficiencyJPerTh();
                if (measured.hashing() && measured.errorFraction() <= OptimiserRun.MAX_TRUE_ERROR_FRACTION) {
                    counted++;
                    double value = measured.efficiencyJPerTh();
                    if (value >= forecast.low() && value <= forecast.high()) {
                        inside++;
                    }
                }
            }
        }
        return counted > 0 ? (double) inside / counted : Double.NaN;
    }
}
