package io.hashdesk.ml.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FlatIsolationForestTest {

    private static double[][] cloud(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {random.nextGaussian(), random.nextGaussian(), 5 + random.nextGaussian()};
        }
        return rows;
    }

    @Test
    void scoresAPointFarFromTheCloudAboveEveryPointInIt() {
        double[][] training = cloud(1000, 1);
        FlatIsolationForest forest = FlatIsolationForest.fit(training, 100, 8, 256, 7);
        double[] inliers = forest.score(cloud(200, 2));
        double outlier = forest.score(new double[] {6, -6, 5});
        assertThat(outlier).isGreaterThan(0.6);
        assertThat(Arrays.stream(inliers).max().orElseThrow()).isLessThan(outlier);
        assertThat(Arrays.stream(inliers).average().orElseThrow()).isLessThan(0.5);
    }

    @Test
    void theSameSeedGrowsTheSameForest() {
        double[][] training = cloud(500, 3);
        double[][] probe = cloud(50, 4);
        assertThat(FlatIsolationForest.fit(training, 20, 6, 64, 11).score(probe))
                .containsExactly(FlatIsolationForest.fit(training, 20, 6, 64, 11).score(probe));
    }

    @Test
    void scoresLargeBatchesInParallelExactlyAsRowByRow() {
        FlatIsolationForest forest = FlatIsolationForest.fit(cloud(500, 5), 50, 8, 256, 13);
        double[][] probe = cloud(5000, 6);
        double[] batch = forest.score(probe);
        for (int i = 0; i < probe.length; i += 97) {
            assertThat(batch[i]).isEqualTo(forest.score(probe[i]));
        }
    }

    @Test
    void refusesMissingValuesNamingRowAndColumn() {
        double[][] rows = cloud(10, 7);
        rows[4][2] = Double.NaN;
        assertThatThrownBy(() -> FlatIsolationForest.fit(rows, 10, 4, 8, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 4, column 2");
    }
}
