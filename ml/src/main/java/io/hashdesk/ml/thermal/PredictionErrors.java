package io.hashdesk.ml.thermal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far the fitted model's predictions fell from the training data, by how far ahead they looked: for each
 * number of steps ahead within a chain, the lower and upper quantile of (actual − predicted) when predicting a
 * sample from an earlier one with the later sample's inputs, and the same for the steady state alone (horizons
 * beyond the measured ones, where the lag has died out). Intervals come from these, never from a constant.
 */
final class PredictionErrors {

    private final double[] horizonSeconds;
    private final double[] lower;
    private final double[] upper;
    private final double steadyLower;
    private final double steadyUpper;
    private final double coverage;

    private PredictionErrors(double[] horizonSeconds, double[] lower, double[] upper, double steadyLower,
                             double steadyUpper, double coverage) {
        this.horizonSeconds = horizonSeconds;
        this.lower = lower;
        this.upper = upper;
        this.steadyLower = steadyLower;
        this.steadyUpper = steadyUpper;
        this.coverage = coverage;
    }

    static PredictionErrors measure(ThermalSamples s, double[] theta, Duration horizon, double coverage) {
        ThermalParameters p = ThermalParameters.fromVector(theta);
        double maxSeconds = horizon.toNanos() / 1e9;
        List<List<Double>> errorsByStep = new ArrayList<>();
        List<List<Double>> secondsByStep = new ArrayList<>();
        List<Double> steady = new ArrayList<>(s.size());
        for (int k = 0; k < s.size(); k++) {
            steady.add(s.chipTempC[k] - steadyState(s, theta, k));
            for (int j = 1; k + j < s.size() && s.chained[k + j]; j++) {
                int target = k + j;
                double ahead = s.seconds[target] - s.seconds[k];
                if (ahead > maxSeconds) {
                    break;
                }
                double tss = steadyState(s, theta, target);
                double predicted = tss + (s.chipTempC[k] - tss) * p.remainingAfter(ahead);
                while (errorsByStep.size() < j) {
                    errorsByStep.add(new ArrayList<>());
                    secondsByStep.add(new ArrayList<>());
                }
                errorsByStep.get(j - 1).add(s.chipTempC[target] - predicted);
                secondsByStep.get(j - 1).add(ahead);
            }
        }
        int steps = errorsByStep.size();
        double[] seconds = new double[steps];
        double[] lo = new double[steps];
        double[] hi = new double[steps];
        double tail = (1 - coverage) / 2;
        for (int j = 0; j < steps; j++) {
            seconds[j] = ThermalSamples.median(secondsByStep.get(j));
            lo[j] = quantile(errorsByStep.get(j), tail);
            hi[j] = quantile(errorsByStep.get(j), 1 - tail);
        }
        return new PredictionErrors(seconds, lo, hi, quantile(steady, tail), quantile(steady, 1 - tail), coverage);
    }

    private static double steadyState(ThermalSamples s, double[] theta, int k) {
        return ThermalParameters.steadyStateC(theta, s.ambientC[k], s.powerWatts[k], s.airflow[k]);
    }

    /** The prediction {@code after} ahead with its interval; a prediction past every measured horizon is steady. */
    TemperaturePrediction around(double predictedC, Duration after) {
        double seconds = after.toNanos() / 1e9;
        double lo;
        double hi;
        if (horizonSeconds.length == 0 || seconds > horizonSeconds[horizonSeconds.length - 1]) {
            lo = steadyLower;
            hi = steadyUpper;
        } else if (seconds <= horizonSeconds[0]) {
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
        // A biased fit can put both quantiles on one side; the interval still contains its own prediction.
        return new TemperaturePrediction(predictedC, predictedC + Math.min(lo, 0), predictedC + Math.max(hi, 0),
                coverage);
    }

    TemperaturePrediction steady(double predictedC) {
        return new TemperaturePrediction(predictedC, predictedC + Math.min(steadyLower, 0),
                predictedC + Math.max(steadyUpper, 0), coverage);
    }

    static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
