package io.hashdesk.core.reco;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A technician's job, opened when an operator accepts a MAINTENANCE recommendation: the steps and parts come from it;
 * closing records what was done, the parts used, who and when.
 */
public record WorkOrder(long id, String recommendationId, String title, List<MinerId> miners, List<String> steps,
                        List<String> parts, String openedBy, Instant openedAt, Optional<String> closedBy,
                        Optional<Instant> closedAt, Optional<String> workDone, List<String> partsUsed) {

    public WorkOrder {
        Objects.requireNonNull(recommendationId, "recommendation id");
        Objects.requireNonNull(title, "title");
        miners = List.copyOf(miners);
        steps = List.copyOf(steps);
        parts = List.copyOf(parts);
        Objects.requireNonNull(openedBy, "opened by");
        Objects.requireNonNull(openedAt, "opened at");
        Objects.requireNonNull(closedBy, "closed by (use Optional.empty())");
        Objects.requireNonNull(closedAt, "closed at (use Optional.empty())");
        Objects.requireNonNull(workDone, "work done (use Optional.empty())");
        partsUsed = List.copyOf(partsUsed);
    }

    public WorkOrderStatus status() {
        return closedAt.isPresent() ? WorkOrderStatus.CLOSED : WorkOrderStatus.OPEN;
    }
}
