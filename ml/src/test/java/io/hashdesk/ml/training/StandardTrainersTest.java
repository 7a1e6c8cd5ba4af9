package io.hashdesk.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerAddress;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.domain.RackPosition;
import io.hashdesk.core.domain.Room;
import io.hashdesk.core.domain.Site;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.market.CoinCatalog;
import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.drivers.sim.MinerSettings;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.forecast.SyntheticMarketHistory;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.registry.RetrainingSchedule;
import io.hashdesk.ml.registry.RetrainingSettings;
import io.hashdesk.ml.sim.HistoryScenario;
import io.hashdesk.ml.sim.ScheduledEvent;
import io.hashdesk.ml.sim.SimulatedHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled retraining end to end: simulator telemetry and market history in a real store, the standard trainers. */
class StandardTrainersTest {

    private static final MinerModelCatalog CATALOG = MinerModelCatalog.bundled();
    private static final String S19J_PRO = "antminer-s19j-pro";
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    private static final Duration HISTORY = Duration.ofHours(16);
    private static final int MARKET_DAYS = 110;
    /** Per unit, the manual clocks (MHz, 10 mV) an operator tried after the factory preset, two hours each. */
    private static final int[][][] TRIED = {
        {{600, 1300}, {700, 1400}, {560, 1250}, {650, 1350}, {520, 1230}, {620, 1330}, {580, 1280}},
        {{650, 1350}, {520, 1230}, {720, 1420}, {600, 1300}, {680, 1380}, {560, 1250}, {640, 1340}},
        {{580, 1280}, {680, 1380}, {620, 1330}, {540, 1240}, {700, 1400}, {600, 1300}, {660, 1360}}};

    @TempDir
    Path dir;

    @Test
    void trainsAChampionForEveryFamilyWithDataAndRetrainsNoneOfThemRightAfter() {
        try (SimulatedHistory history = SimulatedHistory.generate(scenario(), dir)) {
            FarmStore store = history.store();
            Instant now = history.end();
            store.market().append(SyntheticMarketHistory.generate(CoinCatalog.bundled().require("BTC"),
                    now.minus(Duration.ofDays(MARKET_DAYS)), MARKET_DAYS,
                    SyntheticMarketHistory.Settings.structured(), 3));
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            ModelRegistry registry = registry(store, dir.resolve("sim-history.db"), clock);
            ModelRetraining retraining = retraining(store, registry, clock);

            RetrainingRun first = retraining.run(TrainingProgress.NONE);

            assertThat(first.outcomes()).extracting(RetrainingRun.Outcome::type, RetrainingRun.Outcome::scope,
                    RetrainingRun.Outcome::result).containsExactlyInAnyOrder(
                    tuple(ModelType.THERMAL, ModelScope.minerModel(S19J_PRO),
                            RetrainingRun.Result.PROMOTED),
                    tuple(ModelType.EFFICIENCY_CURVE, ModelScope.minerModel(S19J_PRO),
                            RetrainingRun.Result.PROMOTED),
                    tuple(ModelType.PROFIT_FORECAST, ModelScope.fleet(), RetrainingRun.Result.PROMOTED),
                    // sixteen hours of a healthy fleet: no failure to learn from, too few daily feature tables
                    tuple(ModelType.MAINTENANCE, ModelScope.fleet(), RetrainingRun.Result.NOT_ENOUGH_DATA),
                    tuple(ModelType.ANOMALY, ModelScope.fleet(), RetrainingRun.Result.NOT_ENOUGH_DATA));
            assertThat(registry.champion(ModelType.THERMAL, ModelScope.minerModel(S19J_PRO)).orElseThrow()
                    .hyperParametersJson()).contains("\"ambient\":{\"byRoom\":{");
            assertThat(registry.champion(ModelType.PROFIT_FORECAST, ModelScope.fleet()).orElseThrow()
                    .hyperParametersJson()).contains("\"coin\":\"BTC\"");

            RetrainingRun second = retraining.run(TrainingProgress.NONE);

            assertThat(second.outcomes()).as("only the families without data are due again").allSatisfy(o ->
                    assertThat(o.result()).isEqualTo(RetrainingRun.Result.NOT_ENOUGH_DATA));
            assertThat(second.outcomes()).extracting(RetrainingRun.Outcome::type)
                    .containsExactlyInAnyOrder(ModelType.MAINTENANCE, ModelType.ANOMALY);
            assertThat(registry.versions(ModelType.THERMAL, ModelScope.minerModel(S19J_PRO))).hasSize(1);
        }
    }

    @Test
    void recentFeaturesOverTheTrainingStretchAreTheChampionsTrainingRowsByName() {
        try (SimulatedHistory history = SimulatedHistory.generate(scenario(), dir)) {
            FarmStore store = history.store();
            Instant now = history.end();
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            ModelRegistry registry = registry(store, dir.resolve("sim-history.db"), clock);
            List<ModelTrainer> trainers = StandardTrainers.all(CATALOG, dir).stream()
                    .filter(t -> t.type().equals(ModelType.THERMAL) || t.type().equals(ModelType.EFFICIENCY_CURVE))
                    .toList();
            new ModelRetraining(store, registry, new RetrainingSchedule(RetrainingSettings.defaults()), trainers,
                    clock).run(TrainingProgress.NONE);
            ModelScope scope = ModelScope.minerModel(S19J_PRO);

            for (ModelTrainer trainer : trainers) {
                ModelVersion champion = registry.champion(trainer.type(), scope).orElseThrow();
                // the recent window reaches back past the start of this short history: the same rows as training
                Map<String, double[]> recent = trainer.recentFeatures(store, scope, now);

                assertThat(recent).as(trainer.type().name()).containsOnlyKeys(champion.features());
                assertThat(store.modelVersions().distributions(champion.id())).allSatisfy(d ->
                        assertThat(recent.get(d.feature())).as(trainer.type() + " " + d.feature())
                                .hasSize((int) (d.presentCount() + d.missingCount())));
            }
            ModelVersion thermal = registry.champion(ModelType.THERMAL, scope).orElseThrow();
            ModelTrainer thermalTrainer = trainers.stream().filter(t -> t.type().equals(ModelType.THERMAL))
                    .findFirst().orElseThrow();
            assertThat(registry.checkDrift(thermal, thermalTrainer.recentFeatures(store, scope, now)).verdict())
                    .isEqualTo(DriftVerdict.STABLE);
        }
    }

    @Test
    void aNewFarmWithoutTelemetryOrMarketHistoryHasNotEnoughDataForAnyFamilyAndNothingFails() {
        Path database = dir.resolve("new-farm.db");
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        try (SqliteFarmStore store = SqliteFarmStore.open(database, StoreSettings.defaults(), clock)) {
            store.registry().saveSite(new Site("site", "Site", ZoneId.of("UTC")));
            store.registry().saveRoom(new Room("hall", "site", "Hall"));
            for (int i = 1; i <= 2; i++) {
                store.registry().saveMiner(new Miner(MinerId.of("m" + i), "site", new RackPosition("hall", "R1", 1, i),
                        new MinerAddress("127.0.0.1", 4000 + i, 4000 + i), S19J_PRO, "", Optional.empty()));
            }
            ModelRegistry registry = registry(store, database, clock);

            RetrainingRun run = retraining(store, registry, clock).run(TrainingProgress.NONE);

            assertThat(run.outcomes()).extracting(RetrainingRun.Outcome::type).containsExactlyInAnyOrder(
                    ModelType.THERMAL, ModelType.EFFICIENCY_CURVE, ModelType.PROFIT_FORECAST, ModelType.MAINTENANCE,
                    ModelType.ANOMALY);
            assertThat(run.outcomes()).allSatisfy(o -> {
                assertThat(o.result()).isEqualTo(RetrainingRun.Result.NOT_ENOUGH_DATA);
                assertThat(o.detail()).isNotBlank();
            });
            assertThat(run.outcomes()).allSatisfy(o -> assertThat(registry.versions(o.type(), o.scope())).isEmpty());
        }
    }

    private ModelRetraining retraining(FarmStore store, ModelRegistry registry, Clock clock) {
        return new ModelRetraining(store, registry, new RetrainingSchedule(RetrainingSettings.defaults()),
                StandardTrainers.all(CATALOG, dir), clock);
    }

    private static ModelRegistry registry(FarmStore store, Path database, Clock clock) {
        return new ModelRegistry(store.modelVersions(), ModelRegistry.artifactFolderBeside(database),
                RegistrySettings.defaults(), new DriftCheck(DriftSettings.defaults()), clock);
    }

    private static HistoryScenario scenario() {
        List<MinerBlueprint> units = new ArrayList<>();
        List<ScheduledEvent> events = new ArrayList<>();
        for (int u = 0; u < TRIED.length; u++) {
            String id = "u" + u;
            units.add(MinerBlueprint.of(id, S19J_PRO, "1.2.6", 11 + u));
            for (int i = 0; i < TRIED[u].length; i++) {
                events.add(manualClocks(id, START.plus(Duration.ofHours(2L * (i + 1))), TRIED[u][i]));
            }
        }
        return HistoryScenario.of(units, START, HISTORY).withEvents(events);
    }

    private static ScheduledEvent manualClocks(String unit, Instant at, int[] clocks) {
        return new ScheduledEvent.ChangeSettings(at, unit, settings -> {
            MinerSettings.Overclock o = settings.overclock();
            return settings.withOverclock(new MinerSettings.Overclock(MinerSettings.MANUAL_PRESET, clocks[0],
                    clocks[1], o.chains(), o.moddedPsu(), o.presetSwitcher()));
        }, null);
    }
}
