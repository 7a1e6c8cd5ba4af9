package io.hashdesk.core.market;

import java.time.Duration;
import java.util.Optional;

/** A request to a provider failed after every allowed attempt; the detail never contains a secret. */
final class FetchFailedException extends Exception {

    private final RefreshOutcome.Kind kind;
    private final transient Optional<Duration> retryAfter;

    FetchFailedException(RefreshOutcome.Kind kind, String detail, Optional<Duration> retryAfter) {
        super(detail);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    RefreshOutcome.Kind kind() {
        return kind;
    }

    /** How long the provider asked us to wait (HTTP 429), if it did. */
    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
