package io.hashdesk.core.reco;

/**
 * How well a type of recommendation has done: the share of applied ones whose measured outcome fell inside the
 * predicted interval. It turns a model's own confidence into the confidence shown to the operator.
 */
public interface TrackRecord {

    /**
     * The confidence to show for a recommendation of {@code type} whose model is {@code modelConfidence} (0–1) sure.
     */
    double confidence(RecommendationType type, double modelConfidence);

    /** No outcomes measured yet: the model's confidence stands as it is. */
    static TrackRecord none() {
        return (type, modelConfidence) -> modelConfidence;
    }
}
