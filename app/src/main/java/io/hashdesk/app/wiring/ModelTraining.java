package io.hashdesk.app.wiring;

import io.hashdesk.app.models.ModelCommands;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.registry.RetrainingSchedule;
import io.hashdesk.ml.registry.RetrainingSettings;
import io.hashdesk.ml.training.ModelRetraining;
import io.hashdesk.ml.training.RetrainingRun;
import io.hashdesk.ml.training.StandardTrainers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The farm's trained models: the registry beside the database (artifacts in its {@code models} folder) and the
 * scheduled retraining of every model family, for the console and the headless agent alike, and the operator's
 * rollback and retrain-now from the Models screen. Each settings file in the data folder overrides the defaults of
 * its part. One retraining run at a time: a scheduled check that finds one running skips its turn.
 */
final class ModelTraining implements ModelCommands, AutoCloseable {

    static final String REGISTRY_SETTINGS_FILE = "registry-settings.json";
    static final String RETRAINING_SETTINGS_FILE = "retraining-settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);

    private final ModelRegistry registry;
    private final ModelRetraining retraining;
    private final Lock oneRunAtATime;
    private final ScheduledRetraining schedule;

    private ModelTraining(ModelRegistry registry, ModelRetraining retraining, Lock oneRunAtATime,
                          ScheduledRetraining schedule) {
        this.registry = registry;
        this.retraining = retraining;
        this.oneRunAtATime = oneRunAtATime;
        this.schedule = schedule;
    }

    /** The registry's settings: its defaults with {@value #REGISTRY_SETTINGS_FILE} in the data folder over them. */
    static RegistrySettings registrySettings(Path dataFolder) {
        return RegistrySettings.withOverrides(dataFolder.resolve(REGISTRY_SETTINGS_FILE));
    }

    /** Opens the registry and starts the retraining timer; throws when a settings file is invalid (it names it). */
    static ModelTraining start(FarmStore store, DataFolder folder, Clock clock) {
        ModelRegistry registry = new ModelRegistry(store.modelVersions(),
                ModelRegistry.artifactFolderBeside(folder.databaseFile()),
                registrySettings(folder.path()),
                new DriftCheck(DriftSettings.withOverrides(folder.path().resolve(StandardTrainers.DRIFT_SETTINGS_FILE))), clock);
        RetrainingSettings settings = RetrainingSettings.withOverrides(folder.path().resolve(RETRAINING_SETTINGS_FILE));
        ModelRetraining retraining = new ModelRetraining(store, registry, new RetrainingSchedule(settings),
                StandardTrainers.all(MinerModelCatalog.bundled(), folder.path()), clock);
        List<Path> orphans = registry.removeOrphanArtifacts();
        if (!orphans.isEmpty()) {
            LOG.info("Removed {} model file(s) that no version refers to (left by an interrupted training)",
                    orphans.size());
        }
        Lock oneRunAtATime = new ReentrantLock();
        ScheduledRetraining schedule = ScheduledRetraining.start(
                progress -> runAlone(oneRunAtATime, retraining, progress).orElseGet(() -> {
                    LOG.info("Skipping this retraining check: a run the operator started is still going");
                    return new RetrainingRun(List.of());
                }), settings.firstCheckAfter(), settings.checkEvery());
        LOG.info("Models: registry in {}; checking for models due every {}",
                ModelRegistry.artifactFolderBeside(folder.databaseFile()), settings.checkEvery());
        return new ModelTraining(registry, retraining, oneRunAtATime, schedule);
    }

    /** A run of what is due, unless another run holds the lock; empty then. */
    private static Optional<RetrainingRun> runAlone(Lock lock, ModelRetraining retraining, TrainingProgress progress) {
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(retraining.run(progress));
        } finally {
            lock.unlock();
        }
    }

    ModelRegistry registry() {
        return registry;
    }

    @Override
    public ModelVersion rollback(ModelType type, ModelScope scope, String reason) {
        return registry.rollback(type, scope, reason);
    }

    @Override
    public RetrainingRun retrainNow(TrainingProgress progress) {
        return runAlone(oneRunAtATime, retraining, progress).orElseThrow(() -> new IllegalStateException(
                "A retraining run is already going (see the job list); the models it trains need no second run"));
    }

    /** Where runs go from now on: the console passes its job runner once its window is up. */
    void runThrough(ScheduledRetraining.Runner runner) {
        schedule.runThrough(runner);
    }

    @Override
    public void close() {
        schedule.close();
    }
}
