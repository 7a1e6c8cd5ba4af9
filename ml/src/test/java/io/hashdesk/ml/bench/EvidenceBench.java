package io.hashdesk.ml.bench;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.profit.FarmProfitReport;
import io.hashdesk.core.profit.FleetProfit;
import io.hashdesk.core.reco.EconomicEvidence;
import io.hashdesk.core.reco.FarmEvidence;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.drivers.sim.SimulationClock;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.advice.FarmEvidenceBuilder;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.training.ModelTrainer;
import io.hashdesk.ml.training.StandardTrainers;
import io.hashdesk.ml.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Building the recommendation engine's evidence ({@link FarmEvidenceBuilder}) for a whole farm, as a scheduled
 * recommendation pass does: a store of {@code miners} synthetic units (every fourth on watt-named presets) over
 * {@code days}, every model family trained and promoted, then the build timed as the median of several runs after a
 * warm-up. No timing assertion; figures on stdout and in {@code <outDir>/evidence-bench.txt}. The store lives in a
 * temporary folder, deleted at the end.
 *
 * <p>Run: {@code java -cp <ml test classpath> io.hashdesk.ml.bench.EvidenceBench [miners] [days] [outDir]}
 * (defaults 5000, 9, {@code target/bench}).
 */
public final class EvidenceBench {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SEED = 20_261_203L;
    private static final int PRESET_EVERY = 4;
    private static final int RUNS = 3;

    private EvidenceBench() {
    }

    public static void main(String[] args) throws IOException {
        int miners = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Path outDir = Path.of(args.length > 2 ? args[2] : "target/bench");
        BenchReport report = new BenchReport();
        report.note(String.format(Locale.ROOT, "%d miners × %d days; %d cores, Java %s", miners, days,
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        Path dir = Files.createTempDirectory("evidence-bench");
        MinerModelCatalog catalog = MinerModelCatalog.bundled();
        SyntheticFarm farm = SyntheticFarm.create(catalog, miners, START, days, SEED, PRESET_EVERY);
        long t = System.nanoTime();
        try (SyntheticFarm.Stored stored = farm.storeIn(dir.resolve("bench.db"))) {
            report.seconds("fill store (no target)", t);
            SimulationClock clock = stored.clock();
            ModelRegistry registry = new ModelRegistry(stored.store().modelVersions(),
                    ModelRegistry.artifactFolderBeside(dir.resolve("bench.db")), RegistrySettings.defaults(),
                    new DriftCheck(DriftSettings.defaults()), clock);
            t = System.nanoTime();
            for (ModelTrainer trainer : StandardTrainers.all(catalog, dir)) {
                for (ModelScope scope : trainer.scopes(stored.store(), farm.end())) {
                    TrainingResult result = trainer.train(stored.store(), scope, farm.end(), TrainingProgress.NONE);
                    result.candidate().ifPresentOrElse(c -> registry.registerAndPromote(c.candidate(), c.artifact()),
                            () -> report.note(trainer.type() + " " + scope + ": " + result.note()));
                }
            }
            report.seconds("train every family (no target)", t);
            Instant end = farm.end();
            EconomicEvidence economics = new EconomicEvidence(new FarmProfitReport(FleetProfit.of(end,
                    end.plus(Duration.ofDays(1)), "USD", List.of()), Map.of(), Map.of(), Map.of(), List.of()));
            FarmEvidenceBuilder builder = new FarmEvidenceBuilder(stored.store(), registry, catalog, dir);
            FarmEvidence evidence = builder.build(end, economics);
            report.note(String.format(Locale.ROOT, "evidence: %d miners, %d proposals, %d thermal, %d failure,"
                            + " %d anomaly, %d hashprice", evidence.miners().size(), evidence.proposals().size(),
                    evidence.thermal().size(), evidence.failures().size(), evidence.anomalies().size(),
                    evidence.hashprice().size()));
            double[] seconds = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                t = System.nanoTime();
                builder.build(end, economics);
                seconds[run] = (System.nanoTime() - t) / 1e9;
            }
            Arrays.sort(seconds);
            report.figure(String.format(Locale.ROOT, "farm evidence for %d miners (median of %d warm runs)", miners,
                    RUNS), seconds[RUNS / 2], "s");
        } finally {
            deleteRecursively(dir);
            report.write(outDir.resolve("evidence-bench.txt"));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
