package io.hashdesk.app.models;

import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.training.RetrainingRun;

/**
 * What the Models screen asks of the farm's running model training: the two things an operator changes. Both block
 * until done and are called from a background job, never on the FX thread.
 */
public interface ModelCommands {

    /**
     * Makes the previous champion of a type and scope serve again and marks the current one rolled back.
     *
     * @param reason why, in the operator's words; kept with both versions
     * @return the restored champion
     * @throws IllegalStateException if there is no champion or no earlier one; nothing changes then
     */
    ModelVersion rollback(ModelType type, ModelScope scope, String reason);

    /**
     * Trains every model that is due now (never trained, past its type's interval, or drifted) instead of at the next
     * scheduled check; cancelling stops before the next model.
     *
     * @throws IllegalStateException if a retraining run is already going
     */
    RetrainingRun retrainNow(TrainingProgress progress);
}
