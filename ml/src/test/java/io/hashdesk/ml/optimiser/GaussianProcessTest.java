package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static final OptimiserOptions.GpSearch SEARCH = OptimiserOptions.defaults().gp();

    /** A smooth surface with a trend and a bend, like J/TH over the envelope. */
    private static double surface(double[] x) {
        return 20 + 8 * x[1] - 3 * x[0] + 2 * Math.sin(3 * x[0]) * x[1];
    }

    @Test
    void choleskySolvesASymmetricPositiveDefiniteSystem() {
        double[][] a = {{4, 0, 0}, {2, 5, 0}, {-2, 1, 6}};
        double[][] full = {{4, 2, -2}, {2, 5, 1}, {-2, 1, 6}};
        double[] b = {1, 2, 3};

        double[] x = Cholesky.of(a).solve(b);

        for (int i = 0; i < 3; i++) {
            double row = 0;
            for (int j = 0; j < 3; j++) {
                row += full[i][j] * x[j];
            }
            assertThat(row).isCloseTo(b[i], within(1e-12));
        }
    }

    @Test
    void predictsHeldOutPointsOfASmoothSurfaceWithIntervalsThatCoverThem() {
        Random random = new Random(7);
        double[][] x = new double[20][];
        double[] y = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = surface(x[i]) + 0.01 * random.nextGaussian();
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, 0.01, SEARCH);

        int covered = 0;
        double worst = 0;
        int trials = 200;
        for (int i = 0; i < trials; i++) {
            double[] at = {random.nextDouble(), random.nextDouble()};
            GaussianProcess.Prediction p = gp.predict(at);
            double error = Math.abs(p.mean() - surface(at));
            worst = Math.max(worst, error);
            if (error <= 1.645 * p.sd() + 0.02) {
                covered++;
            }
        }
        assertThat(worst).as("largest error on a surface spanning ~10").isLessThan(0.5);
        assertThat(covered / (double) trials).as("share inside the 90 % interval").isGreaterThan(0.8);
    }

    @Test
    void isSureNearItsDataAndUnsureFarFromIt() {
        double[][] x = {{0.1, 0.1}, {0.2, 0.15}, {0.15, 0.25}, {0.1, 0.2}};
        double[] y = {1, 1.2, 1.5, 1.3};
        GaussianProcess gp = GaussianProcess.fit(x, y, 0.01, SEARCH);

        assertThat(gp.predict(new double[] {0.15, 0.15}).sd())
                .isLessThan(gp.predict(new double[] {0.9, 0.9}).sd() / 3);
    }
}
