package io.hashdesk.ml.optimiser;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one unit's optimisation runs: what its firmware accepts, what the operator requires, and the per-model
 * curve (fitted on the model's other units) to start from, if there is one.
 */
public record OptimisationScope(FirmwareEnvelope firmware, Constraints constraints,
                                Optional<EfficiencyCurve> modelPrior) {

    public OptimisationScope {
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(modelPrior, "modelPrior");
    }
}
