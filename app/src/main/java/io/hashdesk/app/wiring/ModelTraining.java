package io.hashdesk.app.wiring;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.settings.DataFolder;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.registry.RetrainingSchedule;
import io.hashdesk.ml.registry.RetrainingSettings;
import io.hashdesk.ml.training.ModelRetraining;
import io.hashdesk.ml.training.StandardTrainers;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The farm's trained models: the registry beside the database (artifacts in its {@code models} folder) and the
 * scheduled retraining of every model family, for the console and the headless agent alike. Each settings file in
 * the data folder overrides the defaults of its part.
 */
final class ModelTraining implements AutoCloseable {

    static final String REGISTRY_SETTINGS_FILE = "registry-settings.json";
    static final String RETRAINING_SETTINGS_FILE = "retraining-settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);

    private final ModelRegistry registry;
    private final ScheduledRetraining schedule;

    private ModelTraining(ModelRegistry registry, ScheduledRetraining schedule) {
        this.registry = registry;
        this.schedule = schedule;
    }

    /** Opens the registry and starts the retraining timer; throws when a settings file is invalid (it names it). */
    static ModelTraining start(FarmStore store, DataFolder folder, Clock clock) {
        ModelRegistry registry = new ModelRegistry(store.modelVersions(),
                ModelRegistry.artifactFolderBeside(folder.databaseFile()),
                RegistrySettings.withOverrides(folder.path().resolve(REGISTRY_SETTINGS_FILE)),
                new DriftCheck(DriftSettings.withOverrides(folder.path().resolve(StandardTrainers.DRIFT_SETTINGS_FILE))), clock);
        RetrainingSettings settings = RetrainingSettings.withOverrides(folder.path().resolve(RETRAINING_SETTINGS_FILE));
        ModelRetraining retraining = new ModelRetraining(store, registry, new RetrainingSchedule(settings),
                StandardTrainers.all(MinerModelCatalog.bundled(), folder.path()), clock);
        List<java.nio.file.Path> orphans = registry.removeOrphanArtifacts();
        if (!orphans.isEmpty()) {
            LOG.info("Removed {} model file(s) that no version refers to (left by an interrupted training)",
                    orphans.size());
        }
        ScheduledRetraining schedule = ScheduledRetraining.start(retraining::run, settings.firstCheckAfter(),
                settings.checkEvery());
        LOG.info("Models: registry in {}; checking for models due every {}",
                ModelRegistry.artifactFolderBeside(folder.databaseFile()), settings.checkEvery());
        return new ModelTraining(registry, schedule);
    }

    ModelRegistry registry() {
        return registry;
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
