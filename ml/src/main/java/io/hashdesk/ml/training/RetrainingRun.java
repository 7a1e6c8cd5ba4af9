package io.hashdesk.ml.training;

import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.ml.registry.RetrainingDue;
import java.util.List;
import java.util.Objects;

/**
 * What one pass of {@link ModelRetraining} did, model by model.
 *
 * @param outcomes one per model that was due, in the order they were trained
 */
public record RetrainingRun(List<Outcome> outcomes) {

    public RetrainingRun {
        outcomes = List.copyOf(outcomes);
    }

    public long promoted() {
        return outcomes.stream().filter(o -> o.result() == Result.PROMOTED).count();
    }

    public long failed() {
        return outcomes.stream().filter(o -> o.result() == Result.FAILED).count();
    }

    public enum Result {
        /** The new version beat the champion (or there was none) and serves now. */
        PROMOTED,
        /** Trained and registered, but the champion stays: the new version did not beat it on held-out data. */
        KEPT_CHAMPION,
        /** Not enough data to train yet. */
        NOT_ENOUGH_DATA,
        /** Training threw; the champion, if any, stays. */
        FAILED
    }

    /**
     * @param why    why it was due
     * @param detail the registry's comparison, the trainer's note or the error, in words
     */
    public record Outcome(ModelType type, ModelScope scope, RetrainingDue.Reason why, Result result, String detail) {
        public Outcome {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
