package io.hashdesk.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.MinerStatus;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.TelemetrySnapshot;
import io.hashdesk.core.domain.catalog.Algorithm;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.pool.PoolDefinition;
import io.hashdesk.core.pool.PoolEndpoint;
import io.hashdesk.core.profit.PayoutScheme;
import io.hashdesk.core.profit.PoolTerms;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FarmCoinTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final MinerModelCatalog MODELS = MinerModelCatalog.bundled();
    private static final CoinCatalog COINS = CoinCatalog.bundled();
    private static final Map<Algorithm, String> ASSUMED = Map.of(Algorithm.SHA256, "BTC", Algorithm.SCRYPT, "LTC");
    private static final String LTC_POOL = "stratum+tcp://ltc.example.net:3333";
    private static final String UNLISTED_POOL = "stratum+tcp://elsewhere.example.org:3333";

    @TempDir
    Path dir;

    private SqliteFarmStore store;

    @BeforeEach
    void openStore() {
        store = SqliteFarmStore.open(dir.resolve("farm.db"), StoreSettings.defaults(), Clock.fixed(NOW,
                ZoneOffset.UTC));
        store.registry().saveSite(new Site("site", "Site", ZoneOffset.UTC));
        store.registry().saveRoom(new Room("hall", "site", "Hall"));
        register("s19-a", "antminer-s19j-pro", 1);
        register("s19-b", "antminer-s19j-pro", 2);
        register("l7", "antminer-l7", 3);
        store.pools().savePool(new PoolDefinition("ltc-pool", "LTC pool", PoolEndpoint.parse(LTC_POOL), "LTC",
                new PoolTerms(2, PayoutScheme.PPS)));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void isTheCoinMostOfTheFarmsPowerMinesCountingUnlistedPoolsAsTheirAlgorithmsAssumedCoin() {
        ingest(reading("s19-a", UNLISTED_POOL, 3_000.0), reading("s19-b", UNLISTED_POOL, 3_000.0),
                reading("l7", LTC_POOL, 3_400.0));

        FarmCoin coin = FarmCoin.of(store, MODELS, COINS, ASSUMED, "BTC");

        assertThat(coin.coin().symbol()).isEqualTo("BTC");
        assertThat(coin.reason()).contains("64 %");
    }

    @Test
    void aMinerOnAPoolPayingACoinItCannotMineCountsForNoCoin() {
        ingest(reading("s19-a", UNLISTED_POOL, 3_000.0), reading("s19-b", LTC_POOL, 3_000.0),
                reading("l7", LTC_POOL, 3_400.0));

        FarmCoin coin = FarmCoin.of(store, MODELS, COINS, ASSUMED, "BTC");

        assertThat(coin.coin().symbol()).as("3,400 W on LTC against 3,000 W on BTC").isEqualTo("LTC");
    }

    @Test
    void aMinerReportingNoPowerCountsWithItsModelsRatedPower() {
        ingest(reading("s19-a", UNLISTED_POOL, null), reading("l7", LTC_POOL, 2_000.0));

        FarmCoin coin = FarmCoin.of(store, MODELS, COINS, ASSUMED, "LTC");

        double rated = MODELS.byId("antminer-s19j-pro").orElseThrow().ratedPowerWatts();
        assertThat(coin.coin().symbol()).as("a rated %.0f W on BTC against 2,000 W on LTC", rated).isEqualTo("BTC");
        assertThat(coin.reason()).contains(String.format(Locale.ROOT, "%.0f %%", 100 * rated / (rated + 2_000)));
    }

    @Test
    void withoutTelemetryIsTheFallbackCoin() {
        FarmCoin coin = FarmCoin.of(store, MODELS, COINS, ASSUMED, "LTC");

        assertThat(coin.coin().symbol()).isEqualTo("LTC");
        assertThat(coin.reason()).contains("fallback");
    }

    private void register(String id, String model, int slot) {
        store.registry().saveMiner(new Miner(MinerId.of(id), "site", new RackPosition("hall", "R1", 1, slot),
                new MinerAddress("127.0.0.1", 4000 + slot, 4000 + slot), model, "", Optional.empty()));
    }

    private void ingest(TelemetrySnapshot... snapshots) {
        assertThat(store.telemetry().ingest(List.of(snapshots)).allStored()).isTrue();
    }

    private static TelemetrySnapshot reading(String miner, String poolUrl, Double powerWatts) {
        return new TelemetrySnapshot(MinerId.of(miner), NOW.minusSeconds(60), MinerStatus.MINING, 100.0, 100.0,
                List.of(), 70.0, 60.0, List.of(5_000, 5_000), 60.0, powerWatts, 13.5, 600.0, "stock", poolUrl, 10L, 0L,
                0L, null);
    }
}
