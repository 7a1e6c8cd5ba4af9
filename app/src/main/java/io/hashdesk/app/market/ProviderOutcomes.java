package io.hashdesk.app.market;

import io.hashdesk.core.market.MarketProvider;
import io.hashdesk.core.market.RefreshOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps, per market provider, its last success and its last failure apart: the refresh itself only keeps the newest
 * outcome, so one skip after a failure would hide the failure's message from the operator. Fed as the
 * {@link io.hashdesk.core.market.MarketRefresh} listener (on its threads), read by the screen in the background.
 */
public final class ProviderOutcomes implements Consumer<RefreshOutcome> {

    private record Provider(String name, boolean enabled) {
    }

    private final List<Provider> providers;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, RefreshOutcome.Failed> lastFailure = new ConcurrentHashMap<>();
    private final Map<String, RefreshOutcome> latest = new ConcurrentHashMap<>();

    public ProviderOutcomes(List<? extends MarketProvider> providers) {
        this.providers = providers.stream().map(p -> new Provider(p.name(), p.enabled())).toList();
    }

    @Override
    public void accept(RefreshOutcome outcome) {
        latest.put(outcome.provider(), outcome);
        switch (outcome) {
            case RefreshOutcome.Updated updated -> lastSuccess.put(updated.provider(), updated.at());
            case RefreshOutcome.Failed failed -> lastFailure.put(failed.provider(), failed);
            case RefreshOutcome.Skipped skipped -> {
                // a skip neither delivers figures nor fails; it only shows as the newest outcome
            }
        }
    }

    /** Every provider in the configured order, enabled or not. */
    public List<ProviderStatus> statuses() {
        return providers.stream().map(p -> new ProviderStatus(p.name(), p.enabled(),
                Optional.ofNullable(lastSuccess.get(p.name())), Optional.ofNullable(lastFailure.get(p.name())),
                Optional.ofNullable(latest.get(p.name())))).toList();
    }
}
