package io.hashdesk.core.polling;

import io.hashdesk.core.domain.MinerAccessException.Failure;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a poll of a miner failed, for the operator: the kind decides status and retry, the message says what
 * happened in words (never a secret).
 *
 * @param at when the failure was recorded
 */
public record PollFailure(Failure kind, String message, Instant at) {

    public PollFailure {
        Objects.requireNonNull(kind, "failure kind");
        message = message == null || message.isBlank() ? kind.name() : message;
        Objects.requireNonNull(at, "failure time");
    }
}
