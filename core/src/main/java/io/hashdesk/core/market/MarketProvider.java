package io.hashdesk.core.market;

import java.time.Duration;

/** A source of market figures that {@link MarketRefresh} asks in the background. */
public interface MarketProvider {

    /** The display name, e.g. {@code CoinGecko}. */
    String name();

    /** Whether the operator has turned it on; a provider that is off sends no request. */
    boolean enabled();

    /** How often the background refresh asks it. */
    Duration refreshInterval();

    /**
     * Asks the provider once and stores what it says. Blocks for the length of the conversation (retries included),
     * so it is called on a background thread; never throws for network, reply or store failures, which come back as
     * a {@link RefreshOutcome.Failed} while the previous figures keep serving.
     */
    RefreshOutcome refresh();
}
