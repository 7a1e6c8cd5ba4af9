package io.hashdesk.core.reco;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recommendation as the store keeps it: the latest advice with its status and the feedback on it.
 *
 * @param firstAdvisedAt when a pass first advised it (the recommendation's {@code createdAt} is the latest pass)
 * @param statusAt       when the status last changed
 * @param statusBy       who changed it (the operator; empty for the engine's own changes)
 * @param dismissReason  why it was dismissed
 * @param snoozedUntil   when a snooze ends
 * @param actionId       the action that applied it (the executor's id), or {@code work-order-<id>} for maintenance
 * @param appliedAt      when its change finished (or its work order was closed)
 */
public record StoredRecommendation(Recommendation recommendation, RecommendationStatus status, Instant firstAdvisedAt,
                                   Instant statusAt, Optional<String> statusBy, Optional<String> dismissReason,
                                   Optional<Instant> snoozedUntil, Optional<String> actionId,
                                   Optional<Instant> appliedAt) {

    public StoredRecommendation {
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(firstAdvisedAt, "first advised at");
        Objects.requireNonNull(statusAt, "status at");
        Objects.requireNonNull(statusBy, "status by (use Optional.empty())");
        Objects.requireNonNull(dismissReason, "dismiss reason (use Optional.empty())");
        Objects.requireNonNull(snoozedUntil, "snoozed until (use Optional.empty())");
        Objects.requireNonNull(actionId, "action id (use Optional.empty())");
        Objects.requireNonNull(appliedAt, "applied at (use Optional.empty())");
    }

    public String id() {
        return recommendation.id();
    }
}
