package io.hashdesk.ml.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.ml.TrainingProgress;
import org.junit.jupiter.api.Test;

class LevenbergMarquardtTest {

    private static final double[] NO_LOWER = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private static final double[] NO_UPPER = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        // Residuals (1 − x, 10 (y − x²)): sum of squares is Rosenbrock's function, minimum 0 at (1, 1).
        LevenbergMarquardt.Residuals rosenbrock = new LevenbergMarquardt.Residuals() {
            @Override
            public int count() {
                return 2;
            }

            @Override
            public void evaluate(double[] p, double[] out) {
                out[0] = 1 - p[0];
                out[1] = 10 * (p[1] - p[0] * p[0]);
            }

            @Override
            public void jacobian(double[] p, double[][] out) {
                out[0][0] = -1;
                out[0][1] = 0;
                out[1][0] = -20 * p[0];
                out[1][1] = 10;
            }
        };

        LevenbergMarquardt.Result result = LevenbergMarquardt.minimize(rosenbrock, new double[]{-1.2, 1}, NO_LOWER,
                NO_UPPER, 200, 1e-14, TrainingProgress.NONE);

        assertThat(result.converged()).isTrue();
        assertThat(result.parameters()[0]).isCloseTo(1, within(1e-4));
        assertThat(result.parameters()[1]).isCloseTo(1, within(1e-4));
    }

    @Test
    void fitsAnExponentialDecay() {
        double[] t = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 4 * Math.exp(-0.7 * t[i]) + 1;
        }
        double[] fit = LevenbergMarquardt.minimize(decay(t, y), new double[]{1, 0.1, 0},
                new double[]{Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                new double[]{Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, 200, 1e-14,
                TrainingProgress.NONE).parameters();

        assertThat(fit).containsExactly(new double[]{4, 0.7, 1}, within(1e-4));
    }

    @Test
    void holdsAParameterOnTheEdgeOfItsBoxAndFitsTheOthersAroundIt() {
        double[] t = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 4 * Math.exp(-0.7 * t[i]) + 1;
        }
        // the decay rate may not exceed 0.5: the best fit inside the box has it on that edge, the others moved to suit
        double[] fit = LevenbergMarquardt.minimize(decay(t, y), new double[]{1, 0.1, 0},
                new double[]{0, 0, Double.NEGATIVE_INFINITY}, new double[]{10, 0.5, Double.POSITIVE_INFINITY}, 200,
                1e-14, TrainingProgress.NONE).parameters();

        assertThat(fit[1]).isEqualTo(0.5);
        assertThat(fit[0]).isBetween(0.0, 10.0);
        assertThat(squares(decay(t, y), fit)).isLessThan(squares(decay(t, y), new double[]{4, 0.5, 1}));
    }

    private static double squares(LevenbergMarquardt.Residuals f, double[] p) {
        double[] r = new double[f.count()];
        f.evaluate(p, r);
        return LevenbergMarquardt.sumOfSquares(r);
    }

    private static LevenbergMarquardt.Residuals decay(double[] t, double[] y) {
        return new LevenbergMarquardt.Residuals() {
            @Override
            public int count() {
                return t.length;
            }

            @Override
            public void evaluate(double[] p, double[] out) {
                for (int i = 0; i < t.length; i++) {
                    out[i] = p[0] * Math.exp(-p[1] * t[i]) + p[2] - y[i];
                }
            }

            @Override
            public void jacobian(double[] p, double[][] out) {
                for (int i = 0; i < t.length; i++) {
                    double decay = Math.exp(-p[1] * t[i]);
                    out[i][0] = decay;
                    out[i][1] = -p[0] * t[i] * decay;
                    out[i][2] = 1;
                }
            }
        };
    }
}
