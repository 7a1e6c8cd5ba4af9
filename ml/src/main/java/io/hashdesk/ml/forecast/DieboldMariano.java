package io.hashdesk.ml.forecast;

/**
 * The Diebold–Mariano test of equal forecast accuracy, one-sided: how likely a loss advantage this large would be if
 * the model were no better than the baseline. Week-ahead forecasts made every few hours overlap, so their errors are
 * strongly autocorrelated; the loss differential's variance is therefore estimated with Newey–West weights over the
 * overlap, which is what makes a "win" on a random walk look as unconvincing as it is.
 */
final class DieboldMariano {

    private DieboldMariano() {
    }

    /**
     * @param modelLoss    per forecast, in time order
     * @param baselineLoss per forecast, the same forecasts
     * @param overlapLags  forecasts whose windows overlap one another (horizon ÷ step − 1); 0 for none
     * @return the one-sided p-value of "the model's loss is lower"; 1 when there is nothing to compare
     */
    static double pValueModelBetter(double[] modelLoss, double[] baselineLoss, int overlapLags) {
        int n = modelLoss.length;
        if (n != baselineLoss.length) {
            throw new IllegalArgumentException("loss series differ in length: " + n + " and " + baselineLoss.length);
        }
        if (n < 2) {
            return 1;
        }
        double[] d = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            d[t] = modelLoss[t] - baselineLoss[t];
            mean += d[t];
        }
        mean /= n;
        int lags = Math.min(Math.max(0, overlapLags), n - 1);
        double variance = autocovariance(d, mean, 0);
        for (int k = 1; k <= lags; k++) {
            variance += 2 * (1 - k / (lags + 1.0)) * autocovariance(d, mean, k);
        }
        if (!(variance > 0)) {
            // the same difference at every forecast: certain either way
            return mean < 0 ? 0 : 1;
        }
        double statistic = mean / Math.sqrt(variance / n);
        return standardNormalCdf(statistic);
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double sum = 0;
        for (int t = lag; t < d.length; t++) {
            sum += (d[t] - mean) * (d[t - lag] - mean);
        }
        return sum / d.length;
    }

    /** Φ(x) through the complementary error function (Numerical Recipes' erfc, |error| < 1.2e-7). */
    static double standardNormalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
