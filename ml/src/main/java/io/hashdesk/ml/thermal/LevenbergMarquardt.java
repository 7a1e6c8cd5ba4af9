package io.hashdesk.ml.thermal;

import io.hashdesk.ml.TrainingProgress;

/**
 * Nonlinear least squares for a handful of parameters (Levenberg–Marquardt with Marquardt's diagonal scaling and the
 * problem's own analytic Jacobian), in plain Java because no native BLAS is available to Smile's matrix code here.
 * Parameters are kept inside a box: a parameter on an edge whose gradient points out of the box is held there for the
 * step (active set), and every trial point is projected into the box, so that a poorly determined parameter cannot
 * run off to values whose residuals overflow.
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
     * @param lower     each parameter's smallest value ({@code Double.NEGATIVE_INFINITY} for none)
     * @param upper     each parameter's largest value ({@code Double.POSITIVE_INFINITY} for none)
     * @param tolerance stops when a step improves the sum of squares by less than this fraction of it
     */
    static Result minimize(Residuals f, double[] start, double[] lower, double[] upper, int maxIterations,
                           double tolerance, TrainingProgress progress) {
        int n = start.length;
        int m = f.count();
        double[] theta = new double[n];
        for (int a = 0; a < n; a++) {
            theta[a] = Math.clamp(start[a], lower[a], upper[a]);
        }
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
            holdActive(theta, gradient, normal, lower, upper);
            boolean improved = false;
            while (damping < MAX_DAMPING) {
                double[] step = solveDamped(normal, gradient, damping);
                if (step != null) {
                    for (int a = 0; a < n; a++) {
                        trial[a] = Math.clamp(theta[a] - step[a], lower[a], upper[a]);
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
     * Holds each parameter that sits on an edge of the box and whose descent direction points out of it: its row and
     * column of the normal equations become the identity and its gradient zero, so its step is zero and the others
     * are solved as if it were a constant.
     */
    private static void holdActive(double[] theta, double[] gradient, double[][] normal, double[] lower,
                                   double[] upper) {
        for (int a = 0; a < theta.length; a++) {
            // the step taken is −δ with δ ≈ the gradient's direction: a positive gradient moves the parameter down
            boolean pushedBelow = theta[a] <= lower[a] && gradient[a] > 0;
            boolean pushedAbove = theta[a] >= upper[a] && gradient[a] < 0;
            if (pushedBelow || pushedAbove) {
                gradient[a] = 0;
                for (int b = 0; b < theta.length; b++) {
                    normal[Math.max(a, b)][Math.min(a, b)] = a == b ? 1 : 0;
                }
            }
        }
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
