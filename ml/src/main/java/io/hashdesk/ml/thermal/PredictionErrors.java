package io.hashdesk.ml.thermal;

import java.util.Arrays;

/**
 * How far a thermal model's predictions fell from data it had not been fitted on, as quantiles of
 * (actual − predicted) ÷ scale, where scale is the predicted rise over the room plus {@code noiseC} (plus, for a
 * prediction from a known temperature, the size of the move predicted): a model that is a few per cent off in
 * resistance is off in proportion to how hot it says the chips run, so an interval for a hotter setting than any seen
 * is wider; the lag is least certain right after a big change; and {@code noiseC} keeps the interval from vanishing
 * when the chips idle near room temperature. Quantiles are kept per number of steps ahead after a known temperature
 * (the lag's horizon) and for the steady state alone (beyond the last measured horizon). Intervals come from these,
 * never from a constant.
 *
 * @param horizonSeconds      median time ahead of each measured step, ascending
 * @param lower               per step, the lower quantile of error ÷ scale
 * @param upper               per step, the upper quantile
 * @param steadyLower         the lower quantile for the steady state
 * @param steadyUpper         the upper quantile
 * @param noiseC              added to the predicted rise over the room to make the scale, °C (the fit's one-step RMSE)
 * @param coverage            share of the errors between the quantiles (0.9 = 5th to 95th percentile)
 * @param calibrationOrigins  how many rolling origins the errors came from; 0 when the series was too short for any
 *                            and they are the full fit's in-sample errors, which are too narrow
 * @param oneStepRmseC        RMSE of the one-step (next sample) predictions among those errors, °C: out of sample
 *                            when {@code calibrationOrigins > 0}; what the registry judges a thermal model on
 * @param oneStepCount        how many one-step predictions that RMSE is over
 */
public record PredictionErrors(double[] horizonSeconds, double[] lower, double[] upper, double steadyLower,
                               double steadyUpper, double noiseC, double coverage, int calibrationOrigins,
                               double oneStepRmseC, int oneStepCount) {

    public PredictionErrors {
        horizonSeconds = horizonSeconds.clone();
        lower = lower.clone();
        upper = upper.clone();
        if (lower.length != horizonSeconds.length || upper.length != horizonSeconds.length) {
            throw new IllegalArgumentException("need one lower and one upper quantile per horizon, got "
                    + horizonSeconds.length + " horizons, " + lower.length + " lower, " + upper.length + " upper");
        }
        for (int j = 0; j < horizonSeconds.length; j++) {
            if (!(lower[j] <= upper[j]) || (j > 0 && !(horizonSeconds[j] > horizonSeconds[j - 1]))) {
                throw new IllegalArgumentException("horizon " + j + " (" + horizonSeconds[j] + " s) is out of order"
                        + " or has lower quantile " + lower[j] + " above upper " + upper[j]);
            }
        }
        if (!(steadyLower <= steadyUpper) || !(noiseC >= 0) || !(coverage > 0 && coverage < 1)
                || calibrationOrigins < 0 || !(oneStepRmseC >= 0) || oneStepCount < 0) {
            throw new IllegalArgumentException("steady quantiles " + steadyLower + ".." + steadyUpper + ", noise "
                    + noiseC + " °C, coverage " + coverage + " or origins " + calibrationOrigins + " out of range");
        }
    }

    @Override
    public double[] horizonSeconds() {
        return horizonSeconds.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /**
     * The prediction {@code seconds} ahead of {@code currentC} with its interval; a prediction past every measured
     * horizon is steady. The move predicted adds to the scale: the lag is least certain right after a big change.
     */
    TemperaturePrediction around(double predictedC, double ambientC, double currentC, double seconds) {
        int last = horizonSeconds.length - 1;
        if (last < 0 || seconds > horizonSeconds[last]) {
            return steady(predictedC, ambientC);
        }
        double lo;
        double hi;
        if (seconds <= horizonSeconds[0]) {
            lo = lower[0];
            hi = upper[0];
        } else {
            int j = 1;
            while (horizonSeconds[j] < seconds) {
                j++;
            }
            double f = (seconds - horizonSeconds[j - 1]) / (horizonSeconds[j] - horizonSeconds[j - 1]);
            lo = lower[j - 1] + f * (lower[j] - lower[j - 1]);
            hi = upper[j - 1] + f * (upper[j] - upper[j - 1]);
        }
        return interval(predictedC, ambientC, noiseC + Math.abs(predictedC - currentC), lo, hi);
    }

    TemperaturePrediction steady(double predictedC, double ambientC) {
        return interval(predictedC, ambientC, noiseC, steadyLower, steadyUpper);
    }

    private TemperaturePrediction interval(double predictedC, double ambientC, double floorC, double lo, double hi) {
        double scale = scale(predictedC, ambientC, floorC);
        // A biased fit can put both quantiles on one side; the interval still contains its own prediction.
        return new TemperaturePrediction(predictedC, predictedC + Math.min(lo, 0) * scale,
                predictedC + Math.max(hi, 0) * scale, coverage);
    }

    /** What an error is divided by: the predicted rise over the room plus a floor (noise, and the move predicted). */
    static double scale(double predictedC, double ambientC, double floorC) {
        return Math.abs(predictedC - ambientC) + floorC;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PredictionErrors e && Arrays.equals(horizonSeconds, e.horizonSeconds)
                && Arrays.equals(lower, e.lower) && Arrays.equals(upper, e.upper)
                && Double.compare(steadyLower, e.steadyLower) == 0 && Double.compare(steadyUpper, e.steadyUpper) == 0
                && Double.compare(noiseC, e.noiseC) == 0 && Double.compare(coverage, e.coverage) == 0
                && calibrationOrigins == e.calibrationOrigins && Double.compare(oneStepRmseC, e.oneStepRmseC) == 0
                && oneStepCount == e.oneStepCount;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(horizonSeconds) + Arrays.hashCode(lower) + 7 * Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "PredictionErrors[horizonSeconds=" + Arrays.toString(horizonSeconds) + ", lower="
                + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ", steady=" + steadyLower + ".."
                + steadyUpper + ", noiseC=" + noiseC + ", coverage=" + coverage + ", calibrationOrigins="
                + calibrationOrigins + ", oneStepRmseC=" + oneStepRmseC + " over " + oneStepCount + "]";
    }
}
