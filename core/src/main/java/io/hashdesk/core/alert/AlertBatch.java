package io.hashdesk.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation's outcome for the store, applied in one transaction.
 *
 * @param active  conditions present now: each opens an alert, or updates "last seen" and the message of the open one
 * @param cleared keys whose open alert ends now
 * @param at      the evaluation's time
 */
public record AlertBatch(List<AlertFinding> active, List<AlertKey> cleared, Instant at) {

    public AlertBatch {
        active = List.copyOf(active);
        cleared = List.copyOf(cleared);
        Objects.requireNonNull(at, "time");
    }

    public boolean isEmpty() {
        return active.isEmpty() && cleared.isEmpty();
    }
}
