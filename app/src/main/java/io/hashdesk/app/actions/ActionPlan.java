package io.hashdesk.app.actions;

import io.hashdesk.core.action.SettingValues;
import io.hashdesk.core.domain.MinerId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A plan the operator confirms before anything is written: every miner's settings from → to, the miners refused with
 * the reason, and how the change is paced.
 *
 * @param planId            the executor's handle for the plan, given back to {@link ActionConsole#start}
 * @param title             what the action does, e.g. "Lower 12 S19j Pro in Room B to the 3,000 W preset"
 * @param recommendationIds the recommendations it applies
 * @param waves             how many groups of miners are changed one after another
 * @param minersPerWave     the most miners changed at once
 * @param stepsPerMiner     how many gradual steps the largest change is split into
 * @param estimated         how long the whole action should take, settle watches included
 */
public record ActionPlan(String planId, String title, List<String> recommendationIds, List<PlannedMiner> miners,
                         List<RefusedMiner> refused, int waves, int minersPerWave, int stepsPerMiner,
                         Duration estimated) {

    public ActionPlan {
        Objects.requireNonNull(planId, "plan id");
        Objects.requireNonNull(title, "title");
        recommendationIds = List.copyOf(recommendationIds);
        miners = List.copyOf(miners);
        refused = List.copyOf(refused);
        Objects.requireNonNull(estimated, "estimated duration");
    }

    /** Whether confirming it would change anything. */
    public boolean changesAnything() {
        return !miners.isEmpty();
    }

    /** One miner the plan changes. */
    public record PlannedMiner(MinerId miner, String name, SettingValues from, SettingValues to) {
        public PlannedMiner {
            Objects.requireNonNull(miner, "miner");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** One miner the plan leaves alone, and why: e.g. "3,400 W is above the S19j Pro's 3,250 W limit". */
    public record RefusedMiner(MinerId miner, String name, String reason) {
        public RefusedMiner {
            Objects.requireNonNull(miner, "miner");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
