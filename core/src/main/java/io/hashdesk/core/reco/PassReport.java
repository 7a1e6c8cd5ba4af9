package io.hashdesk.core.reco;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one pass of the engine did.
 *
 * @param shown     what the inbox shows now, best ranked first
 * @param dropped   advice not shown, each with its reason
 * @param saved     what saving changed in the store
 * @param expired   stored advice that passed its expiry
 * @param measured  outcomes measured this pass
 * @param failures  advisors that failed, one sentence each (the others still ran)
 * @param took      how long the pass ran
 */
public record PassReport(Instant at, List<Recommendation> shown, List<DroppedRecommendation> dropped, PassSave saved,
                         int expired, List<MeasuredOutcome> measured, List<String> failures, Duration took) {

    public PassReport {
        shown = List.copyOf(shown);
        dropped = List.copyOf(dropped);
        measured = List.copyOf(measured);
        failures = List.copyOf(failures);
    }
}
