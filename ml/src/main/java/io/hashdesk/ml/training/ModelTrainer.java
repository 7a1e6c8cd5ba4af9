package io.hashdesk.ml.training;

import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.TrainingProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Trains one family of models from what the farm's store holds. {@link ModelRetraining} asks each trainer which
 * scopes it keeps models for, which of them are due, and trains those.
 */
public interface ModelTrainer {

    ModelType type();

    /** The scopes this family keeps a model for now (the fleet, each miner model in the farm, ...). */
    List<ModelScope> scopes(FarmStore store, Instant now);

    /**
     * Trains a candidate for {@code scope} from data up to {@code now}. A scope without enough data gives
     * {@link TrainingResult#notEnoughData}, never an exception: that is normal on a new farm.
     */
    TrainingResult train(FarmStore store, ModelScope scope, Instant now, TrainingProgress progress);

    /**
     * The recent values of the model's features, by the names its candidates list, for the drift check against the
     * champion's training distributions; empty when the family is not checked for drift or nothing is recent.
     */
    Map<String, double[]> recentFeatures(FarmStore store, ModelScope scope, Instant now);
}
