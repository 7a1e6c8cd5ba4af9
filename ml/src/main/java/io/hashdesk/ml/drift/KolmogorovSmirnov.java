package io.hashdesk.ml.drift;

import java.util.List;

/**
 * The two-sample Kolmogorov–Smirnov statistic between a feature's training distribution, as its stored quantiles,
 * and recent values; and its asymptotic p-value. The training CDF is the quantiles joined by straight lines, so it is
 * within one quantile step (0.01 for percentiles) of the training sample's own CDF.
 */
final class KolmogorovSmirnov {

    /** Terms of the Kolmogorov series: it converges long before this for any lambda where it is evaluated. */
    private static final int SERIES_TERMS = 100;
    /** Below this lambda the series converges too slowly to sum; the p-value there is 1 to many decimals. */
    private static final double SMALL_LAMBDA = 0.2;

    private KolmogorovSmirnov() {
    }

    /**
     * The largest gap between the training CDF and the recent values' empirical CDF. Between two recent values the
     * empirical CDF is flat and the training CDF rises, so the gap is largest at the ends of each such stretch: just
     * below a recent value and at it.
     */
    static double statistic(List<Double> trainingQuantiles, double[] recentSorted) {
        if (recentSorted.length == 0) {
            throw new IllegalArgumentException("KS needs recent values");
        }
        int m = recentSorted.length;
        double d = 0;
        int first = 0;
        while (first < m) {
            double x = recentSorted[first];
            int last = first;
            while (last + 1 < m && recentSorted[last + 1] == x) {
                last++;
            }
            double below = Math.abs((double) first / m - trainingCdfBelow(trainingQuantiles, x));
            double atOrBelow = Math.abs((double) (last + 1) / m - trainingCdf(trainingQuantiles, x));
            d = Math.max(d, Math.max(below, atOrBelow));
            first = last + 1;
        }
        return d;
    }

    /** P(training value <= x) from the quantiles joined by straight lines. */
    static double trainingCdf(List<Double> q, double x) {
        int last = q.size() - 1;
        if (x < q.getFirst()) {
            return 0;
        }
        if (x >= q.get(last)) {
            return 1;
        }
        int j = firstAbove(q, x) - 1;
        return (j + (x - q.get(j)) / (q.get(j + 1) - q.get(j))) / last;
    }

    /** P(training value < x): differs from {@link #trainingCdf} where quantiles repeat (a point mass at x). */
    static double trainingCdfBelow(List<Double> q, double x) {
        int last = q.size() - 1;
        if (x <= q.getFirst()) {
            return 0;
        }
        if (x > q.get(last)) {
            return 1;
        }
        int f = firstAtOrAbove(q, x);
        if (q.get(f) == x) {
            return (double) f / last;
        }
        return (f - 1 + (x - q.get(f - 1)) / (q.get(f) - q.get(f - 1))) / last;
    }

    /** Index of the first quantile above x, for q[0] <= x < q[last]. */
    private static int firstAbove(List<Double> q, double x) {
        int lo = 0;
        int hi = q.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (q.get(mid) <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Index of the first quantile at or above x, for q[0] < x <= q[last]. */
    private static int firstAtOrAbove(List<Double> q, double x) {
        int lo = 0;
        int hi = q.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (q.get(mid) < x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * The probability of a statistic at least {@code d} if both samples came from one distribution, by the Kolmogorov
     * distribution with Stephens' small-sample correction (Numerical Recipes, {@code probks}).
     */
    static double pValue(double d, long trainingCount, long recentCount) {
        double effective = (double) trainingCount * recentCount / (trainingCount + recentCount);
        double root = Math.sqrt(effective);
        double lambda = (root + 0.12 + 0.11 / root) * d;
        if (lambda < SMALL_LAMBDA) {
            return 1;
        }
        double sum = 0;
        double sign = 1;
        for (int k = 1; k <= SERIES_TERMS; k++) {
            sum += sign * Math.exp(-2.0 * k * k * lambda * lambda);
            sign = -sign;
        }
        return Math.clamp(2 * sum, 0.0, 1.0);
    }
}
