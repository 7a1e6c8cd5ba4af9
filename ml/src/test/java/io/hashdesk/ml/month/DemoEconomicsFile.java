package io.hashdesk.ml.month;

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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo farm's money side as the app installs it ({@code assets/demo-farm/demo-economics.json}): its pools, so each
 * unit's coin and pool terms are known, its time-of-use tariff, and its illustrative market figures for the coins the
 * synthetic market history does not cover (the Scrypt pair).
 */
final class DemoEconomicsFile {

    private final JsonNode root;
    private final String source;

    private DemoEconomicsFile(JsonNode root, String source) {
        this.root = root;
        this.source = source;
    }

    static DemoEconomicsFile read(Path file) {
        try {
            return new DemoEconomicsFile(JsonMapper.builder().build().readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo economics " + file, e);
        }
    }

    /** Saves the pools and makes the tariff active. */
    void install(FarmStore store) {
        for (JsonNode pool : root.path("pools")) {
            store.pools().savePool(new PoolDefinition(pool.path("id").asText(), pool.path("name").asText(),
                    PoolEndpoint.parse(pool.path("url").asText()), pool.path("coin").asText(),
                    new PoolTerms(pool.path("feePercent").asDouble(),
                            PayoutScheme.valueOf(pool.path("scheme").asText()))));
        }
        Tariff tariff = TariffJson.read(root.path("tariff").toString(), source);
        store.energy().saveTariff(tariff);
        store.energy().activateTariff(tariff.name());
    }

    /** The file's figures for {@code coin} at {@code at}; the file has one fixed set per coin. */
    MarketSnapshot figures(String coin, Instant at) {
        for (JsonNode entry : root.path("market")) {
            if (entry.path("coin").asText().equals(coin)) {
                return new MarketSnapshot(coin, at, "demo", entry.path("priceUsd").asDouble(),
                        entry.path("networkDifficulty").asDouble(), null, entry.path("blockRewardCoins").asDouble(),
                        entry.path("feesPerBlockCoins").asDouble());
            }
        }
        throw new IllegalArgumentException(source + ": market has no entry for coin '" + coin + "'");
    }

    /** Every coin the file has figures for. */
    List<String> coins() {
        List<String> coins = new ArrayList<>();
        root.path("market").forEach(entry -> coins.add(entry.path("coin").asText()));
        return coins;
    }
}
