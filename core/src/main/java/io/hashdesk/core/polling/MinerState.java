package io.hashdesk.core.polling;

import io.hashdesk.core.domain.Miner;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one miner stands in the poll schedule. Immutable: every change is a new instance, which lets the due
 * queue recognise entries made obsolete by a later change.
 *
 * @param due     when the miner is next read or, with an open breaker, its status next recorded
 * @param probeAt while the breaker is open, when a probe read may go through; {@code null} otherwise
 * @param health  what the UI sees; {@code null} until the first poll
 */
record MinerState(Miner miner, Instant due, Instant probeAt, MinerHealth health) {

    MinerState {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(due, "due time");
    }

    /** Whether the breaker is open and its cool-down still running at {@code now}, so no read goes through. */
    boolean breakerHolds(Instant now) {
        return probeAt != null && now.isBefore(probeAt);
    }
}
