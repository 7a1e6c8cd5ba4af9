package io.hashdesk.app.market;

import io.hashdesk.core.market.RefreshOutcome;
import java.time.Instant;
import java.util.Optional;

/**
 * What the operator needs to know about one market data provider: whether it is on, when it last delivered figures,
 * and its last failure with the provider's own sentence.
 *
 * @param latest the newest outcome of any kind (a skip says e.g. that the provider waits out a rate limit)
 */
public record ProviderStatus(String name, boolean enabled, Optional<Instant> lastSuccess,
                             Optional<RefreshOutcome.Failed> lastFailure, Optional<RefreshOutcome> latest) {

    /** Whether the newest outcome is a failure: the provider is failing now, not just once in the past. */
    public boolean failingNow() {
        return latest.filter(RefreshOutcome.Failed.class::isInstance).isPresent();
    }
}
