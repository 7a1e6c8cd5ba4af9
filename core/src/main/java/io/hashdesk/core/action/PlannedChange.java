package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.util.List;
import java.util.Objects;

/**
 * One miner in an {@link ActionPlan}: what it runs, what it will run, the writes that get it there, and, when it may
 * not be changed, why. A refused miner stays in the plan so the operator sees it, and is never written.
 *
 * @param roomId   the room it stands in, which decides its wave
 * @param steps    the writes in order, the last one equal to {@code to}; empty when refused
 * @param refusals one sentence per limit the change breaks; empty when it may be applied
 */
public record PlannedChange(MinerId miner, String modelId, String roomId, SettingValues from, SettingValues to,
                            List<SettingValues> steps, List<String> refusals) {

    public PlannedChange {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(modelId, "model id");
        Objects.requireNonNull(roomId, "room id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        steps = List.copyOf(steps);
        refusals = List.copyOf(refusals);
        if (refusals.isEmpty() && steps.isEmpty()) {
            throw new IllegalArgumentException("the change of " + miner + " is neither refused nor has any step");
        }
    }

    /** True when the miner will not be written. */
    public boolean refused() {
        return !refusals.isEmpty();
    }
}
