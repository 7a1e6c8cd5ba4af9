package io.hashdesk.ml.thermal;

/**
 * The baseline a thermal model must beat: chip temperature as a straight-line function of room temperature, wall
 * power and fan duty, fitted by ordinary least squares on the same training samples (normal equations, 4×4).
 */
final class LinearBaseline {

    private final double[] beta;

    private LinearBaseline(double[] beta) {
        this.beta = beta;
    }

    static LinearBaseline fit(ThermalSamples s) {
        int p = 4;
        double[][] a = new double[p][p + 1];
        for (int k = 0; k < s.size(); k++) {
            double[] x = features(s, k);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][p] += x[i] * s.chipTempC[k];
            }
        }
        // Gauss–Jordan with partial pivoting on the augmented normal equations.
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= p; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] beta = new double[p];
        for (int i = 0; i < p; i++) {
            beta[i] = a[i][p] / a[i][i];
        }
        return new LinearBaseline(beta);
    }

    double predict(ThermalSamples s, int k) {
        double[] x = features(s, k);
        double y = 0;
        for (int i = 0; i < x.length; i++) {
            y += beta[i] * x[i];
        }
        return y;
    }

    private static double[] features(ThermalSamples s, int k) {
        return new double[]{1, s.ambientC[k], s.powerWatts[k], s.fanPercent[k]};
    }
}
