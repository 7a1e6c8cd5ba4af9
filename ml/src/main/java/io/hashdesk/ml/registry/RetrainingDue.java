package io.hashdesk.ml.registry;

import java.util.Objects;

/**
 * A model that should be retrained now, and why.
 *
 * @param explanation the reason in words for the job list and the log
 */
public record RetrainingDue(ModelSlot slot, Reason reason, String explanation) {

    /** In the order they are served: a model that is wrong now before one that is merely old. */
    public enum Reason { DRIFT, NEVER_TRAINED, SCHEDULE }

    public RetrainingDue {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }
}
