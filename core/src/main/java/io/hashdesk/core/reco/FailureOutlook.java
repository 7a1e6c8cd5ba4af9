package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The maintenance model's view of one miner.
 *
 * @param probability  calibrated probability of a failure within {@code horizon}
 * @param kind         the most likely failure, e.g. {@code FAN}, {@code HASHBOARD}, {@code OVERHEAT}
 * @param warningSigns the signals that raised the risk, one short line each, strongest first
 * @param modelVersion {@code type/scope@version}
 */
public record FailureOutlook(MinerId miner, double probability, Duration horizon, String kind,
                             List<String> warningSigns, String modelVersion) {

    public FailureOutlook {
        Objects.requireNonNull(miner, "miner");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0–1, got " + probability);
        }
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(kind, "kind");
        warningSigns = List.copyOf(warningSigns);
        Objects.requireNonNull(modelVersion, "model version");
    }
}
