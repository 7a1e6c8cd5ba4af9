package io.hashdesk.core.action;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An action as the journal holds it: what it was, who asked, and where it stands. */
public record ActionRecord(String id, String title, String requestedBy, Optional<String> recommendationId,
                           Optional<String> rollsBackActionId, Instant createdAt, ActionState state,
                           Optional<Instant> finishedAt, String message) {

    public ActionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(requestedBy, "requested by");
        Objects.requireNonNull(recommendationId, "recommendation id");
        Objects.requireNonNull(rollsBackActionId, "rolls back action id");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(finishedAt, "finished at");
        message = message == null ? "" : message;
    }
}
