package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.sim.SimulationClock;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.forecast.SyntheticMarketHistory;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.PromotionDecision;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.training.ModelTrainer;
import io.hashdesk.ml.training.StandardTrainers;
import io.hashdesk.ml.training.TrainingResult;
import io.hashdesk.ml.training.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The ML benchmarks, for docs/BENCHMARKS.md (no timing assertions anywhere): every model family trained
 * together from a store of {@code miners} × {@code days} of 5-minute polls (target < 60 s), and inference for 5,000
 * miners with the champions the registry then holds (target < 200 ms).
 *
 * <p>Steps: fill a fresh store with the {@link SyntheticFarm} (timed, not part of any target) and a year of synthetic
 * BTC market history; for every trainer of {@link StandardTrainers#all} and each of its scopes, {@code train} then
 * {@code registerAndPromote}, as scheduled retraining does (each family builds its own features inside), timed per
 * family and in total, with the peak heap; then {@link ChampionInference}. Every figure is one line on stdout and in
 * {@code <outDir>/ml-bench.txt}. The store lives in a temporary folder, deleted at the end; with a fourth argument
 * ({@code -Dml.bench.filledStore=<file>}) the filled store is also kept in that file, and a later run with the same
 * file, miners and days starts from a copy of it instead of filling again, so that a 90-day store (a quarter of an
 * hour to fill) can be filled while the machine is busy and the training timed when it is quiet. A model that had not enough data or failed to train fails the run after the figures are written: the synthetic
 * farm is meant to teach every family something, and a failure is a bug to look at.
 *
 * <p>Run: {@code java -cp <ml test classpath> io.hashdesk.ml.bench.MlBench [miners] [days] [outDir] [filledStore]}
 * (defaults 1000, 90, {@code target/bench}, none), or {@code ./mvnw -B -ntp -pl ml -am -Pbench verify}.
 */
public final class MlBench {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SEED = 20_261_127L;
    private static final int MARKET_DAYS = 365;
    private static final int INFERENCE_UNITS = 5000;
    private static final double MIB = 1024 * 1024;

    private MlBench() {
    }

    public static void main(String[] args) throws IOException {
        int miners = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        Path outDir = Path.of(args.length > 2 ? args[2] : "target/bench");
        Path filledStore = args.length > 3 && !args[3].isBlank() ? Path.of(args[3]) : null;
        BenchReport report = new BenchReport();
        report.note(String.format(Locale.ROOT, "%d miners × %d days; %d cores, Java %s, max heap %.0f MiB", miners,
                days, Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() / MIB));
        Path dir = Files.createTempDirectory("ml-bench");
        List<String> untrained;
        try {
            untrained = run(miners, days, dir, filledStore, report);
        } finally {
            deleteRecursively(dir);
            report.write(outDir.resolve("ml-bench.txt"));
        }
        if (!untrained.isEmpty()) {
            throw new IllegalStateException("these models did not train from the synthetic farm: " + untrained);
        }
    }

    /** Returns the families and scopes that did not train (not enough data, or failed), with why. */
    private static List<String> run(int miners, int days, Path dir, Path filledStore, BenchReport report)
            throws IOException {
        MinerModelCatalog catalog = MinerModelCatalog.bundled();
        SyntheticFarm farm = SyntheticFarm.create(catalog, miners, START, days, SEED);
        Path database = dir.resolve("bench.db");
        if (filledStore != null && Files.exists(filledStore)) {
            Files.copy(filledStore, database);
            report.note(String.format(Locale.ROOT, "store copied from %s, filled by an earlier run with %d miners ×"
                    + " %d days (the caller vouches for the match)", filledStore, miners, days));
        } else {
            fill(farm, database, report);
            if (filledStore != null) {
                Files.copy(database, filledStore, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (SimulationClock clock = SimulationClock.manual(farm.end());
             SqliteFarmStore store = SqliteFarmStore.open(database, StoreSettings.defaults(), clock)) {
            ModelRegistry registry = new ModelRegistry(store.modelVersions(),
                    ModelRegistry.artifactFolderBeside(database), RegistrySettings.defaults(),
                    new DriftCheck(DriftSettings.defaults()), clock);
            List<String> untrained = trainAll(store, registry, StandardTrainers.all(catalog, dir), farm.end(), report);
            new ChampionInference(store, registry, catalog, TrainingSettings.load(dir), farm.end(), report)
                    .run(INFERENCE_UNITS);
            return untrained;
        }
    }

    /** Fills a new store at {@code database} with the farm's polls and a year of market history, then closes it. */
    private static void fill(SyntheticFarm farm, Path database, BenchReport report) {
        long t = System.nanoTime();
        try (SyntheticFarm.Stored stored = farm.storeIn(database)) {
            report.seconds(String.format(Locale.ROOT, "fill store (no target): %d miners × %d days, %d snapshots,"
                    + " ingest and daily maintenance", farm.miners().size(), farm.days(), stored.snapshots()), t);
            t = System.nanoTime();
            stored.store().market().append(SyntheticMarketHistory.generate(CoinCatalog.bundled().require("BTC"),
                    farm.end().minus(Duration.ofDays(MARKET_DAYS)), MARKET_DAYS,
                    SyntheticMarketHistory.Settings.structured(), SEED));
            report.seconds(String.format(Locale.ROOT, "fill store (no target): %d days of hourly BTC market history",
                    MARKET_DAYS), t);
        }
    }

    /** Trains every family for each of its scopes, as scheduled retraining does; returns what did not train. */
    private static List<String> trainAll(FarmStore store, ModelRegistry registry, List<ModelTrainer> trainers,
                                         Instant now, BenchReport report) {
        List<String> untrained = new ArrayList<>();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long all = System.nanoTime();
        for (ModelTrainer trainer : trainers) {
            long t = System.nanoTime();
            List<ModelScope> scopes = trainer.scopes(store, now);
            int promoted = 0;
            int before = untrained.size();
            List<String> notes = new ArrayList<>();
            for (ModelScope scope : scopes) {
                String what = trainer.type() + " " + scope;
                // as scheduled retraining does: one model failing is reported and the others still train
                try {
                    TrainingResult result = trainer.train(store, scope, now, TrainingProgress.NONE);
                    if (result.candidate().isEmpty()) {
                        untrained.add(what + ": not enough data: " + result.note());
                        notes.add(what + ": NOT ENOUGH DATA: " + result.note());
                        continue;
                    }
                    TrainingResult.Trained trained = result.candidate().get();
                    PromotionDecision decision = registry.registerAndPromote(trained.candidate(),
                            trained.artifact());
                    promoted += decision.promoted() ? 1 : 0;
                    notes.add(what + ": " + (decision.promoted() ? "promoted" : "kept champion") + "; "
                            + result.note() + "; " + decision.reason());
                } catch (RuntimeException e) {
                    untrained.add(what + ": failed: " + e.getMessage());
                    notes.add(what + ": FAILED: " + e);
                }
            }
            report.seconds(String.format(Locale.ROOT, "train %s: %d scope(s), %d promoted, %d not trained",
                    trainer.type(), scopes.size(), promoted, untrained.size() - before), t);
            notes.forEach(report::note);
        }
        report.seconds("training of all models together, their feature building included (target < 60 s)", all);
        double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / MIB;
        // each pool's own peak, summed: an upper bound of the heap in use at any one moment during training
        report.figure("peak heap during training (sum of the heap pools' peaks)", peak, "MiB");
        return untrained;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the bench's temporary store " + dir, e);
        }
    }
}
