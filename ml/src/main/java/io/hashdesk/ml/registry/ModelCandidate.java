package io.hashdesk.ml.registry;

import io.hashdesk.core.store.FeatureDistribution;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A freshly trained model's description, for {@link ModelRegistry#register}.
 *
 * @param trainedFrom     start of the training window (inclusive)
 * @param trainedTo       end of the training window (exclusive)
 * @param features        input features in the model's order
 * @param algorithm       what was fitted ({@code smile.regression.RandomForest})
 * @param hyperParameters the options it was fitted with: an Options record or {@code Properties}, written as JSON
 * @param metrics         held-out figures by name; must include the type's promotion metric
 * @param distributions   the training distribution of every feature
 *                        ({@link io.hashdesk.ml.drift.FeatureDistributions#snapshot})
 */
public record ModelCandidate(ModelType type, ModelScope scope, Instant trainedFrom, Instant trainedTo,
                             List<String> features, String algorithm, Object hyperParameters,
                             Map<String, Double> metrics, List<FeatureDistribution> distributions) {

    public ModelCandidate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(trainedFrom, "trainedFrom");
        Objects.requireNonNull(trainedTo, "trainedTo");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hyperParameters, "hyperParameters");
        features = List.copyOf(features);
        metrics = Map.copyOf(metrics);
        distributions = List.copyOf(distributions);
    }
}
