package io.hashdesk.ml.maintenance;

import io.hashdesk.core.domain.MinerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The maintenance model's assessment of one unit at one instant.
 *
 * @param probability  calibrated probability that a fan, hashboard or overheat failure happens within
 *                     {@code horizon}
 * @param likelyKind   the kind of failure the model finds most likely, should one come
 * @param alarm        whether the model's score for some kind reaches that kind's alarm threshold
 * @param explained    whether the warning signs were worked out: always by {@code FailureRiskModel.assess}, only
 *                     for the highest alarmed risks by {@code assessFleet}
 * @param warningSigns the features that raised the score most, strongest first (empty when none raised it, or when
 *                     not explained)
 */
public record FailureRisk(MinerId miner, Instant at, Duration horizon, double probability,
                          FailureKind likelyKind, boolean alarm, boolean explained,
                          List<WarningSign> warningSigns) {

    public FailureRisk {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(likelyKind, "likelyKind");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
        if (!explained && !warningSigns.isEmpty()) {
            throw new IllegalArgumentException("an unexplained risk of " + miner + " cannot name warning signs");
        }
        warningSigns = List.copyOf(warningSigns);
    }
}
