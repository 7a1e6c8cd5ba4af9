package io.hashdesk.ml.optimiser;

import java.util.Arrays;

/**
 * Cholesky factor of a small symmetric positive-definite matrix, in plain Java: the Gaussian processes here hold at
 * most a few hundred points, and no native BLAS/LAPACK is available to Smile on the machines Hashdesk runs on.
 *
 * <p>Matrices are lower triangles packed column by column ({@link #packedIndex}): column j holds rows j..n−1 in one
 * run. Factoring, forward solves and the inverse's diagonal then work column-wise as "subtract a multiple of one run
 * from another", loops the JIT turns into vector instructions, where the row-wise dot products they replace are
 * bound by the latency of one long chain of additions.
 */
final class Cholesky {

    private final int n;
    private final double[] lower;

    private Cholesky(int n, double[] lower) {
        this.n = n;
        this.lower = lower;
    }

    /** Where element (row, column), row ≥ column, of an n × n lower triangle sits in its column-packed array. */
    static int packedIndex(int n, int row, int column) {
        return columnStart(n, column) + row - column;
    }

    /** Length of the column-packed array of an n × n lower triangle. */
    static int packedLength(int n) {
        return n * (n + 1) / 2;
    }

    private static int columnStart(int n, int column) {
        return column * n - column * (column - 1) / 2;
    }

    /**
     * Factors {@code a} (only its lower triangle is read).
     *
     * @throws ArithmeticException when {@code a} is not positive definite (a pivot is not above zero)
     */
    static Cholesky of(double[][] a) {
        int n = a.length;
        double[] packed = new double[packedLength(n)];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                packed[packedIndex(n, i, j)] = a[i][j];
            }
        }
        return ofPacked(n, packed);
    }

    /**
     * Factors the column-packed lower triangle {@code packed} of an n × n matrix in place (the array becomes the
     * factor's; the caller must not use it afterwards).
     *
     * @throws ArithmeticException when the matrix is not positive definite (a pivot is not above zero)
     */
    static Cholesky ofPacked(int n, double[] packed) {
        for (int j = 0; j < n; j++) {
            int column = columnStart(n, j);
            double pivot = packed[column];
            if (!(pivot > 0)) {
                throw new ArithmeticException("matrix is not positive definite at row " + j);
            }
            double diagonal = Math.sqrt(pivot);
            packed[column] = diagonal;
            int length = n - j;
            for (int r = 1; r < length; r++) {
                packed[column + r] /= diagonal;
            }
            // right-looking update: every later column k loses L[k..n, j] · L[k, j]
            for (int k = j + 1; k < n; k++) {
                double factor = packed[column + k - j];
                int target = columnStart(n, k);
                int source = column + k - j;
                int count = n - k;
                for (int r = 0; r < count; r++) {
                    packed[target + r] -= packed[source + r] * factor;
                }
            }
        }
        return new Cholesky(n, packed);
    }

    int size() {
        return n;
    }

    /** Solves L·v = b. */
    double[] forward(double[] b) {
        double[] v = b.clone();
        for (int j = 0; j < n; j++) {
            int column = columnStart(n, j);
            double value = v[j] / lower[column];
            v[j] = value;
            for (int r = 1; r < n - j; r++) {
                v[j + r] -= lower[column + r] * value;
            }
        }
        return v;
    }

    /** Solves Lᵀ·x = v. */
    double[] backward(double[] v) {
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            int column = columnStart(n, i);
            double sum = v[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[column + k - i] * x[k];
            }
            x[i] = sum / lower[column];
        }
        return x;
    }

    /** Solves A·x = b. */
    double[] solve(double[] b) {
        return backward(forward(b));
    }

    /**
     * The diagonal of A⁻¹: [A⁻¹]ᵢᵢ = |L⁻¹eᵢ|², where L⁻¹eᵢ is non-zero only from row i down, so each costs a forward
     * solve of the trailing n − i rows.
     */
    double[] inverseDiagonal() {
        double[] diagonal = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(v, i, n, 0);
            v[i] = 1;
            double squares = 0;
            for (int j = i; j < n; j++) {
                int column = columnStart(n, j);
                double value = v[j] / lower[column];
                squares += value * value;
                for (int r = 1; r < n - j; r++) {
                    v[j + r] -= lower[column + r] * value;
                }
            }
            diagonal[i] = squares;
        }
        return diagonal;
    }

    /** ln det A = 2 Σ ln Lᵢᵢ. */
    double logDeterminant() {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.log(lower[columnStart(n, j)]);
        }
        return 2 * sum;
    }
}
