package io.hashdesk.core.reco;

import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;

import java.util.Objects;

/**
 * A better setting the power optimiser found for one miner, with the efficiency curve's forecast of the change.
 *
 * @param type                      {@link RecommendationType#POWER} (a preset or power target) or
 *                                  {@link RecommendationType#OVERCLOCK} (manual clocks)
 * @param current                   the setting it runs now (the parts {@code proposed} sets)
 * @param impact                    forecast change (after − before) with the curve's intervals, $/day at the prices
 *                                  in force
 * @param probabilityConstraintsHold the curve's probability that every safety constraint holds at the proposal
 * @param calibrated                false when the curve's intervals are indicative only (too few probes)
 * @param probes                    settled measurements the curve was fitted on
 * @param modelVersion              {@code type/scope@version} of the curve
 */
public record SettingProposal(MinerId miner, RecommendationType type, SettingValues current, SettingValues proposed,
                              ExpectedImpact impact, double probabilityConstraintsHold, boolean calibrated,
                              int probes, String modelVersion) {

    public SettingProposal {
        Objects.requireNonNull(miner, "miner");
        if (type != RecommendationType.POWER && type != RecommendationType.OVERCLOCK) {
            throw new IllegalArgumentException("a setting proposal is POWER or OVERCLOCK, got " + type);
        }
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(proposed, "proposed");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(modelVersion, "model version");
    }
}
