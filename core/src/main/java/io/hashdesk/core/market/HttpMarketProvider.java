package io.hashdesk.core.market;

import java.time.Duration;

/**
 * A provider that talks HTTP through its {@link ProviderCalls}: its name, on/off switch and refresh interval are the
 * calls' settings, so each provider only says what it asks and how it reads the reply.
 */
abstract class HttpMarketProvider implements MarketProvider {

    final ProviderCalls calls;

    HttpMarketProvider(ProviderCalls calls) {
        this.calls = calls;
    }

    @Override
    public final String name() {
        return calls.provider();
    }

    @Override
    public final boolean enabled() {
        return calls.settings().enabled();
    }

    @Override
    public final Duration refreshInterval() {
        return calls.settings().refreshInterval();
    }
}
