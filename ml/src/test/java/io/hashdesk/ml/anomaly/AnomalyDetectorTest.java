package io.hashdesk.ml.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

    static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    static final int UNITS = 30;

    /** Healthy units in two rooms with small noise; {@code change} may spoil some of them. */
    static FeatureTable table(int t, SplittableRandom random, Consumer<double[][]> change) {
        List<FeatureTable.Row> rows = new ArrayList<>();
        double[][] values = new double[UNITS][];
        for (int i = 0; i < UNITS; i++) {
            rows.add(new FeatureTable.Row(MinerId.of("u" + i), "antminer-s19j-pro", i < UNITS / 2 ? "a" : "b"));
            double[] row = new double[Feature.values().length];
            Arrays.fill(row, Double.NaN);
            row[Feature.HASHRATE_PCT_OF_RATED_1H.ordinal()] = 100 + random.nextGaussian();
            row[Feature.HASHRATE_PCT_OF_RATED_24H.ordinal()] = 100 + 0.3 * random.nextGaussian();
            row[Feature.HASHRATE_CV_1H.ordinal()] = 0.01 + 0.002 * random.nextDouble();
            row[Feature.HASHRATE_CV_24H.ordinal()] = 0.01 + 0.002 * random.nextDouble();
            row[Feature.HASHRATE_VS_PEERS.ordinal()] = 0.3 * random.nextGaussian();
            row[Feature.CHIP_TEMP_MAX_24H.ordinal()] = 66 + random.nextInt(2);
            row[Feature.CHIP_TEMP_VAR_24H.ordinal()] = 0.2 * random.nextDouble();
            row[Feature.CHIP_TEMP_VS_OWN_BASELINE.ordinal()] = 0.2 * random.nextGaussian();
            row[Feature.CHIP_TEMP_VS_PEERS.ordinal()] = 0.3 * random.nextGaussian();
            row[Feature.FAN_DUTY_VS_PEERS.ordinal()] = random.nextGaussian();
            row[Feature.FAN_RPM_PER_DUTY_VS_PEERS.ordinal()] = 0.005 * random.nextGaussian();
            row[Feature.FAN_SLOWEST_SHARE_1H.ordinal()] = 0.997 + 0.001 * random.nextDouble();
            row[Feature.REJECT_RATE_24H.ordinal()] = 0.0015 + 0.0002 * random.nextDouble();
            row[Feature.REJECT_RATE_TREND.ordinal()] = 0.0001 * random.nextGaussian();
            row[Feature.HW_ERRORS_PER_TH_HOUR_24H.ordinal()] = 10 * Math.exp(0.5 * random.nextGaussian());
            row[Feature.HW_ERRORS_TREND.ordinal()] = 0.1 * random.nextGaussian();
            row[Feature.BOARD_IMBALANCE_24H.ordinal()] = 0.002 * random.nextDouble();
            row[Feature.UPTIME_24H.ordinal()] = 1;
            row[Feature.RESTARTS_24H.ordinal()] = 0;
            values[i] = row;
        }
        change.accept(values);
        return FeatureTable.of(T0.plus(Duration.ofHours(4L * t)), rows, values);
    }

    static List<FeatureTable> training(SplittableRandom random) {
        List<FeatureTable> out = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            out.add(table(t, random, v -> { }));
        }
        return out;
    }

    @Test
    void namesTheFeatureThatMakesAUnitStandOutFromItsPeers() {
        SplittableRandom random = new SplittableRandom(1);
        AnomalyDetector detector = AnomalyDetector.fit(training(random), AnomalyOptions.defaults(),
                TrainingProgress.NONE);
        FeatureTable later = table(20, random, v -> {
            v[3][Feature.FAN_SLOWEST_SHARE_1H.ordinal()] = 0;
            v[20][Feature.HW_ERRORS_PER_TH_HOUR_24H.ordinal()] = 3000;
        });
        List<Anomaly> anomalies = detector.anomalies(later);
        assertThat(anomalies).extracting(a -> a.miner().value()).containsExactlyInAnyOrder("u3", "u20");
        Anomaly fan = anomalies.stream().filter(a -> a.miner().value().equals("u3")).findFirst().orElseThrow();
        assertThat(fan.reasons().getFirst().feature()).isEqualTo(Feature.FAN_SLOWEST_SHARE_1H);
        assertThat(fan.reasons().getFirst().robustZ()).isLessThan(-detector.peerThreshold());
        Anomaly errors = anomalies.stream().filter(a -> a.miner().value().equals("u20")).findFirst().orElseThrow();
        assertThat(errors.reasons().getFirst().feature()).isEqualTo(Feature.HW_ERRORS_PER_TH_HOUR_24H);
        assertThat(errors.reasons().getFirst().reference()).isBetween(5.0, 20.0);
    }

    @Test
    void flagsAboutTheTargetShareOfHealthyUnits() {
        SplittableRandom random = new SplittableRandom(2);
        AnomalyDetector detector = AnomalyDetector.fit(training(random), AnomalyOptions.defaults(),
                TrainingProgress.NONE);
        int flagged = 0;
        int total = 0;
        for (int t = 20; t < 40; t++) {
            FeatureTable healthy = table(t, random, v -> { });
            flagged += detector.anomalies(healthy).size();
            total += healthy.size();
        }
        assertThat((double) flagged / total).isLessThan(3 * AnomalyOptions.defaults().targetFalseAlarmRate());
    }

    @Test
    void scoresAMissingValueAsItsPeersMedianAndSaysSo() {
        SplittableRandom random = new SplittableRandom(3);
        AnomalyDetector detector = AnomalyDetector.fit(training(random), AnomalyOptions.defaults(),
                TrainingProgress.NONE);
        FeatureTable gap = table(20, random, v -> v[5][Feature.CHIP_TEMP_VS_PEERS.ordinal()] = Double.NaN);
        Anomaly unit = detector.score(gap).get(5);
        assertThat(unit.imputed()).containsExactly(Feature.CHIP_TEMP_VS_PEERS);
        assertThat(unit.anomalous()).isFalse();
    }

    @Test
    void refusesToTrainOnTooFewRows() {
        SplittableRandom random = new SplittableRandom(4);
        FeatureTable one = table(0, random, v -> { });
        FeatureTable tiny = FeatureTable.of(one.asOf(), one.rows().subList(0, 5), firstRows(one, 5));
        assertThatThrownBy(() -> AnomalyDetector.fit(List.of(tiny), AnomalyOptions.defaults(), TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 20");
    }

    static double[][] firstRows(FeatureTable table, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = table.vector(i, List.of(Feature.values()));
        }
        return out;
    }
}
