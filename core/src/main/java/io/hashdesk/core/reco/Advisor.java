package io.hashdesk.core.reco;

import java.time.Instant;
import java.util.List;

/**
 * Turns evidence into recommendations of one or a few types. Advisors are pure: the engine gives them the evidence,
 * the time and the track record, and applies cooldowns, minimum gains, conflicts and ranking to what they return.
 */
public interface Advisor {

    List<Recommendation> advise(FarmEvidence evidence, Instant now, TrackRecord trackRecord);
}
