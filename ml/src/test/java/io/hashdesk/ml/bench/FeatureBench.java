package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.HashboardReading;
import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.anomaly.AnomalyDetector;
import io.hashdesk.ml.anomaly.AnomalyOptions;
import io.hashdesk.ml.features.AmbientSource;
import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureBuilder;
import io.hashdesk.ml.features.FeatureSettings;
import io.hashdesk.ml.features.FeatureTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Feature building and anomaly detection at fleet scale, for docs/BENCHMARKS.md (no timing assertions anywhere).
 * Run: {@code java -cp <ml test classpath> io.hashdesk.ml.bench.FeatureBench [miners] [days]}.
 *
 * <p>The store is filled with synthetic 5-minute polls (S19j Pro-like, noisy but plausible) through the ordinary
 * {@code ingest} and {@code maintain} path, a day of polls per batch; a feature table needs the last 7 days (the
 * longest window), so that many days stand for a 90-day store, whose older days a table never reads. Then: one
 * feature table as of the end, 12 tables for training, anomaly training on them and inference for 5,000 units.
 */
public final class FeatureBench {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int INFERENCE_WARM_UPS = 3;
    private static final int INFERENCE_RUNS = 7;

    private FeatureBench() {
    }

    public static void main(String[] args) throws Exception {
        int miners = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("feature-bench");
        Instant end = T0.plus(Duration.ofDays(days));
        try (SqliteFarmStore store = SqliteFarmStore.open(dir.resolve("bench.db"), StoreSettings.defaults(),
                Clock.fixed(end, ZoneOffset.UTC))) {
            long t = System.nanoTime();
            fill(store, miners, days);
            report("fill store: %d miners × %d days of 5-minute polls (%d snapshots)", t, miners, days,
                    (long) miners * days * 288);
            FeatureBuilder builder = new FeatureBuilder(store.telemetry(), store.registry(),
                    MinerModelCatalog.bundled(), FeatureSettings.defaults());
            t = System.nanoTime();
            FeatureTable table = builder.build(end, AmbientSource.NONE, a -> null, TrainingProgress.NONE);
            report("one feature table, %d miners", t, table.size());
            t = System.nanoTime();
            List<FeatureTable> training = new ArrayList<>();
            for (int h = 0; h < 12; h++) {
                training.add(builder.build(end.minus(Duration.ofHours(4L * h)), AmbientSource.NONE, a -> null,
                        TrainingProgress.NONE));
            }
            report("12 feature tables (training set), %d miners each", t, miners);
            t = System.nanoTime();
            AnomalyDetector detector = AnomalyDetector.fit(training, AnomalyOptions.defaults(), TrainingProgress.NONE);
            report("anomaly training on %d rows", t, detector.trainingRows());
            FeatureTable big = replicate(table, 5000);
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

    private static void fill(SqliteFarmStore store, int miners, int days) {
        store.registry().saveSite(new Site("bench", "Bench", ZoneOffset.UTC));
        for (int r = 0; r < 10; r++) {
            store.registry().saveRoom(new Room("room-" + r, "bench", "Room " + r));
        }
        for (int i = 0; i < miners; i++) {
            store.registry().saveMiner(new Miner(MinerId.of(String.format("m-%05d", i)), "bench",
                    new RackPosition("room-" + i % 10, "R" + (i / 40 + 1), i % 40 / 8 + 1, i % 8 + 1),
                    new MinerAddress("127.0.0.1", 10_000 + i % 50_000, 4028), "antminer-s19j-pro", "Vnish 1.2.6",
                    Optional.empty()));
        }
        SplittableRandom random = new SplittableRandom(7);
        List<TelemetrySnapshot> batch = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int step = 0; step < 288; step++) {
                Instant at = T0.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(5L * step));
                for (int i = 0; i < miners; i++) {
                    batch.add(snapshot(i, at, random));
                }
                if (batch.size() >= 50_000) {
                    store.telemetry().ingest(batch);
                    batch.clear();
                }
            }
            store.telemetry().ingest(batch);
            batch.clear();
            store.telemetry().maintain(T0.plus(Duration.ofDays(d + 1)));
        }
    }

    private static TelemetrySnapshot snapshot(int i, Instant at, SplittableRandom random) {
        long minutes = Duration.between(T0, at).toMinutes();
        double ths = 104 * (1 + 0.01 * random.nextGaussian());
        List<HashboardReading> boards = List.of(
                new HashboardReading(0, ths / 3, 64.0, 55.0, 600.0, 13.4, 1000.0, 30 * minutes),
                new HashboardReading(1, ths / 3, 65.0, 56.0, 600.0, 13.4, 1000.0, 30 * minutes),
                new HashboardReading(2, ths / 3, 63.0, 54.0, 600.0, 13.4, 1000.0, 30 * minutes));
        return new TelemetrySnapshot(MinerId.of(String.format("m-%05d", i)), at, MinerStatus.MINING, ths, ths, boards,
                65.0 + random.nextInt(3), 56.0, List.of(3700 + random.nextInt(40), 3710, 3690, 3705), 62.0,
                3010.0 + random.nextInt(20), 13.4, 600.0, "disabled", "stratum.example.org:3333", 27 * (minutes / 5),
                minutes / 500, 90 * minutes, Duration.ofMinutes(minutes));
    }

    /** The table's rows repeated to {@code n} units, in 50 rooms, so inference runs on a fleet of that size. */
    private static FeatureTable replicate(FeatureTable table, int n) {
        List<FeatureTable.Row> rows = new ArrayList<>(n);
        double[][] values = new double[n][];
        List<Feature> all = Arrays.asList(Feature.values());
        for (int i = 0; i < n; i++) {
            FeatureTable.Row source = table.row(i % table.size());
            rows.add(new FeatureTable.Row(MinerId.of("x-" + i), source.modelId(), "room-" + i % 50));
            values[i] = table.vector(i % table.size(), all);
        }
        return FeatureTable.of(table.asOf(), rows, values);
    }

    private static void report(String what, long startedNanos, Object... args) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        // a bench runner's output is its result: stdout is where it goes
        System.out.println(String.format(Locale.ROOT, "BENCH %-70s %8.2f s", String.format(Locale.ROOT, what, args),
                seconds));
    }
}
