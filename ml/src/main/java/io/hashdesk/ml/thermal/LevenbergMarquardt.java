package io.hashdesk.ml.thermal;

import io.hashdesk.ml.TrainingProgress;

/**
 * Nonlinear least squares for a handful of parameters (Levenberg–Marquardt with Marquardt's diagonal scaling and the
 * problem's own analytic Jacobian), in plain Java because no native BLAS is available to Smile's matrix code here.
 */
final class LevenbergMarquardt {

    private static final double INITIAL_DAMPING = 1e-3;
    private static final double DAMPING_UP = 10;
    private static final double DAMPING_DOWN = 0.3;
    private static final double MAX_DAMPING = 1e12;

    /** The residual vector of a least-squares problem; its sum of squares is what is minimised. */
    interface Residuals {
        int count();

        void evaluate(double[] parameters, double[] out);

        /**
         * Writes ∂ residual {@code i} / ∂ parameter {@code a} into {@code out[i][a]}. Analytic: finite differences
         * cost a residual pass per parameter and made fits several times slower.
         */
        void jacobian(double[] parameters, double[][] out);
    }

    record Result(double[] parameters, double sumOfSquares, int iterations, boolean converged) {
    }

    private LevenbergMarquardt() {
    }

    /**
     * @param tolerance stops when a step improves the sum of squares by less than this fraction of it
     */
    static Result minimize(Residuals f, double[] start, int maxIterations, double tolerance,
                           TrainingProgress progress) {
        int n = start.length;
        int m = f.count();
        double[] theta = start.clone();
        double[] r = new double[m];
        f.evaluate(theta, r);
        double cost = sumOfSquares(r);
        if (!Double.isFinite(cost)) {
            throw new IllegalArgumentException("the starting point gives non-finite residuals");
        }
        double[][] jacobian = new double[m][n];
        double[] trial = new double[n];
        double[] rTrial = new double[m];
        double damping = INITIAL_DAMPING;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            progress.checkCancelled();
            f.jacobian(theta, jacobian);
            double[][] normal = new double[n][n];
            double[] gradient = new double[n];
            for (int i = 0; i < m; i++) {
                double[] row = jacobian[i];
                for (int a = 0; a < n; a++) {
                    gradient[a] += row[a] * r[i];
                    for (int b = 0; b <= a; b++) {
                        normal[a][b] += row[a] * row[b];
                    }
                }
            }
            boolean improved = false;
            while (damping < MAX_DAMPING) {
                double[] step = solveDamped(normal, gradient, damping);
                if (step != null) {
                    for (int a = 0; a < n; a++) {
                        trial[a] = theta[a] - step[a];
                    }
                    f.evaluate(trial, rTrial);
                    double trialCost = sumOfSquares(rTrial);
                    if (Double.isFinite(trialCost) && trialCost < cost) {
                        double gain = (cost - trialCost) / Math.max(cost, Double.MIN_NORMAL);
                        System.arraycopy(trial, 0, theta, 0, n);
                        System.arraycopy(rTrial, 0, r, 0, m);
                        cost = trialCost;
                        damping = Math.max(damping * DAMPING_DOWN, 1e-12);
                        improved = true;
                        if (gain < tolerance) {
                            return new Result(theta, cost, iteration, true);
                        }
                        break;
                    }
                }
                damping *= DAMPING_UP;
            }
            if (!improved) {
                // No damped step lowers the cost: the gradient vanishes here, which is the minimum we can reach.
                return new Result(theta, cost, iteration, true);
            }
        }
        return new Result(theta, cost, maxIterations, false);
    }

    /**
     * Solves (JᵀJ + λ·diag(JᵀJ)) δ = Jᵀr by Cholesky; null when the damped matrix is not positive definite.
     */
    private static double[] solveDamped(double[][] normal, double[] gradient, double damping) {
        int n = gradient.length;
        double[][] l = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = normal[a][b] + (a == b ? damping * Math.max(normal[a][a], 1e-12) : 0);
                for (int k = 0; k < b; k++) {
                    sum -= l[a][k] * l[b][k];
                }
                if (a == b) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[a][a] = Math.sqrt(sum);
                } else {
                    l[a][b] = sum / l[b][b];
                }
            }
        }
        double[] y = new double[n];
        for (int a = 0; a < n; a++) {
            double sum = gradient[a];
            for (int k = 0; k < a; k++) {
                sum -= l[a][k] * y[k];
            }
            y[a] = sum / l[a][a];
        }
        double[] x = new double[n];
        for (int a = n - 1; a >= 0; a--) {
            double sum = y[a];
            for (int k = a + 1; k < n; k++) {
                sum -= l[k][a] * x[k];
            }
            x[a] = sum / l[a][a];
        }
        return x;
    }

    static double sumOfSquares(double[] r) {
        double sum = 0;
        for (double v : r) {
            sum += v * v;
        }
        return sum;
    }
}
