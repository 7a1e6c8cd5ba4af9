package io.hashdesk.app.actions;

import io.hashdesk.core.domain.MinerId;
import java.util.List;
import java.util.Objects;

/** A started action as it stands now: each miner's stage. */
public record ActionProgress(String actionId, String title, List<MinerProgress> miners) {

    public ActionProgress {
        Objects.requireNonNull(actionId, "action id");
        Objects.requireNonNull(title, "title");
        miners = List.copyOf(miners);
    }

    /** Whether every miner has reached an end (kept, rolled back or failed). */
    public boolean finished() {
        return miners.stream().allMatch(m -> m.stage().finished());
    }

    /**
     * One miner's stage.
     *
     * @param step   the step being applied (1-based) while {@link Stage#APPLYING}, else the last one applied
     * @param steps  how many steps its change has
     * @param detail why it failed or was rolled back, or what it waits for; empty when there is nothing to say
     */
    public record MinerProgress(MinerId miner, String name, Stage stage, int step, int steps, String detail) {
        public MinerProgress {
            Objects.requireNonNull(miner, "miner");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(stage, "stage");
            detail = detail == null ? "" : detail;
        }
    }

    /** Where one miner is in backup → apply → read back → verify → settle watch → keep or roll back. */
    public enum Stage {
        QUEUED(false),
        BACKING_UP(false),
        APPLYING(false),
        VERIFYING(false),
        WATCHING(false),
        ROLLING_BACK(false),
        /** Stopped answering mid-change; recovery retries it. */
        UNREACHABLE(false),
        KEPT(true),
        ROLLED_BACK(true),
        /** Not started: unreachable before any write, cancelled first, or changed since by someone else. */
        SKIPPED(true),
        FAILED(true);

        private final boolean finished;

        Stage(boolean finished) {
            this.finished = finished;
        }

        public boolean finished() {
            return finished;
        }
    }
}
