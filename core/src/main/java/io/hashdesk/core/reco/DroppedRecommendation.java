package io.hashdesk.core.reco;

import java.util.Objects;

/** Advice a pass did not show, and why (below a minimum, in a cooldown, expired, lost a conflict). */
public record DroppedRecommendation(Recommendation recommendation, String reason) {

    public DroppedRecommendation {
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(reason, "reason");
    }
}
