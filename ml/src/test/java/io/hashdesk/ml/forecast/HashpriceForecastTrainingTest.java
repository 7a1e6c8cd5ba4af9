package io.hashdesk.ml.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.market.Coin;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.market.MarketSnapshot;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.LoadedModel;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.PromotionDecision;
import io.hashdesk.ml.registry.RegistrySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashpriceForecastTrainingTest {

    private static final Coin BTC = CoinCatalog.bundled().require("BTC");
    private static final Coin LTC = CoinCatalog.bundled().require("LTC");
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final HashpriceForecaster.Options OPTIONS = HashpriceForecaster.Options.defaults();
    private static final HashpriceForecaster.Options DAY_AHEAD = OPTIONS.withHorizons(List.of(Duration.ofDays(1)));

    @TempDir
    Path dir;

    @Test
    void trainsFromTheStoreAndRestoresFromTheRegistryForecastingTheSame() {
        List<MarketSnapshot> history = SyntheticMarketHistory.generate(BTC, START, 110,
                SyntheticMarketHistory.Settings.structured(), 3);
        Instant until = history.getLast().fetchedAt().plusSeconds(1);
        Path database = dir.resolve("farm.db");
        try (SqliteFarmStore store = SqliteFarmStore.open(database, StoreSettings.defaults(), Clock.systemUTC())) {
            store.market().append(history);
            ModelRegistry registry = new ModelRegistry(store.modelVersions(),
                    ModelRegistry.artifactFolderBeside(database), RegistrySettings.defaults(),
                    new DriftCheck(DriftSettings.defaults()), Clock.fixed(until, ZoneOffset.UTC));

            HashpriceForecastTraining.Trained trained = HashpriceForecastTraining.train(store.market(), BTC,
                    Duration.ofDays(120), until, DAY_AHEAD, DriftSettings.defaults(), TrainingProgress.NONE);
            PromotionDecision decision = registry.registerAndPromote(trained.candidate(), trained.artifact());
            LoadedModel<HashpriceForecaster.Saved> loaded = registry.loadChampion(ModelType.PROFIT_FORECAST,
                    ModelScope.fleet(), HashpriceForecaster.Saved.class).orElseThrow();
            HashpriceForecaster restored = HashpriceForecaster.restore(loaded.model(), BTC);

            assertThat(decision.promoted()).isTrue();
            assertThat(trained.candidate().metrics().get(HashpriceForecastTraining.HELD_OUT_MAE_VS_NAIVE))
                    .as("the structured market is one the model beats the naive forecast on").isLessThan(1);
            assertThat(trained.candidate().features()).contains("hashprice_change_1d", "fee_share");
            Instant now = history.getLast().fetchedAt();
            assertThat(restored.forecast(history, now)).isEqualTo(trained.forecaster().forecast(history, now));
            assertThatThrownBy(() -> HashpriceForecaster.restore(loaded.model(), LTC))
                    .hasMessageContaining("trained for BTC");
        }
    }

    @Test
    void aHorizonThatFallsBackToTheNaiveForecastCountsAsNoBetterThanIt() {
        HorizonValidation model = new HorizonValidation(Duration.ofDays(1), 5, 100, 0.8, 1.0, 0.6, 0.5, 0.9,
                ForecastSource.MODEL, "model");
        HorizonValidation fallback = new HorizonValidation(Duration.ofDays(7), 5, 100, 0.9, 1.0, 0.5, 0.5, 0.9,
                ForecastSource.BASELINE, "naive");

        assertThat(HashpriceForecastTraining.metrics(List.of(model, fallback)))
                .containsEntry("maeVsNaive_24h", 0.8)
                .containsEntry("maeVsNaive_168h", 1.0)
                .containsEntry("modelMaeVsNaive_168h", 0.9)
                .containsEntry(HashpriceForecastTraining.HELD_OUT_MAE_VS_NAIVE, 0.9);
    }
}
