package io.hashdesk.ml.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.ml.TrainingProgress;
import org.junit.jupiter.api.Test;

class LevenbergMarquardtTest {

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

        LevenbergMarquardt.Result result = LevenbergMarquardt.minimize(rosenbrock, new double[]{-1.2, 1}, 200, 1e-14,
                TrainingProgress.NONE);

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
        LevenbergMarquardt.Residuals decay = new LevenbergMarquardt.Residuals() {
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

        double[] fit = LevenbergMarquardt.minimize(decay, new double[]{1, 0.1, 0}, 200, 1e-14, TrainingProgress.NONE)
                .parameters();

        assertThat(fit).containsExactly(new double[]{4, 0.7, 1}, within(1e-4));
    }
}
