package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an action will do, shown to the operator before it runs: every miner with its settings from → to, the steps,
 * the refusals, and the waves in which miners change (no wave holds more miners of one room, or of the farm, than the
 * settings allow).
 *
 * @param recommendationId  the recommendation it applies, if any
 * @param rollsBackActionId for a manual rollback, the action it undoes
 * @param waves             miners that will be written, in the order of the waves; refused miners are in none
 */
public record ActionPlan(String id, String title, String requestedBy, Optional<String> recommendationId,
                         Optional<String> rollsBackActionId, Instant createdAt, List<PlannedChange> changes,
                         List<List<MinerId>> waves) {

    public ActionPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (requestedBy == null || requestedBy.isBlank()) {
            throw new IllegalArgumentException("an action needs the name of who requested it");
        }
        Objects.requireNonNull(recommendationId, "recommendation id (use Optional.empty())");
        Objects.requireNonNull(rollsBackActionId, "rolls back action id (use Optional.empty())");
        Objects.requireNonNull(createdAt, "created at");
        changes = List.copyOf(changes);
        waves = waves.stream().map(List::copyOf).toList();
    }

    /** The change planned for {@code miner}, if it is in the plan. */
    public Optional<PlannedChange> change(MinerId miner) {
        return changes.stream().filter(c -> c.miner().equals(miner)).findFirst();
    }

    /** The miners that will be written. */
    public List<PlannedChange> applicable() {
        return changes.stream().filter(c -> !c.refused()).toList();
    }

    /** The miners that will not be written, each with its reasons. */
    public List<PlannedChange> refused() {
        return changes.stream().filter(PlannedChange::refused).toList();
    }
}
