package io.hashdesk.app.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hashdesk.core.energy.Tariff;
import io.hashdesk.core.energy.TariffJson;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import io.hashdesk.core.store.FarmStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo farm's money side, from {@code assets/demo-farm/demo-economics.json}: its pools (so each simulated miner's
 * coin is known), illustrative market figures stored with the source {@code demo} at every start, and a time-of-use
 * tariff made active only when the operator has none. A new user sees profit per day from the first minute; the
 * figures say where they come from.
 */
final class DemoEconomics {

    static final String SOURCE = "demo";
    private static final String DEFINITION = "/assets/demo-farm/demo-economics.json";
    private static final String POOL_PREFIX = "demo-";

    private DemoEconomics() {
    }

    /** Writes the demo's pools, market figures and (if no tariff is active) tariff into the store. */
    static void install(FarmStore store, ZoneId siteZone, Instant now) throws IOException {
        JsonNode root;
        try (InputStream in = DemoEconomics.class.getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IOException(DEFINITION + " is missing from the app; the build is broken");
            }
            root = JsonMapper.builder().build().readTree(in);
        }
        for (JsonNode pool : root.path("pools")) {
            store.pools().savePool(new PoolDefinition(pool.path("id").asText(), pool.path("name").asText(),
                    PoolEndpoint.parse(pool.path("url").asText()), pool.path("coin").asText(),
                    new PoolTerms(pool.path("feePercent").asDouble(), PayoutScheme.valueOf(pool.path("scheme").asText()))));
        }
        List<MarketSnapshot> figures = new ArrayList<>();
        for (JsonNode coin : root.path("market")) {
            figures.add(new MarketSnapshot(coin.path("coin").asText(), now, SOURCE, coin.path("priceUsd").asDouble(),
                    coin.path("networkDifficulty").asDouble(), null, coin.path("blockRewardCoins").asDouble(),
                    coin.path("feesPerBlockCoins").asDouble()));
        }
        store.market().append(figures);
        if (store.energy().activeTariff().isEmpty()) {
            Tariff tariff = TariffJson.read(root.path("tariff").toString(), DEFINITION);
            Tariff local = new Tariff(tariff.name(), tariff.currency(), siteZone, tariff.energy(),
                    tariff.demandCharges());
            store.energy().saveTariff(local);
            store.energy().activateTariff(local.name());
        }
    }

    /** Takes the demo's pools and tariff out when the demo is turned off; its market figures just age. */
    static void retire(FarmStore store) {
        store.pools().pools().stream().map(PoolDefinition::id).filter(id -> id.startsWith(POOL_PREFIX))
                .forEach(id -> {
                    try {
                        store.pools().removePool(id);
                    } catch (IllegalStateException inUse) {
                        // an operator put it in a miner's pool plan: it is theirs now
                    }
                });
        store.energy().tariffs().stream().map(Tariff::name).filter(name -> name.startsWith("Demo "))
                .forEach(store.energy()::deleteTariff);
    }
}
