package io.hashdesk.ml.optimiser;

/**
 * Cholesky factor of a small symmetric positive-definite matrix, in plain Java: the Gaussian processes here hold at
 * most a few hundred points, and no native BLAS/LAPACK is available to Smile on the machines Hashdesk runs on.
 */
final class Cholesky {

    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /**
     * Factors {@code a} (only its lower triangle is read).
     *
     * @throws ArithmeticException when {@code a} is not positive definite (a pivot is not above zero)
     */
    static Cholesky of(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new ArithmeticException("matrix is not positive definite at row " + i);
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    int size() {
        return lower.length;
    }

    /** Solves L·v = b. */
    double[] forward(double[] b) {
        int n = lower.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            double[] row = lower[i];
            for (int k = 0; k < i; k++) {
                sum -= row[k] * v[k];
            }
            v[i] = sum / row[i];
        }
        return v;
    }

    /** Solves Lᵀ·x = v. */
    double[] backward(double[] v) {
        int n = lower.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = v[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k][i] * x[k];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }

    /** Solves A·x = b. */
    double[] solve(double[] b) {
        return backward(forward(b));
    }

    /** ln det A = 2 Σ ln Lᵢᵢ. */
    double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < lower.length; i++) {
            sum += Math.log(lower[i][i]);
        }
        return 2 * sum;
    }
}
