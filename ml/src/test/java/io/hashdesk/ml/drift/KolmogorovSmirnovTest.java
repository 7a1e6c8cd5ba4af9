package io.hashdesk.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    /** Percentiles of the uniform distribution on [0, 1]: its CDF is F(x) = x. */
    private static final List<Double> UNIFORM = IntStream.rangeClosed(0, 100).mapToObj(j -> j / 100.0).toList();

    private static double[] evenlySpread(double from, double to, int count) {
        return IntStream.range(0, count).mapToDouble(i -> from + (to - from) * (i + 0.5) / count).toArray();
    }

    @Test
    void recentValuesShiftedByAFifthOfTheRangeGiveAStatisticOfAFifth() {
        // recent is uniform on [0.2, 1.2]: its CDF trails F(x) = x by 0.2 everywhere between 0.2 and 1
        double[] shifted = evenlySpread(0.2, 1.2, 1_000);

        assertThat(KolmogorovSmirnov.statistic(UNIFORM, shifted)).isCloseTo(0.2, within(0.001));
    }

    @Test
    void valuesFromTheTrainingDistributionGiveASmallStatisticAndALargePValue() {
        double[] same = new Random(3).doubles(1_000).sorted().toArray();

        double d = KolmogorovSmirnov.statistic(UNIFORM, same);

        assertThat(d).isLessThan(0.05);
        assertThat(KolmogorovSmirnov.pValue(d, 5_000, same.length)).isGreaterThan(0.05);
    }

    @Test
    void thePValueFollowsTheKolmogorovDistribution() {
        // n = m = 20,000: effective size 10,000, lambda = (100 + 0.12 + 0.0011) * d; tables give P(K > 1.36) = 0.0494
        // and P(K > 1.63) = 0.0098
        assertThat(KolmogorovSmirnov.pValue(1.36 / 100.1211, 20_000, 20_000)).isCloseTo(0.0494, within(0.0005));
        assertThat(KolmogorovSmirnov.pValue(1.63 / 100.1211, 20_000, 20_000)).isCloseTo(0.0098, within(0.0003));
        assertThat(KolmogorovSmirnov.pValue(0, 100, 100)).isEqualTo(1.0);
    }

    @Test
    void aPointMassInTrainingIsHandledAsAJumpInItsCdf() {
        // training: half the values are exactly 0, the rest spread over (0, 1]
        List<Double> massAtZero = IntStream.rangeClosed(0, 100).mapToObj(j -> j <= 50 ? 0.0 : (j - 50) / 50.0).toList();

        assertThat(KolmogorovSmirnov.trainingCdfBelow(massAtZero, 0.0)).isZero();
        assertThat(KolmogorovSmirnov.trainingCdf(massAtZero, 0.0)).isEqualTo(0.5);
        assertThat(KolmogorovSmirnov.trainingCdf(massAtZero, 0.5)).isCloseTo(0.75, within(1e-12));
        // recent all exactly 0: its CDF is 1 at 0 where training's is 0.5
        assertThat(KolmogorovSmirnov.statistic(massAtZero, new double[] {0, 0, 0, 0})).isEqualTo(0.5);
    }
}
