package io.hashdesk.drivers.api;

import io.hashdesk.core.domain.MinerAccessException;
import java.time.Duration;
import java.util.Objects;

/**
 * The miner answered "too many requests" (Vnish does so for repeated unlock attempts). Trying again before
 * {@link #retryAfter()} only extends the lock-out, so callers should wait at least that long.
 */
public class MinerRateLimitedException extends MinerAccessException {

    private final Duration retryAfter;

    public MinerRateLimitedException(String message, Duration retryAfter) {
        super(Failure.RATE_LIMITED, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retry after");
    }

    /** How long the miner asked us (or, when it did not say, the driver suggests) to wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
