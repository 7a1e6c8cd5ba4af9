package io.hashdesk.ml.anomaly;

import io.hashdesk.ml.features.Feature;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The transform and spread of each detector feature: log-scaling of heavy-tailed ones, and per feature the median and
 * robust spread (1.4826 × MAD, never below the option's minimum scale) over the training rows. Spreads are positive by
 * construction, so z-scores never divide by zero.
 */
final class RobustScale implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** MAD × this estimates the standard deviation of a normal distribution. */
    private static final double MAD_TO_SD = 1.4826;

    private final boolean[] log;
    private final double[] minScale;
    private final double[] median;
    private final double[] scale;

    private RobustScale(boolean[] log, double[] minScale, double[] median, double[] scale) {
        this.log = log;
        this.minScale = minScale;
        this.median = median;
        this.scale = scale;
    }

    /** From transformed training rows; NaN values are left out, an all-NaN column gets median 0 and minimum scale. */
    static RobustScale fit(List<double[]> rawRows, AnomalyOptions options) {
        int d = options.features().size();
        boolean[] log = new boolean[d];
        double[] minScale = new double[d];
        for (int f = 0; f < d; f++) {
            Feature feature = options.features().get(f);
            log[f] = options.logScaled().contains(feature);
            minScale[f] = options.minScales().get(feature);
        }
        RobustScale partial = new RobustScale(log, minScale, new double[d], new double[d]);
        double[] median = new double[d];
        double[] scale = new double[d];
        for (int f = 0; f < d; f++) {
            int column = f;
            double[] xs = rawRows.stream().mapToDouble(r -> partial.transform(column, r[column]))
                    .filter(Double::isFinite).toArray();
            median[f] = xs.length == 0 ? 0 : median(xs);
            scale[f] = Math.max(minScale[f], xs.length == 0 ? 0 : MAD_TO_SD * mad(xs, median[f]));
        }
        return new RobustScale(log, minScale, median, scale);
    }

    double transform(int f, double x) {
        return log[f] ? Math.signum(x) * Math.log1p(Math.abs(x)) : x;
    }

    double median(int f) {
        return median[f];
    }

    double scale(int f) {
        return scale[f];
    }

    /** A group's spread, never below the training spread: a quiet room must not turn noise into alarms. */
    double spread(int f, double groupMad) {
        return Math.max(scale[f], Math.max(minScale[f], MAD_TO_SD * groupMad));
    }

    static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double mad(double[] xs, double center) {
        double[] deviations = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            deviations[i] = Math.abs(xs[i] - center);
        }
        return median(deviations);
    }
}
