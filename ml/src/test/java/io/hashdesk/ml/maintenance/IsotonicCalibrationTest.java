package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IsotonicCalibrationTest {

    @Test
    void turnsAnOverconfidentScoreIntoTheObservedFailureRate() {
        // Outcomes drawn with probability score / 2: a forest voting 0.8 is right only 40 % of the time.
        Random random = new Random(1);
        int n = 20_000;
        double[] score = new double[n];
        int[] outcome = new int[n];
        for (int i = 0; i < n; i++) {
            score[i] = random.nextDouble();
            outcome[i] = random.nextDouble() < score[i] / 2 ? 1 : 0;
        }

        IsotonicCalibration calibration = IsotonicCalibration.fit(score, outcome);

        assertThat(calibration.probability(0.8)).isCloseTo(0.4, within(0.05));
        assertThat(calibration.probability(0.2)).isCloseTo(0.1, within(0.05));
    }

    @Test
    void neverDecreasesWithTheScore() {
        double[] score = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        int[] outcome = {0, 1, 0, 0, 1, 1};

        IsotonicCalibration calibration = IsotonicCalibration.fit(score, outcome);

        double previous = -1;
        for (double s = 0; s <= 1; s += 0.01) {
            assertThat(calibration.probability(s)).isGreaterThanOrEqualTo(previous);
            previous = calibration.probability(s);
        }
        assertThat(calibration.probability(0)).isZero();
        assertThat(calibration.probability(1)).isEqualTo(1);
    }

    @Test
    void aWeightedScoreCountsAsThatManyRepeatedOnes() {
        double[] score = {0.1, 0.2, 0.3, 0.4, 0.5};
        int[] outcome = {0, 1, 0, 1, 1};
        double[] weight = {3, 1, 2, 1, 1};
        double[] repeatedScore = {0.1, 0.1, 0.1, 0.2, 0.3, 0.3, 0.4, 0.5};
        int[] repeatedOutcome = {0, 0, 0, 1, 0, 0, 1, 1};

        IsotonicCalibration weighted = IsotonicCalibration.fit(score, outcome, weight);
        IsotonicCalibration repeated = IsotonicCalibration.fit(repeatedScore, repeatedOutcome);

        for (double s = 0; s <= 1; s += 0.05) {
            assertThat(weighted.probability(s)).isCloseTo(repeated.probability(s), within(1e-12));
        }
    }

    @Test
    void refusesScoresWithoutOutcomes() {
        assertThatThrownBy(() -> IsotonicCalibration.fit(new double[] {0.5}, new int[0]))
                .hasMessageContaining("1 scores and 0 outcomes");
    }
}
