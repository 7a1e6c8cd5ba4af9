package io.hashdesk.ml.optimiser;

import io.hashdesk.core.settings.JsonSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Hyper-parameters of the efficiency curve and the optimiser. Defaults live in {@code optimiser-defaults.json} beside
 * this class; an operator's file overrides any subset of them.
 *
 * @param candidateFreqStepMhz          spacing of candidate frequencies, rounded up to a multiple of the firmware's
 *                                      step
 * @param candidateVoltsStep            spacing of candidate voltages, rounded up to a multiple of the firmware's step:
 *                                      J/TH moves most with voltage, so this is finer than the frequency spacing
 * @param errorFloorFraction            error rates below this are all "clean": the error model works on
 *                                      ln(max(error, floor)) so that its attention stays near the error limit
 * @param efficiencyFitMaxErrorFraction probes erring more than this do not teach the efficiency surface: their
 *                                      figures are dominated by errors, where no setting is acceptable anyway
 * @param chipTempMarginC               default operator limit: this far below the model's safe chip temperature
 * @param defaultMaxErrorFraction       default operator limit on hardware errors (the firmware tuner's own limit)
 * @param minProbabilityBelowSafeChipTemp a candidate is never proposed unless the curve gives at least this
 *                                      probability that its chips stay under the model's safe temperature
 * @param intervalLevel                 central probability of forecast intervals (0.9 = 5th to 95th percentile)
 * @param improvementMargin             expected improvement counts only beyond this share of the incumbent's
 *                                      value, so that settings within measurement noise of it are not chased
 * @param maxModelProbes                most probes a per-model prior is fitted on, dealt round-robin over the units
 *                                      (each one's newest first), which bounds its cost
 * @param maxModelUnits                 most units of a model whose history a per-model curve is trained and scored
 *                                      on, spread evenly over the model's units: a large farm's curve needs a sample
 *                                      of units, not every one of them (reading them was most of its training time)
 * @param heldOutFolds                  most groups the units a per-model curve was fitted on are split into for its
 *                                      held-out score, each refitted without (the cost of scoring is that many fits
 *                                      of the J/TH process); at least 2
 * @param gp                            the Gaussian processes' hyper-parameter search
 * @param scaleFloors                   smallest output scale each Gaussian process standardises by (the
 *                                      measurement's resolution), so a flat output never divides by zero
 * @param calibration                   how forecast intervals are calibrated on a curve's own probes
 */
public record OptimiserOptions(int candidateFreqStepMhz, double candidateVoltsStep, double errorFloorFraction,
                               double efficiencyFitMaxErrorFraction, double chipTempMarginC,
                               double defaultMaxErrorFraction, double minProbabilityBelowSafeChipTemp,
                               double intervalLevel, double improvementMargin, int maxModelProbes,
                               int maxModelUnits, int heldOutFolds, GpSearch gp, ScaleFloors scaleFloors, Calibration calibration) {

    private static final String DEFAULTS = "optimiser-defaults.json";

    public OptimiserOptions {
        require(candidateFreqStepMhz >= 1, "candidateFreqStepMhz must be at least 1, got " + candidateFreqStepMhz);
        require(candidateVoltsStep > 0, "candidateVoltsStep must be above 0, got " + candidateVoltsStep);
        require(errorFloorFraction > 0 && errorFloorFraction < 1, "errorFloorFraction must be within (0, 1), got "
                + errorFloorFraction);
        require(efficiencyFitMaxErrorFraction > 0 && efficiencyFitMaxErrorFraction <= 1,
                "efficiencyFitMaxErrorFraction must be within (0, 1], got " + efficiencyFitMaxErrorFraction);
        require(chipTempMarginC >= 0, "chipTempMarginC must be 0 or more, got " + chipTempMarginC);
        require(defaultMaxErrorFraction > errorFloorFraction && defaultMaxErrorFraction < 1,
                "defaultMaxErrorFraction must be above errorFloorFraction and below 1, got " + defaultMaxErrorFraction);
        require(minProbabilityBelowSafeChipTemp > 0 && minProbabilityBelowSafeChipTemp < 1,
                "minProbabilityBelowSafeChipTemp must be within (0, 1), got " + minProbabilityBelowSafeChipTemp);
        require(intervalLevel > 0 && intervalLevel < 1, "intervalLevel must be within (0, 1), got " + intervalLevel);
        require(improvementMargin >= 0 && improvementMargin < 1, "improvementMargin must be within [0, 1), got "
                + improvementMargin);
        require(maxModelProbes >= 1, "maxModelProbes must be at least 1, got " + maxModelProbes);
        require(maxModelUnits >= 2, "maxModelUnits must be at least 2 (one held out, one fitted on), got "
                + maxModelUnits);
        require(heldOutFolds >= 2, "heldOutFolds must be at least 2 (one group held out, one fitted on), got "
                + heldOutFolds);
        Objects.requireNonNull(gp, "gp");
        Objects.requireNonNull(scaleFloors, "scaleFloors");
        Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * Bounds and effort of the hyper-parameter search that maximises each Gaussian process's log marginal
     * likelihood. Inputs are normalised to the unit square of the candidate envelope; outputs are standardised.
     *
     * @param gridPoints         log-spaced values tried per hyper-parameter in each sweep
     * @param sweeps             coordinate-search sweeps over all hyper-parameters
     * @param minProbesForSearch below this many probes the start values are kept: a likelihood over one or two
     *                           points says nothing about length scales
     */
    public record GpSearch(double lengthscaleMin, double lengthscaleMax, double lengthscaleStart,
                           double maternVarianceMin, double maternVarianceMax, double maternVarianceStart,
                           double linearVarianceMin, double linearVarianceMax, double linearVarianceStart,
                           double noiseVarianceMin, double noiseVarianceMax, double noiseVarianceStart,
                           int gridPoints, int sweeps, int minProbesForSearch) {

        public GpSearch {
            range("lengthscale", lengthscaleMin, lengthscaleStart, lengthscaleMax);
            range("maternVariance", maternVarianceMin, maternVarianceStart, maternVarianceMax);
            range("linearVariance", linearVarianceMin, linearVarianceStart, linearVarianceMax);
            range("noiseVariance", noiseVarianceMin, noiseVarianceStart, noiseVarianceMax);
            require(gridPoints >= 2, "gp.gridPoints must be at least 2, got " + gridPoints);
            require(sweeps >= 1, "gp.sweeps must be at least 1, got " + sweeps);
            require(minProbesForSearch >= 2, "gp.minProbesForSearch must be at least 2, got " + minProbesForSearch);
        }

        private static void range(String name, double min, double start, double max) {
            require(min > 0 && min <= start && start <= max && Double.isFinite(max), "gp." + name
                    + " needs 0 < " + name + "Min ≤ " + name + "Start ≤ " + name + "Max, got " + min + ", " + start
                    + ", " + max);
        }
    }

    /**
     * Smallest standardising scale per output: relative to the output's mean for hashrate, power and efficiency,
     * absolute for chip temperature (°C) and for the natural log of the error fraction. Each is also the least
     * measurement noise its process assumes: a settled reading repeats no better than this (J/TH: hashrate averaged
     * over minutes still jitters by some 0.5 %).
     */
    public record ScaleFloors(double hashrateFraction, double powerFraction, double efficiencyFraction,
                              double chipTempC, double logError) {

        public ScaleFloors {
            require(hashrateFraction > 0 && powerFraction > 0 && efficiencyFraction > 0 && chipTempC > 0
                    && logError > 0, "every scaleFloors value must be above 0");
        }
    }

    /**
     * How each output's predictive variance is scaled so that its intervals hold what they claim. Hyper-parameters
     * chosen by maximum likelihood and then treated as known make a Gaussian process over-confident; the
     * leave-one-out residuals of its own probes, each divided by its held-out predictive spread, show by how much
     * (they should have unit variance). The factor is the mean of their squares, shrunk towards 1 (the process as
     * fitted) by {@code priorWeightProbes} pseudo-probes so that a handful of probes cannot swing it far: the
     * posterior mean of an inverse-gamma variance scale. The same count, pseudo-probes plus residuals, is the
     * degrees of freedom of the Student-t that measurement intervals then use.
     *
     * @param priorWeightProbes how many probes' worth of weight the fitted process's own variance keeps
     * @param minProbes         below this many probes no residual counts (factor 1, {@code priorWeightProbes}
     *                          degrees of freedom): one or two leave-one-out residuals say nothing
     */
    public record Calibration(int priorWeightProbes, int minProbes) {

        public Calibration {
            // at least 1, so that residuals that all happen to be 0 cannot scale a variance to nothing
            require(priorWeightProbes >= 1, "calibration.priorWeightProbes must be at least 1, got "
                    + priorWeightProbes);
            require(minProbes >= 2, "calibration.minProbes must be at least 2, got " + minProbes);
        }

        /** The calibration from a process's standardised leave-one-out residuals. */
        IntervalCalibration of(double[] leaveOneOutZ) {
            if (leaveOneOutZ.length < minProbes) {
                return new IntervalCalibration(1, priorWeightProbes);
            }
            double squares = 0;
            for (double z : leaveOneOutZ) {
                squares += z * z;
            }
            int count = priorWeightProbes + leaveOneOutZ.length;
            return new IntervalCalibration((priorWeightProbes + squares) / count, count);
        }
    }

    public static OptimiserOptions defaults() {
        return JsonSettings.defaults(OptimiserOptions.class, DEFAULTS);
    }

    public static OptimiserOptions withOverrides(Path overridesFile) {
        return JsonSettings.withOverrides(OptimiserOptions.class, DEFAULTS, overridesFile);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("optimiser options: " + message);
        }
    }
}
