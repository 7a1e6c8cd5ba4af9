package io.hashdesk.ml.registry;

import io.hashdesk.core.store.ModelVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a candidate put up against the champion.
 *
 * @param candidate        the candidate as it now stands (CHAMPION if promoted, else RETIRED)
 * @param previousChampion the champion it was compared with, as it now stands; empty if there was none
 * @param promoted         whether the candidate is now champion
 * @param reason           the comparison in words ("heldOutRmseC 1.21 beats champion v3's 1.40 (lower is better)")
 */
public record PromotionDecision(ModelVersion candidate, Optional<ModelVersion> previousChampion, boolean promoted,
                                String reason) {

    public PromotionDecision {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(previousChampion, "previousChampion");
        Objects.requireNonNull(reason, "reason");
    }
}
