package io.hashdesk.ml.optimiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
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

    @Test
    void choleskyInverseDiagonalMatchesSolvesOfUnitVectors() {
        double[][] a = {{4, 0, 0}, {2, 5, 0}, {-2, 1, 6}};
        Cholesky factor = Cholesky.of(a);

        double[] diagonal = factor.inverseDiagonal();

        for (int i = 0; i < 3; i++) {
            double[] unit = new double[3];
            unit[i] = 1;
            assertThat(diagonal[i]).isCloseTo(factor.solve(unit)[i], within(1e-12));
        }
    }

    @Test
    void searchLikelihoodOverDistinctInputsEqualsTheLikelihoodOfEveryRepeatedReading() {
        Random random = new Random(11);
        double[][] settings = {{0.1, 0.2}, {0.5, 0.5}, {0.9, 0.3}, {0.4, 0.8}};
        double[][] x = new double[30][];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = settings[random.nextInt(settings.length)].clone();
            y[i] = surface(x[i]) + 0.05 * random.nextGaussian();
        }
        for (GpHyperparameters hyper : List.of(new GpHyperparameters(0.5, 0.5, 1, 1, 0.001),
                new GpHyperparameters(0.1, 2, 0.3, 5, 0.2))) {
            double full = GaussianProcess.condition(x, y, 0.01, hyper).logLikelihood();

            assertThat(GaussianProcess.searchLogLikelihood(x, y, 0.01, hyper)).isCloseTo(full, within(1e-8));
        }
    }

    @Test
    void predictsOverDistinctInputsWhatASolveOverEveryReadingGives() {
        Random random = new Random(5);
        double[][] x = new double[40][];
        double[] y = new double[40];
        for (int i = 0; i < x.length; i++) {
            // half the readings repeat one of five settings, half are spread
            x[i] = i % 2 == 0 ? new double[] {0.2 * (i % 5), 0.5}
                    : new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = surface(x[i]) + 0.05 * random.nextGaussian();
        }
        GpHyperparameters hyper = new GpHyperparameters(0.4, 0.7, 1.5, 0.8, 0.01);
        GaussianProcess gp = GaussianProcess.condition(x, y, 1e-6, hyper);
        // the same process by the textbook formulas over all 40 readings
        double offset = Arrays.stream(y).average().orElseThrow();
        double scale = Math.sqrt(Arrays.stream(y).map(v -> (v - offset) * (v - offset)).sum() / y.length);
        double[][] k = new double[x.length][x.length];
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j <= i; j++) {
                k[i][j] = GaussianProcess.kernel(x[i], x[j], hyper);
            }
            k[i][i] += hyper.noiseVariance();
            z[i] = (y[i] - offset) / scale;
        }
        Cholesky full = Cholesky.of(k);
        double[] alpha = full.solve(z);

        for (double[] at : List.of(new double[] {0.4, 0.5}, new double[] {0.33, 0.71}, new double[] {1.2, -0.1})) {
            double[] column = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                column[i] = GaussianProcess.kernel(at, x[i], hyper);
            }
            double[] solved = full.solve(column);
            double mean = 0;
            double explained = 0;
            for (int i = 0; i < x.length; i++) {
                mean += column[i] * alpha[i];
                explained += column[i] * solved[i];
            }
            GaussianProcess.Prediction p = gp.predict(at);

            assertThat(p.mean()).isCloseTo(offset + scale * mean, within(1e-9));
            assertThat(p.variance()).isCloseTo(scale * scale * (GaussianProcess.kernel(at, at, hyper) - explained),
                    within(1e-9));
        }
    }
}
