package io.hashdesk.app.wiring;

import io.hashdesk.app.market.ProviderOutcomes;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.ApiKey;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.CoinGeckoPrices;
import io.hashdesk.core.market.MarketProvider;
import io.hashdesk.core.market.MarketRefresh;
import io.hashdesk.core.market.MarketSettings;
import io.hashdesk.core.market.ProhashingEarnings;
import io.hashdesk.core.market.RefreshOutcome;
import io.hashdesk.core.market.WhatToMineCoins;
import io.hashdesk.core.profit.FarmProfitability;
import io.hashdesk.core.profit.ProfitHistoryJob;
import io.hashdesk.core.profit.ProfitSettings;
import io.hashdesk.core.store.FarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The money side of the app: the market data providers (each off until the operator enables it in
 * {@code market-settings.json}), refreshed in the background so nothing waits on the network; profitability over
 * the store; and the job that keeps the daily profit history.
 */
final class MarketAndProfit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketAndProfit.class);
    static final String MARKET_SETTINGS_FILE = "market-settings.json";
    /**
     * Where the Prohashing API key comes from until the settings screen keeps it encrypted: the environment, so the
     * key is never written to a plain file by Hashdesk.
     */
    static final String PROHASHING_KEY_VARIABLE = "HASHDESK_PROHASHING_API_KEY";

    private final MarketRefresh refresh;
    private final ProfitHistoryJob history;
    private final FarmProfitability profitability;
    private final MarketSettings marketSettings;
    private final ProviderOutcomes providerOutcomes;

    private MarketAndProfit(MarketRefresh refresh, ProfitHistoryJob history, FarmProfitability profitability,
                            MarketSettings marketSettings, ProviderOutcomes providerOutcomes) {
        this.refresh = refresh;
        this.history = history;
        this.profitability = profitability;
        this.marketSettings = marketSettings;
        this.providerOutcomes = providerOutcomes;
    }

    static MarketAndProfit start(FarmStore store, Path dataFolder, Clock clock) {
        MarketSettings market = MarketSettings.withOverrides(dataFolder.resolve(MARKET_SETTINGS_FILE));
        ProfitSettings profit = ProfitSettings.inDataFolder(dataFolder);
        CoinCatalog coins = CoinCatalog.bundled();
        OkHttpClient http = new OkHttpClient();
        Optional<ApiKey> prohashingKey = Optional.ofNullable(System.getenv(PROHASHING_KEY_VARIABLE))
                .filter(key -> !key.isBlank()).map(ApiKey::new);
        List<MarketProvider> providers = List.of(
                new CoinGeckoPrices(market.coinGecko(), coins, store.market(), http, clock),
                new WhatToMineCoins(market.whatToMine(), coins, store.market(), http, clock),
                new ProhashingEarnings(market.prohashing(), prohashingKey, store.market(), http, clock));
        ProviderOutcomes outcomes = new ProviderOutcomes(providers);
        MarketRefresh refresh = new MarketRefresh(providers, clock, outcome -> {
            log(outcome);
            outcomes.accept(outcome);
        });
        refresh.start();
        FarmProfitability profitability = profitability(store, coins, market, profit, clock);
        ProfitHistoryJob history = ProfitHistoryJob.start(profitability, profit, clock);
        LOG.info("Market data providers enabled: {}", providers.stream().filter(MarketProvider::enabled)
                .map(MarketProvider::name).toList());
        return new MarketAndProfit(refresh, history, profitability, market, outcomes);
    }

    FarmProfitability profitability() {
        return profitability;
    }

    /**
     * Profit over the store with no job started and nothing written: what a console shows while the site agent
     * refreshes the market data and keeps the history.
     */
    static FarmProfitability readOnly(FarmStore store, Path dataFolder, Clock clock) {
        return profitability(store, CoinCatalog.bundled(),
                MarketSettings.withOverrides(dataFolder.resolve(MARKET_SETTINGS_FILE)),
                ProfitSettings.inDataFolder(dataFolder), clock);
    }

    private static FarmProfitability profitability(FarmStore store, CoinCatalog coins, MarketSettings market,
                                                   ProfitSettings profit, Clock clock) {
        return new FarmProfitability(store, coins, MinerModelCatalog.bundled(), profit, market.staleAfter(), clock);
    }

    /** The market settings in force (defaults plus the operator's file). */
    MarketSettings marketSettings() {
        return marketSettings;
    }

    /** Each provider's last success and last failure, for the Market &amp; energy screen. */
    ProviderOutcomes providerOutcomes() {
        return providerOutcomes;
    }

    private static void log(RefreshOutcome outcome) {
        switch (outcome) {
            case RefreshOutcome.Failed failed -> LOG.warn("{}", failed.message());
            case RefreshOutcome.Updated updated -> LOG.info("{}", updated.message());
            case RefreshOutcome.Skipped skipped -> LOG.debug("{}", skipped.message());
        }
    }

    @Override
    public void close() {
        refresh.close();
        history.close();
    }
}
