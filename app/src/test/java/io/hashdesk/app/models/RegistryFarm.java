package io.hashdesk.app.models;

import io.hashdesk.app.SteppingClock;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.drift.FeatureDistributions;
import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.registry.ModelCandidate;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.registry.RetrainingSchedule;
import io.hashdesk.ml.registry.RetrainingSettings;
import io.hashdesk.ml.training.ModelRetraining;
import io.hashdesk.ml.training.ModelTrainer;
import io.hashdesk.ml.training.RetrainingRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A farm database in a temporary folder with a real model registry beside it, versions registered at a clock the
 * test moves, and drift checks against seeded feature columns.
 */
final class RegistryFarm implements AutoCloseable {

    static final ModelScope S19J_PRO = ModelScope.minerModel("antminer-s19j-pro");
    static final List<String> FEATURES = List.of("powerWatts", "ambientC");

    final SqliteFarmStore store;
    final SteppingClock clock = new SteppingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final ModelRegistry registry;

    RegistryFarm(Path dir) {
        Path database = dir.resolve("hashdesk.db");
        store = SqliteFarmStore.open(database, StoreSettings.defaults(), Clock.systemUTC());
        registry = new ModelRegistry(store.modelVersions(), ModelRegistry.artifactFolderBeside(database),
                RegistrySettings.defaults(), new DriftCheck(DriftSettings.defaults()), clock);
    }

    /** Power 3,000–3,400 W and ambient 20–30 °C, seeded; {@code ambientShiftC} moves the ambient column. */
    static Map<String, double[]> columns(long seed, double ambientShiftC) {
        Random random = new Random(seed);
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("powerWatts", random.doubles(400, 3_000, 3_400).toArray());
        columns.put("ambientC", random.doubles(400, 20 + ambientShiftC, 30 + ambientShiftC).toArray());
        return columns;
    }

    static ModelCandidate candidate(ModelType type, ModelScope scope, Instant trainedTo, Map<String, Double> metrics) {
        return new ModelCandidate(type, scope, trainedTo.minus(Duration.ofDays(7)), trainedTo, FEATURES,
                "test-fit", Map.of("depth", 6), metrics,
                FeatureDistributions.snapshot(columns(1, 0), DriftSettings.defaults()));
    }

    /** Registers a version an hour after the last and lets the registry judge it. */
    ModelVersion train(ModelType type, ModelScope scope, Map<String, Double> metrics) {
        clock.advance(Duration.ofHours(1));
        return registry.registerAndPromote(candidate(type, scope, clock.instant(), metrics),
                ModelArtifact.serialized("model fitted at " + clock.instant())).candidate();
    }

    ModelVersion thermal(double heldOutRmseC) {
        return train(ModelType.THERMAL, S19J_PRO, Map.of("heldOutRmseC", heldOutRmseC, "units", 12.0));
    }

    /** A drift check of the version against recent data whose ambient moved by {@code ambientShiftC}. */
    DriftReport checkDrift(ModelVersion version, double ambientShiftC) {
        clock.advance(Duration.ofMinutes(10));
        return registry.checkDrift(version, columns(2, ambientShiftC));
    }

    ModelVersion champion(ModelType type, ModelScope scope) {
        return registry.champion(type, scope).orElseThrow();
    }

    ModelsReader reader() {
        return new ModelsReader(store.modelVersions(), RegistrySettings.defaults(), clock);
    }

    static SlotRows slotRows() {
        return new SlotRows(MinerModelCatalog.bundled(), ZoneOffset.UTC);
    }

    /** The commands the console's model training gives, over this registry and the given trainers. */
    ModelCommands commands(List<ModelTrainer> trainers) {
        ModelRetraining retraining = new ModelRetraining(store, registry,
                new RetrainingSchedule(RetrainingSettings.defaults()), trainers, clock);
        return new ModelCommands() {
            @Override
            public ModelVersion rollback(ModelType type, ModelScope scope, String reason) {
                return registry.rollback(type, scope, reason);
            }

            @Override
            public RetrainingRun retrainNow(TrainingProgress progress) {
                return retraining.run(progress);
            }
        };
    }

    @Override
    public void close() {
        store.close();
    }
}
