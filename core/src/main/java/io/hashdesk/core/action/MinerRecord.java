package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One miner of an action as the journal holds it. Settings here never carry pool passwords.
 *
 * @param wave               the wave it was planned in (0 = first); empty when refused
 * @param stepReached        how many apply steps it has taken (0 = none)
 * @param settingsBefore     what it ran just before the first write, as read from it
 * @param lastStepFinishedAt when its last apply step finished: the start of the "after" window for measuring the
 *                           outcome
 * @param watchEndedAt       when its watch ended (kept or rolled back)
 */
public record MinerRecord(String actionId, MinerId miner, String modelId, String roomId, Optional<Integer> wave,
                          SettingValues from, SettingValues to, List<SettingValues> steps, List<String> refusals,
                          MinerState state, int stepReached, String message, Optional<SettingValues> settingsBefore,
                          Optional<WatchBaseline> baseline, Optional<Instant> lastStepFinishedAt,
                          Optional<Instant> watchEndedAt, Instant updatedAt) {

    public MinerRecord {
        Objects.requireNonNull(actionId, "action id");
        Objects.requireNonNull(miner, "miner");
        steps = List.copyOf(steps);
        refusals = List.copyOf(refusals);
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
    }

    /** The plan's entry for this miner. */
    public PlannedChange plannedChange() {
        return new PlannedChange(miner, modelId, roomId, from, to, steps, refusals);
    }
}
