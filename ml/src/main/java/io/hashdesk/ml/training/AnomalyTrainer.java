package io.hashdesk.ml.training;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.anomaly.AnomalyOptions;
import io.hashdesk.ml.anomaly.AnomalyTraining;
import io.hashdesk.ml.anomaly.AnomalyTrainingSettings;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.features.RoomSensors;
import io.hashdesk.ml.features.FeatureSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrains the fleet's anomaly detector ({@link AnomalyTraining}) over the windows of its own
 * {@link AnomalyTrainingSettings}. No room sensor reports yet, so the ambient features are missing
 * ({@link RoomSensors#NONE}) rather than an assumed constant, which would tell the detector nothing.
 */
public final class AnomalyTrainer implements ModelTrainer {

    private final MinerModelCatalog catalog;
    private final FeatureSettings features;
    private final AnomalyOptions options;
    private final AnomalyTrainingSettings settings;
    private final DriftSettings drift;

    public AnomalyTrainer(MinerModelCatalog catalog, FeatureSettings features, AnomalyOptions options,
                          AnomalyTrainingSettings settings, DriftSettings drift) {
        this.catalog = catalog;
        this.features = features;
        this.options = options;
        this.settings = settings;
        this.drift = drift;
    }

    @Override
    public ModelType type() {
        return ModelType.ANOMALY;
    }

    @Override
    public List<ModelScope> scopes(FarmStore store, Instant now) {
        return List.of(ModelScope.fleet());
    }

    @Override
    public TrainingResult train(FarmStore store, ModelScope scope, Instant now, TrainingProgress progress) {
        RoomSensorHistory air = air(store, now);
        AnomalyTraining.Trained trained;
        try {
            trained = training(store, air).train(now, progress);
        } catch (IllegalArgumentException e) {
            // AnomalyTraining's way of saying the window holds too few feature tables to fit and hold out
            return TrainingResult.notEnoughData(e.getMessage());
        }
        Set<String> sensed = air.sensedRooms();
        return TrainingResult.trained(trained.candidate(), trained.artifact(), "trained on "
                + trained.detector().trainingRows() + " feature rows; " + (sensed.isEmpty()
                ? "room temperature unknown (no room sensor)" : "room air measured in " + sensed));
    }

    @Override
    public Map<String, double[]> recentFeatures(FarmStore store, ModelScope scope, Instant now) {
        return training(store, air(store, now)).recentFeatures(now, TrainingProgress.NONE);
    }

    /** Room air over the training window and the day each of its feature tables looks back on. */
    private RoomSensorHistory air(FarmStore store, Instant now) {
        return RoomSensorHistory.read(store, now.minus(settings.window()).minus(features.dayWindow()), now);
    }

    private AnomalyTraining training(FarmStore store, RoomSensors ambient) {
        return new AnomalyTraining(store, catalog, features, ambient, options, settings, drift);
    }
}
