package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the poller knows about one miner, for the fleet table and the miner detail: its status and, when it is
 * failing, why and what the poller does about it.
 *
 * @param status              as of the latest poll (a failed poll gives the failure's status)
 * @param lastSuccessAt       when a read last succeeded; empty if none has since the poller started
 * @param lastFailure         the most recent failure; kept after a success so the UI can show what it was
 * @param consecutiveFailures failed polls since the last success
 * @param breaker             whether the poller still reads the miner
 * @param nextPollDue         when the poller will next read it or record its status
 */
public record MinerHealth(MinerId minerId, MinerStatus status, Optional<Instant> lastSuccessAt,
                          Optional<PollFailure> lastFailure, int consecutiveFailures, BreakerState breaker,
                          Instant nextPollDue) {

    public MinerHealth {
        Objects.requireNonNull(minerId, "miner id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastSuccessAt, "last success (use Optional.empty())");
        Objects.requireNonNull(lastFailure, "last failure (use Optional.empty())");
        Objects.requireNonNull(breaker, "breaker state");
        Objects.requireNonNull(nextPollDue, "next poll due");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must be ≥ 0, got " + consecutiveFailures);
        }
    }

    /** Whether the latest poll failed (including a status recorded while the breaker is open). */
    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
