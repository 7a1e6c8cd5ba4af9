package io.hashdesk.ml.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.MinerId;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.drivers.sim.MinerBlueprint;
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
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThermalTrainingTest {

    private static final String MODEL_ID = "antminer-s19j-pro";
    private static final ThermalModel.Options OPTIONS = ThermalModel.Options.defaults();

    @TempDir
    Path dir;

    @Test
    void trainsOneCandidatePerMinerModelThatTheRegistryPromotesAndRestoresPredictingTheSame() {
        List<MinerBlueprint> units = List.of(
                MinerBlueprint.of("s19-a", MODEL_ID, "1.2.7", 11).withPreset("2700", List.of("2300", "2700", "3068")),
                MinerBlueprint.of("s19-b", MODEL_ID, "1.3.4", 12).withPreset("2300", List.of("2300", "2700", "3068")));
        SimulatedThermalHistory.Operator operator = new SimulatedThermalHistory.Operator(
                List.of("2300", "2700", "3068"), 45, 85, Duration.ofHours(2), 75);
        try (SimulatedThermalHistory history = SimulatedThermalHistory.run(dir, units,
                SimulatedThermalHistory.dayNightCurve(), 2, operator, 0, operator, 7)) {
            List<Miner> miners = history.store().registry().miners();
            RoomAmbient room = history.ambient();
            ModelRegistry registry = new ModelRegistry(history.store().modelVersions(), dir.resolve("models"),
                    RegistrySettings.defaults(), new DriftCheck(DriftSettings.defaults()),
                    Clock.fixed(history.end(), ZoneOffset.UTC));

            List<ThermalTraining.Trained> trained = ThermalTraining.train(history.store().telemetry(), miners,
                    miner -> room, history.end(), OPTIONS, DriftSettings.defaults(), TrainingProgress.NONE);

            assertThat(trained).singleElement().satisfies(t -> {
                assertThat(t.candidate().scope()).isEqualTo(ModelScope.minerModel(MODEL_ID));
                assertThat(t.models().units()).containsOnlyKeys("s19-a", "s19-b");
                assertThat(t.skipped()).isEmpty();
                assertThat(t.candidate().metrics().get(ThermalTraining.HELD_OUT_RMSE)).isBetween(0.05, 1.5);
            });
            PromotionDecision decision = registry.registerAndPromote(trained.getFirst().candidate(),
                    trained.getFirst().artifact());
            LoadedModel<ThermalModelSet> loaded = registry.loadChampion(ModelType.THERMAL,
                    ModelScope.minerModel(MODEL_ID), ThermalModelSet.class).orElseThrow();

            assertThat(decision.promoted()).isTrue();
            ThermalModel original = trained.getFirst().models().unit(MinerId.of("s19-a")).orElseThrow();
            ThermalModel restored = loaded.model().unit(MinerId.of("s19-a")).orElseThrow();
            assertThat(restored.state()).isEqualTo(original.state());
            for (double fan : new double[]{30, 60, 100}) {
                assertThat(restored.predict(24, 3100, fan, 70, Duration.ofMinutes(10)))
                        .isEqualTo(original.predict(24, 3100, fan, 70, Duration.ofMinutes(10)));
                assertThat(restored.steadyState(24, 3100, fan)).isEqualTo(original.steadyState(24, 3100, fan));
            }
            assertThat(loaded.model().prior(OPTIONS).typical().timeConstant().toSeconds())
                    .isCloseTo(original.parameters().timeConstant().toSeconds(), within(120L));
        }
    }
}
