package io.hashdesk.ml.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.FeatureDrift;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class DriftCheckTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    private static final DriftSettings SETTINGS = DriftSettings.defaults();
    private final DriftCheck check = new DriftCheck(SETTINGS);

    /** Chip temperatures around 70 °C with a 5 °C spread. */
    private static double[] chipTemps(long seed, int count, double shiftC) {
        Random random = new Random(seed);
        return DoubleStream.generate(() -> 70 + shiftC + 5 * random.nextGaussian()).limit(count).toArray();
    }

    private static List<FeatureDistribution> training() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("chipTempC", chipTemps(1, 5_000, 0));
        columns.put("powerWatts", new Random(2).doubles(5_000, 3_000, 3_400).toArray());
        return FeatureDistributions.snapshot(columns, SETTINGS);
    }

    private static Map<String, double[]> recent(double chipShiftC) {
        return Map.of("chipTempC", chipTemps(9, 1_000, chipShiftC),
                "powerWatts", new Random(10).doubles(1_000, 3_000, 3_400).toArray());
    }

    @Test
    void fromTheSameDistributionEveryFeatureIsStableAndNoRetrainingIsAsked() {
        DriftReport report = check.check(7, training(), recent(0), AT);

        assertThat(report.verdict()).isEqualTo(DriftVerdict.STABLE);
        assertThat(report.drifted()).isEmpty();
        assertThat(report.retrainingNeeded()).isFalse();
        assertThat(report.features()).allSatisfy(f -> assertThat(f.psi().orElseThrow()).isLessThan(0.05));
    }

    @Test
    void aShiftOfOneSpreadAsksForRetrainingAndNamesTheFeature() {
        DriftReport report = check.check(7, training(), recent(5), AT);

        assertThat(report.retrainingNeeded()).isTrue();
        assertThat(report.drifted()).extracting(FeatureDrift::feature).containsExactly("chipTempC");
        FeatureDrift chip = report.drifted().getFirst();
        // a one-sigma shift of a normal: PSI near 1 (the symmetric KL divergence is 1), KS near 0.38
        assertThat(chip.psi().orElseThrow()).isGreaterThan(0.6);
        assertThat(chip.ksStatistic().orElseThrow()).isBetween(0.3, 0.45);
        assertThat(chip.explanation()).contains("retrain");
    }

    @Test
    void aShiftOfASmallPartOfTheSpreadIsWorthWatchingOnly() {
        DriftReport report = check.check(7, training(), recent(1.75), AT);

        assertThat(report.verdict()).isEqualTo(DriftVerdict.WATCH);
        assertThat(report.retrainingNeeded()).isFalse();
        assertThat(report.drifted()).extracting(FeatureDrift::feature).containsExactly("chipTempC");
    }

    @Test
    void aFeatureThatStopsBeingComputableDrifts() {
        double[] allMissing = new double[500];
        Arrays.fill(allMissing, Double.NaN);
        Map<String, double[]> recent = Map.of("chipTempC", chipTemps(9, 1_000, 0), "powerWatts", allMissing);

        FeatureDrift power = check.check(7, training(), recent, AT).features().get(1);

        assertThat(power.verdict()).isEqualTo(DriftVerdict.RETRAIN);
        assertThat(power.ksStatistic()).isEmpty();
        assertThat(power.recentMissing()).isEqualTo(500);
    }

    @Test
    void featuresWithoutEnoughRecentRowsAreNotJudged() {
        Map<String, double[]> recent = Map.of("chipTempC", chipTemps(9, SETTINGS.minRecentCount() - 1, 10));

        DriftReport report = check.check(7, training(), recent, AT);

        assertThat(report.features()).extracting(FeatureDrift::verdict)
                .containsExactly(DriftVerdict.INSUFFICIENT_DATA, DriftVerdict.INSUFFICIENT_DATA);
        assertThat(report.verdict()).isEqualTo(DriftVerdict.INSUFFICIENT_DATA);
        assertThat(report.features().get(1).explanation()).contains("no recent values");
        assertThat(report.retrainingNeeded()).isFalse();
    }
}
