package io.hashdesk.ml.anomaly;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.ml.features.Feature;
import java.time.Instant;
import java.util.List;

/**
 * One unit's verdict at one instant: its scores, whether they cross the thresholds fitted on training data, and the
 * features that make it stand out, strongest first.
 *
 * @param forestScore Smile's isolation-forest score, 0–1, higher = easier to isolate
 * @param peerScore   the largest robust z-score of the unit against its peers (same model, same room)
 * @param reasons     the features behind the verdict, strongest first (empty for a unit that is not anomalous)
 * @param imputed     features that were missing and filled with the peers' median to score the unit
 */
public record Anomaly(MinerId miner, Instant asOf, boolean anomalous, double forestScore, double peerScore,
                      List<Reason> reasons, List<Feature> imputed) {

    public Anomaly {
        reasons = List.copyOf(reasons);
        imputed = List.copyOf(imputed);
    }

    /**
     * One feature's part in the verdict.
     *
     * @param value     the unit's value, in the feature's unit
     * @param reference what it was compared with: the median of its peers, or of the training fleet
     * @param robustZ   (value − reference) / robust spread, in log units for log-scaled features
     */
    public record Reason(Feature feature, double value, double reference, double robustZ) {
    }
}
