package io.hashdesk.ml.training;

import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.registry.ModelCandidate;
import java.util.Objects;
import java.util.Optional;

/**
 * What one training run produced: a candidate with its artifact, or why there is none.
 *
 * @param candidate the trained model's description and its file, when there is one
 * @param note      what happened, in words for the job list and the log
 */
public record TrainingResult(Optional<Trained> candidate, String note) {

    public TrainingResult {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(note, "note");
    }

    public static TrainingResult trained(ModelCandidate candidate, ModelArtifact artifact, String note) {
        return new TrainingResult(Optional.of(new Trained(candidate, artifact)), note);
    }

    public static TrainingResult notEnoughData(String why) {
        return new TrainingResult(Optional.empty(), why);
    }

    public record Trained(ModelCandidate candidate, ModelArtifact artifact) {
        public Trained {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(artifact, "artifact");
        }
    }
}
