package io.hashdesk.core.action;

import io.hashdesk.core.domain.MinerId;
import java.util.Objects;

/**
 * One miner's state in a running action, for the progress view.
 *
 * @param stepReached apply steps taken so far
 * @param stepCount   apply steps planned
 * @param message     what is happening or why it ended so, one sentence
 */
public record MinerProgress(MinerId miner, MinerState state, int stepReached, int stepCount, String message) {

    public MinerProgress {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
    }
}
