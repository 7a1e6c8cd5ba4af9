package io.hashdesk.core.store;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A trained model as the registry records it, before it has an id; it is stored as a {@link ModelStatus#CANDIDATE}.
 *
 * @param type                 what the model predicts
 * @param scope                what it was trained for
 * @param trainedFrom          start of the training data window (inclusive)
 * @param trainedTo            end of the training data window (exclusive), after {@code trainedFrom}
 * @param features             the model's input features in the order it takes them; unique, at least one
 * @param algorithm            what was fitted ({@code smile.regression.RandomForest}, {@code thermal-rc})
 * @param smileVersion         the Smile version of the build that trained it (an artifact is read back by Smile
 *                             classes of a compatible version)
 * @param hyperParametersJson  the options it was fitted with, as a JSON object
 * @param metrics              held-out figures by name ({@code heldOutRmseC}), finite
 * @param distributions        the training distribution of each feature, for drift checks
 * @param artifact             the trained artifact's file, already in place
 * @param createdAt            when it was registered
 */
public record NewModelVersion(ModelType type, ModelScope scope, Instant trainedFrom, Instant trainedTo,
                              List<String> features, String algorithm, String smileVersion, String hyperParametersJson,
                              Map<String, Double> metrics, List<FeatureDistribution> distributions,
                              ArtifactFile artifact, Instant createdAt) {

    public NewModelVersion {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(trainedFrom, "trainedFrom");
        Objects.requireNonNull(trainedTo, "trainedTo");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(smileVersion, "smileVersion");
        Objects.requireNonNull(hyperParametersJson, "hyperParametersJson");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(createdAt, "createdAt");
        String what = type + " model for " + scope;
        if (!trainedTo.isAfter(trainedFrom)) {
            throw new IllegalArgumentException(what + ": the training window must end after it starts, got "
                    + trainedFrom + " to " + trainedTo);
        }
        features = List.copyOf(features);
        if (features.isEmpty() || features.stream().anyMatch(String::isBlank)
                || new HashSet<>(features).size() != features.size()) {
            throw new IllegalArgumentException(what + ": the feature list must name at least one feature, each once,"
                    + " got " + features);
        }
        if (algorithm.isBlank() || smileVersion.isBlank()) {
            throw new IllegalArgumentException(what + ": algorithm and Smile version must be named");
        }
        if (!hyperParametersJson.strip().startsWith("{")) {
            throw new IllegalArgumentException(what + ": hyper-parameters must be a JSON object, got "
                    + hyperParametersJson);
        }
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        metrics.forEach((name, value) -> {
            if (name.isBlank() || value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(what + ": metric '" + name + "' must be a finite number, got "
                        + value);
            }
        });
        distributions = List.copyOf(distributions);
        for (FeatureDistribution distribution : distributions) {
            if (!features.contains(distribution.feature())) {
                throw new IllegalArgumentException(what + ": a distribution is given for '" + distribution.feature()
                        + "', which is not among its features " + features);
            }
        }
        if (distributions.stream().map(FeatureDistribution::feature).distinct().count() != distributions.size()) {
            throw new IllegalArgumentException(what + ": each feature can have one training distribution only");
        }
    }
}
