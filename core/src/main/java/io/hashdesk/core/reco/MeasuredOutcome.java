package io.hashdesk.core.reco;

import java.time.Instant;
import java.util.Objects;

/**
 * What an applied recommendation did, measured from telemetry, beside what it predicted. Figures are differences
 * (after − before) summed over its miners like {@link ExpectedImpact}; {@code null} when they could not be measured.
 *
 * @param changeFinishedAt when the change finished on the miners; the windows are placed around it
 * @param treatedMiners    target miners with enough data in both windows
 * @param controlMiners    untouched miners of the same model and room whose change was subtracted; 0 when there were
 *                         none, and the figures are then unadjusted
 * @param predicted        what was predicted for the miners measured: a group's totals in proportion when only some
 *                         of its miners could be measured
 * @param inside           whether the headline figure fell inside its predicted interval; {@code null} when the
 *                         recommendation predicted nothing measurable
 * @param headline         which figure was judged: {@code efficiencyJPerTh}, {@code profitUsdPerDay},
 *                         {@code powerWatts} or {@code hashrateThs}; {@code null} with {@code inside}
 * @param summary          one sentence for the operator
 */
public record MeasuredOutcome(String recommendationId, String actionId, RecommendationType type,
                              Instant changeFinishedAt, Instant measuredAt, int treatedMiners, int controlMiners,
                              Double hashrateThs, Double powerWatts, Double efficiencyJPerTh, Double profitUsdPerDay,
                              ExpectedImpact predicted, Boolean inside, String headline, String summary) {

    public MeasuredOutcome {
        Objects.requireNonNull(recommendationId, "recommendation id");
        Objects.requireNonNull(actionId, "action id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(changeFinishedAt, "change finished at");
        Objects.requireNonNull(measuredAt, "measured at");
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(summary, "summary");
        if ((inside == null) != (headline == null)) {
            throw new IllegalArgumentException("inside and headline go together");
        }
    }
}
