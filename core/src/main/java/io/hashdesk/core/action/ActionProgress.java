package io.hashdesk.core.action;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A change in a running action: the miner that moved (empty when the action as a whole moved), the action's state and
 * how many of its miners are in each state.
 */
public record ActionProgress(String actionId, ActionState actionState, Optional<MinerProgress> miner,
                             Map<MinerState, Integer> counts) {

    public ActionProgress {
        Objects.requireNonNull(actionId, "action id");
        Objects.requireNonNull(actionState, "action state");
        Objects.requireNonNull(miner, "miner");
        counts = Map.copyOf(counts);
    }

    /** How many miners are in {@code state}. */
    public int count(MinerState state) {
        return counts.getOrDefault(state, 0);
    }
}
