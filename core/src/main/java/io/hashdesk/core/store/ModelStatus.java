package io.hashdesk.core.store;

/** Where a model version stands in its type and scope's champion/challenger lifecycle. */
public enum ModelStatus {
    /** Trained and registered, not (yet) serving. */
    CANDIDATE,
    /** The version that serves predictions; at most one per type and scope. */
    CHAMPION,
    /** Lost to the champion, or replaced by a better one; a former champion can come back by rollback. */
    RETIRED,
    /** Was champion and was rolled back; never restored by a later rollback. */
    ROLLED_BACK
}
