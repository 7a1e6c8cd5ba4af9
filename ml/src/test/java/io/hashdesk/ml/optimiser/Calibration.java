package io.hashdesk.ml.optimiser;

import io.hashdesk.ml.optimiser.EfficiencyCurve.Output;
import java.util.List;
import smile.stat.distribution.GaussianDistribution;
import smile.stat.distribution.TDistribution;

/**
 * How often what a probe measured fell inside the interval the proposal had forecast for it, at any nominal level:
 * as the optimiser now forecasts (measurement noise included, calibrated), and as it did before (the curve's latent
 * spread of the settled value alone, uncalibrated).
 */
final class Calibration {

    private Calibration() {
    }

    /**
     * Share of feasible-looking probes (error within the tuner's limit) whose measured J/TH lies inside the central
     * {@code level} interval the proposal forecast for it.
     *
     * @param calibrated true for the intervals proposals carry; false for the former latent-only, uncalibrated ones
     */
    static double coverage(List<OptimiserRun.Result> runs, double level, boolean calibrated) {
        return coverage(runs, level, calibrated, false);
    }

    /** As {@link #coverage(List, double, boolean)}, counting only intervals the curve claims as calibrated. */
    static double coverageOfCalibrated(List<OptimiserRun.Result> runs, double level) {
        return coverage(runs, level, true, true);
    }

    /** How many counted proposals came from a curve that could not calibrate (cold, fewer probes than needed). */
    static long uncalibrated(List<OptimiserRun.Result> runs) {
        return runs.stream().flatMap(r -> r.proposals().stream()).filter(p -> !p.expected().calibrated()).count();
    }

    private static double coverage(List<OptimiserRun.Result> runs, double level, boolean calibrated,
                                   boolean onlyCalibrated) {
        double normalZ = GaussianDistribution.getInstance().quantile(0.5 + level / 2);
        int inside = 0;
        int counted = 0;
        for (OptimiserRun.Result run : runs) {
            List<Probe> probes = run.history().probes();
            for (int i = 0; i < run.proposals().size(); i++) {
                Probe measured = probes.get(i + 1);
                boolean claimed = run.proposals().get(i).expected().calibrated();
                if (measured.hasEfficiency() && measured.errorFraction() <= OptimiserRun.MAX_TRUE_ERROR_FRACTION
                        && (claimed || !onlyCalibrated)) {
                    counted++;
                    Interval forecast = run.proposals().get(i).expected().efficiencyJPerTh();
                    EfficiencyCurve curve = run.proposalCurves().get(i);
                    double halfWidth = calibrated ? forecast.sd() * measurementZ(curve, level)
                            : latentSd(curve, run.proposals().get(i).setting()) * normalZ;
                    if (Math.abs(measured.efficiencyJPerTh() - forecast.mean()) <= halfWidth) {
                        inside++;
                    }
                }
            }
        }
        return counted > 0 ? (double) inside / counted : Double.NaN;
    }

    /** The Student-t quantile the curve's J/TH intervals use, at any level. */
    private static double measurementZ(EfficiencyCurve curve, double level) {
        IntervalCalibration c = curve.state().calibration().get(Output.EFFICIENCY);
        return new TDistribution(c.degreesOfFreedom()).quantile(0.5 + level / 2);
    }

    /** The spread intervals had before: the settled value's latent spread with the calibration taken back out. */
    private static double latentSd(EfficiencyCurve curve, Setting setting) {
        return curve.forecast(setting).sd(Output.EFFICIENCY) / Math.sqrt(curve.varianceInflation(Output.EFFICIENCY));
    }
}
