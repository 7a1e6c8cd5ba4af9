package io.hashdesk.core.reco;

/** Where a stored recommendation stands. */
public enum RecommendationStatus {
    /** Advised by the latest pass and waiting in the inbox. */
    OPEN,
    /** Hidden until its snooze ends; the first pass after that shows it again. */
    SNOOZED,
    /** The operator accepted it: being applied, or a work order is open for it. */
    ACCEPTED,
    /** Applied to the miners (or its work order closed); its outcome is measured afterwards. */
    APPLIED,
    /** The operator said no, with a reason; it stays away for its type's cooldown. */
    DISMISSED,
    /** A later pass no longer advised it. */
    SUPERSEDED,
    /** It passed its expiry before anyone acted on it. */
    EXPIRED;

    /** True for the statuses a pass may still update: the advice is live. */
    public boolean live() {
        return this == OPEN || this == SNOOZED || this == ACCEPTED;
    }
}
