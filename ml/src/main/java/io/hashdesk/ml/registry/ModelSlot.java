package io.hashdesk.ml.registry;

import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One model the farm keeps (a type for a scope) as the retraining schedule sees it.
 *
 * @param lastTrainedAt when a version was last registered for it ({@link ModelRegistry#lastTrained}); empty if never
 * @param driftFlagged  whether the latest drift check asked for retraining ({@code DriftReport.retrainingNeeded()})
 */
public record ModelSlot(ModelType type, ModelScope scope, Optional<Instant> lastTrainedAt, boolean driftFlagged) {

    public ModelSlot {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(lastTrainedAt, "lastTrainedAt");
    }
}
