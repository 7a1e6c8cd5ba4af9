package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;

import java.util.List;
import java.util.Objects;

/**
 * A miner the anomaly detector flagged.
 *
 * @param score        0–1, higher is stranger
 * @param reasons      the features that stand out, in words with their values, strongest first
 * @param modelVersion {@code type/scope@version}
 */
public record AnomalyFinding(MinerId miner, double score, List<String> reasons, String modelVersion) {

    public AnomalyFinding {
        Objects.requireNonNull(miner, "miner");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(modelVersion, "model version");
    }
}
