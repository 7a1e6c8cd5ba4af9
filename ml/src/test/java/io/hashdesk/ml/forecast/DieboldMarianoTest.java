package io.hashdesk.ml.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DieboldMarianoTest {

    @Test
    void aConsistentlySmallerLossIsSignificant() {
        Random random = new Random(3);
        double[] baseline = new double[400];
        double[] model = new double[400];
        for (int t = 0; t < baseline.length; t++) {
            baseline[t] = Math.abs(random.nextGaussian());
            model[t] = 0.7 * Math.abs(random.nextGaussian());
        }

        assertThat(DieboldMariano.pValueModelBetter(model, baseline, 0)).isLessThan(1e-6);
        assertThat(DieboldMariano.pValueModelBetter(baseline, model, 0)).isGreaterThan(1 - 1e-6);
    }

    @Test
    void overlappingWindowsWithoutARealAdvantageAreRarelyTakenForSkill() {
        // A week ahead every 3 h: 56 consecutive forecasts share each shock, so the loss differential is a moving
        // sum of a few independent draws. Without any real advantage, the test ignoring the overlap "finds" one
        // far more often than its 5 % level; with the overlap's lags it stays near that level.
        Random random = new Random(11);
        int n = 420;
        int overlap = 55;
        int trials = 200;
        int naiveWins = 0;
        int overlapAwareWins = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[] shocks = random.doubles(n + overlap).map(x -> x - 0.5).toArray();
            double[] model = new double[n];
            double[] baseline = new double[n];
            for (int t = 0; t < n; t++) {
                double sum = 0;
                for (int k = 0; k <= overlap; k++) {
                    sum += shocks[t + k];
                }
                baseline[t] = 10;
                model[t] = 10 + sum / overlap;
            }
            naiveWins += DieboldMariano.pValueModelBetter(model, baseline, 0) <= 0.05 ? 1 : 0;
            overlapAwareWins += DieboldMariano.pValueModelBetter(model, baseline, overlap) <= 0.05 ? 1 : 0;
        }

        assertThat(naiveWins).isGreaterThan(trials / 4);
        assertThat(overlapAwareWins).isLessThan(trials * 3 / 20);
    }

    @Test
    void theNormalDistributionFunctionMatchesTables() {
        assertThat(DieboldMariano.standardNormalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(DieboldMariano.standardNormalCdf(1.6449)).isCloseTo(0.95, within(1e-4));
        assertThat(DieboldMariano.standardNormalCdf(-1.96)).isCloseTo(0.025, within(1e-4));
    }
}
