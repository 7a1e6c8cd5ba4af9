package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.anomaly.AnomalyDetector;
import io.hashdesk.ml.anomaly.AnomalyOptions;
import io.hashdesk.ml.features.RoomSensors;
import io.hashdesk.ml.features.FeatureBuilder;
import io.hashdesk.ml.features.FeatureSettings;
import io.hashdesk.ml.features.FeatureTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Feature building and anomaly detection at fleet scale, for docs/BENCHMARKS.md (no timing assertions anywhere).
 * Run: {@code java -cp <ml test classpath> io.hashdesk.ml.bench.FeatureBench [miners] [days]}.
 *
 * <p>The store is filled with the {@link SyntheticFarm}'s 5-minute polls through the ordinary {@code ingest} and
 * {@code maintain} path; a feature table needs the last 7 days (the longest window), so that many days stand for a
 * 90-day store, whose older days a table never reads. Then: one feature table as of the end, 12 tables for training,
 * anomaly training on them and inference for 5,000 units. {@link MlBench} times every model family together.
 */
public final class FeatureBench {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SEED = 7;
    private static final int INFERENCE_WARM_UPS = 3;
    private static final int INFERENCE_RUNS = 7;

    private FeatureBench() {
    }

    public static void main(String[] args) throws Exception {
        int miners = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("feature-bench");
        SyntheticFarm farm = SyntheticFarm.create(MinerModelCatalog.bundled(), miners, T0, days, SEED);
        Instant end = farm.end();
        long t = System.nanoTime();
        try (SyntheticFarm.Stored stored = farm.storeIn(dir.resolve("bench.db"))) {
            SqliteFarmStore store = stored.store();
            report("fill store: %d miners × %d days of 5-minute polls (%d snapshots)", t, miners, days,
                    stored.snapshots());
            FeatureBuilder builder = new FeatureBuilder(store.telemetry(), store.registry(),
                    MinerModelCatalog.bundled(), FeatureSettings.defaults());
            t = System.nanoTime();
            FeatureTable table = builder.build(end, RoomSensors.NONE, a -> null, TrainingProgress.NONE);
            report("one feature table, %d miners", t, table.size());
            t = System.nanoTime();
            List<FeatureTable> training = new ArrayList<>();
            for (int h = 0; h < 12; h++) {
                training.add(builder.build(end.minus(Duration.ofHours(4L * h)), RoomSensors.NONE, a -> null,
                        TrainingProgress.NONE));
            }
            report("12 feature tables (training set), %d miners each", t, miners);
            t = System.nanoTime();
            AnomalyDetector detector = AnomalyDetector.fit(training, AnomalyOptions.defaults(), TrainingProgress.NONE);
            report("anomaly training on %d rows", t, detector.trainingRows());
            FeatureTable big = ScaledFleet.featureTable(table, 5000);
            for (int warmUp = 0; warmUp < INFERENCE_WARM_UPS; warmUp++) {
                detector.anomalies(big);
            }
            double[] seconds = new double[INFERENCE_RUNS];
            int flagged = 0;
            for (int run = 0; run < INFERENCE_RUNS; run++) {
                t = System.nanoTime();
                flagged = detector.anomalies(big).size();
                seconds[run] = (System.nanoTime() - t) / 1e9;
            }
            Arrays.sort(seconds);
            // the median of several runs after warm-up: what a scheduled scoring pass in a running app costs
            System.out.println(String.format(Locale.ROOT, "BENCH %-70s %8.3f s", String.format(Locale.ROOT,
                    "anomaly inference for %d units (%d flagged), median of %d warm runs", big.size(), flagged,
                    INFERENCE_RUNS), seconds[INFERENCE_RUNS / 2]));
        }
    }

    private static void report(String what, long startedNanos, Object... args) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        // a bench runner's output is its result: stdout is where it goes
        System.out.println(String.format(Locale.ROOT, "BENCH %-70s %8.2f s", String.format(Locale.ROOT, what, args),
                seconds));
    }
}
