package io.hashdesk.ml.thermal;

import io.hashdesk.ml.TrainingProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the parameter vector of {@link ThermalParameters#toVector()} to samples, and measures how well fits made this
 * way predict the future: the full fit, and the rolling-origin fits whose errors become a model's intervals.
 */
final class ThermalFit {

    private static final Logger LOG = LoggerFactory.getLogger(ThermalFit.class);

    private ThermalFit() {
    }

    /**
     * Least-squares fit inside {@link ThermalModel.Options#bounds()}, from the prior's mean, or without a prior from
     * {@link ThermalFitStart}.
     */
    static double[] solve(ThermalSamples data, ThermalPrior prior, ThermalModel.Options options,
                          TrainingProgress progress) {
        return solve(data, prior, options, progress, prior != null ? prior.mean() : ThermalFitStart.of(data, options));
    }

    private static double[] solve(ThermalSamples data, ThermalPrior prior, ThermalModel.Options options,
                                  TrainingProgress progress, double[] start) {
        ThermalBounds bounds = options.bounds();
        LevenbergMarquardt.Result result = LevenbergMarquardt.minimize(new LagResiduals(data, prior),
                bounds.clamp(start), bounds.lowerVector(), bounds.upperVector(), options.maxIterations(),
                options.tolerance(), progress);
        if (!result.converged()) {
            LOG.debug("Thermal fit stopped after {} iterations without converging", result.iterations());
        }
        return result.parameters();
    }

    /**
     * Prediction errors measured out of sample by rolling origin: the series is cut into
     * {@code calibrationBlocks} stretches in time order, and at each boundary a model is fitted on everything before
     * it and asked about the next {@code calibrationAheadBlocks} stretches, as a model is used for a while after it is
     * trained. The errors so include what held-out use will meet: settings changed to values the earlier fit never
     * saw, dust and fan wear drifting further the longer ago the fit, the room at other hours. A series
     * too short to spare any stretch falls back to the full fit's in-sample errors, and the result says so
     * ({@link PredictionErrors#calibrationOrigins()} = 0). Each origin's fit starts from the previous origin's, which
     * saw a part of the same earlier data (so nothing later leaks in) and is close to the optimum: fewer iterations.
     *
     * @param noiseC the full fit's one-step RMSE (at least {@code minNoiseC}), the floor of every error's scale
     */
    static PredictionErrors rollingOrigin(ThermalSamples data, ThermalPrior prior, double[] fullFit, double noiseC,
                                          ThermalModel.Options options, TrainingProgress progress) {
        int needed = prior == null ? options.minSamples() : options.minSamplesWithPrior();
        ErrorCollector errors = new ErrorCollector(options.errorHorizon().toNanos() / 1e9, noiseC);
        int blocks = options.calibrationBlocks();
        int origins = 0;
        double[] previous = null;
        for (int b = 1; b < blocks; b++) {
            int from = (int) ((long) data.size() * b / blocks);
            int to = (int) ((long) data.size() * Math.min(b + options.calibrationAheadBlocks(), blocks) / blocks);
            ThermalSamples before = data.slice(0, from);
            ThermalSamples next = data.slice(from, to);
            if (before.chainedCount() < needed || next.size() == 0) {
                continue;
            }
            previous = previous == null ? solve(before, prior, options, progress)
                    : solve(before, prior, options, progress, previous);
            errors.add(next, previous);
            origins++;
        }
        if (origins == 0) {
            LOG.debug("Thermal series of {} samples too short for rolling-origin calibration; intervals from"
                    + " in-sample errors", data.size());
            errors.add(data, fullFit);
        }
        return errors.build(options.intervalCoverage(), origins);
    }
}
