package io.hashdesk.core.alert;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert as stored: raised when a rule's condition held long enough, seen again on every evaluation it still
 * holds, cleared when the condition has been gone long enough, acknowledged by an operator at any time.
 *
 * @param id             the store's id
 * @param raisedAt       when the alert was opened
 * @param lastSeenAt     the latest evaluation that still found the condition
 * @param clearedAt      when the condition went away for good; empty while open
 * @param message        the latest finding's sentence, with its figures
 * @param acknowledgedBy who acknowledged it; empty until someone does
 * @param acknowledgedAt when, present exactly when {@code acknowledgedBy} is
 */
public record Alert(long id, MinerId minerId, AlertKind kind, AlertSeverity severity, Instant raisedAt,
                    Instant lastSeenAt, Optional<Instant> clearedAt, String message, Optional<String> acknowledgedBy,
                    Optional<Instant> acknowledgedAt) {

    public Alert {
        Objects.requireNonNull(minerId, "miner id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raised at");
        Objects.requireNonNull(lastSeenAt, "last seen at");
        Objects.requireNonNull(clearedAt, "cleared at (use Optional.empty())");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(acknowledgedBy, "acknowledged by (use Optional.empty())");
        Objects.requireNonNull(acknowledgedAt, "acknowledged at (use Optional.empty())");
        if (acknowledgedBy.isPresent() != acknowledgedAt.isPresent()) {
            throw new IllegalArgumentException("Alert " + id + ": acknowledged by and at go together");
        }
    }

    /** Whether the condition is still present (not cleared). */
    public boolean open() {
        return clearedAt.isEmpty();
    }

    public boolean acknowledged() {
        return acknowledgedBy.isPresent();
    }

    public AlertKey key() {
        return new AlertKey(minerId, kind);
    }
}
