package io.hashdesk.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.store.FeatureDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PopulationStabilityTest {

    private static final double FLOOR = 1e-4;
    /** Two equal bins split at 0. */
    private static final FeatureDistribution HALVES = new FeatureDistribution("x", 100, 0, List.of(0.0),
            List.of(0.5, 0.5), List.of(-1.0, 0.0, 1.0));

    private static double[] repeat(double value, int times) {
        double[] out = new double[times];
        Arrays.fill(out, value);
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }

    @Test
    void aSeventyThirtySplitAgainstHalvesMatchesTheHandWorkedIndex() {
        // (0.7 - 0.5) ln(0.7 / 0.5) + (0.3 - 0.5) ln(0.3 / 0.5) = 0.2 * 0.336472 + 0.2 * 0.510826 = 0.169460
        double[] recent = concat(repeat(-0.5, 70), repeat(0.5, 30));

        assertThat(PopulationStability.index(HALVES, recent, 0, FLOOR)).isCloseTo(0.169460, within(1e-6));
    }

    @Test
    void theSameSampleAsTrainingHasAnIndexOfZero() {
        double[] sample = new Random(11).doubles(2_000).map(v -> 40 + 20 * v).sorted().toArray();
        FeatureDistribution training = FeatureDistributions.of("chipTempC", sample, DriftSettings.defaults());

        assertThat(PopulationStability.index(training, sample, 0, FLOOR)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void valuesGoingMissingCountAsTheirOwnBin() {
        // bins 0.4, 0.4 and missing 0.2 against 0.5, 0.5 and a floored 0.0001:
        // 2 * (-0.1) ln(0.8) + (0.2 - 0.0001) ln(0.2 / 0.0001) = 0.044629 + 1.519420 = 1.564049
        double[] present = concat(repeat(-0.5, 40), repeat(0.5, 40));

        assertThat(PopulationStability.index(HALVES, present, 20, FLOOR)).isCloseTo(1.564049, within(1e-5));
    }

    @Test
    void anEmptyBinGivesALargeFiniteTermInsteadOfDividingByZero() {
        double[] allLow = repeat(-0.5, 100);

        double psi = PopulationStability.index(HALVES, allLow, 0, FLOOR);

        // (1 - 0.5) ln(1 / 0.5) + (0.0001 - 0.5) ln(0.0001 / 0.5) = 0.346574 + 4.257745
        assertThat(psi).isFinite().isCloseTo(4.604319, within(1e-5));
    }
}
