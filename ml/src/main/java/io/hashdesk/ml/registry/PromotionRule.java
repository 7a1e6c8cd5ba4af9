package io.hashdesk.ml.registry;

import java.util.Objects;

/**
 * The held-out metric a model type's candidates are judged on, and by how much a candidate must beat the champion.
 *
 * @param metric                 the metric's name in a version's metrics ({@code heldOutRmseC})
 * @param direction              which way it improves
 * @param minRelativeImprovement the candidate must be better by at least this share of the champion's figure, so
 *                               retraining on similar data does not swap champions over noise; 0 means any strict
 *                               improvement
 */
public record PromotionRule(String metric, MetricDirection direction, double minRelativeImprovement) {

    public PromotionRule {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("A promotion rule must name its metric");
        }
        if (!(minRelativeImprovement >= 0 && minRelativeImprovement < 1)) {
            throw new IllegalArgumentException("minRelativeImprovement for " + metric + " must be in [0, 1), got "
                    + minRelativeImprovement);
        }
    }

    /** Whether {@code candidate} beats {@code champion} by the required margin (a tie never does). */
    public boolean beats(double candidate, double champion) {
        double margin = minRelativeImprovement * Math.abs(champion);
        return direction == MetricDirection.LOWER_IS_BETTER
                ? candidate < champion - margin
                : candidate > champion + margin;
    }

    String describe() {
        return (direction == MetricDirection.LOWER_IS_BETTER ? "lower" : "higher") + " is better"
                + (minRelativeImprovement > 0 ? ", by at least " + Math.round(minRelativeImprovement * 1000) / 10.0
                + " %" : "");
    }
}
