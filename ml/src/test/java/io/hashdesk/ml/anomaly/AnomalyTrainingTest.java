package io.hashdesk.ml.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.drivers.sim.Fault;
import io.hashdesk.drivers.sim.MinerBlueprint;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.features.RoomSensors;
import io.hashdesk.ml.features.Feature;
import io.hashdesk.ml.features.FeatureBuilder;
import io.hashdesk.ml.features.FeatureSettings;
import io.hashdesk.ml.features.FeatureTable;
import io.hashdesk.ml.registry.LoadedModel;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.PromotionDecision;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.sim.HistoryScenario;
import io.hashdesk.ml.sim.ScheduledEvent;
import io.hashdesk.ml.sim.SimulatedHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyTrainingTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    /** Two days of tables every 4 hours, the last quarter held out. */
    private static final AnomalyTrainingSettings SETTINGS = new AnomalyTrainingSettings(Duration.ofDays(2),
            Duration.ofHours(4), 0.25, Duration.ofHours(12), AnomalyTrainingSettings.defaults().signatures());

    @TempDir
    static Path dir;
    static SimulatedHistory history;

    /** Twelve S19j Pro units in one room over three days; one loses a board on the last day. */
    @BeforeAll
    static void generate() {
        List<MinerBlueprint> units = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            units.add(MinerBlueprint.of("u" + i, "antminer-s19j-pro", "1.2.6", 500 + i));
        }
        history = SimulatedHistory.generate(HistoryScenario.of(units, START, Duration.ofDays(3)).withEvents(List.of(
                new ScheduledEvent.InjectFault(START.plus(Duration.ofDays(2)), "u3", new Fault.HashboardFailure(2)))),
                dir.resolve("history"));
    }

    @AfterAll
    static void close() {
        history.close();
    }

    private static AnomalyTraining training() {
        return new AnomalyTraining(history.store(), MinerModelCatalog.bundled(), FeatureSettings.defaults(),
                RoomSensors.NONE, AnomalyOptions.defaults(), SETTINGS, DriftSettings.defaults());
    }

    @Test
    void registersAFleetCandidateThatScoresTheSameAfterLoadingFromTheRegistry() {
        AnomalyTraining.Trained trained = training().train(START.plus(Duration.ofDays(2)), TrainingProgress.NONE);
        assertThat(trained.candidate().type()).isEqualTo(ModelType.ANOMALY);
        assertThat(trained.candidate().scope()).isEqualTo(ModelScope.fleet());
        assertThat(trained.candidate().metrics().get(AnomalyTraining.HELD_OUT_F1)).isGreaterThan(0.5);
        assertThat(trained.candidate().distributions()).hasSize(AnomalyOptions.defaults().features().size());

        ModelRegistry registry = new ModelRegistry(history.store().modelVersions(), dir.resolve("models"),
                RegistrySettings.defaults(), new DriftCheck(DriftSettings.defaults()), Clock.systemUTC());
        PromotionDecision decision = registry.registerAndPromote(trained.candidate(), trained.artifact());
        assertThat(decision.promoted()).isTrue();
        LoadedModel<AnomalyDetector> loaded = registry.loadChampion(ModelType.ANOMALY, ModelScope.fleet(),
                AnomalyDetector.class).orElseThrow();

        FeatureTable afterFault = new FeatureBuilder(history.telemetry(), history.store().registry(),
                MinerModelCatalog.bundled(), FeatureSettings.defaults())
                .build(history.end(), RoomSensors.NONE, a -> null, TrainingProgress.NONE);
        List<Anomaly> before = trained.detector().score(afterFault);
        List<Anomaly> after = loaded.model().score(afterFault);
        assertThat(after).isEqualTo(before);
        assertThat(after.stream().filter(Anomaly::anomalous).map(a -> a.miner().value())).contains("u3");
    }

    @Test
    void givesTheDriftCheckTheDetectorsFeaturesOverTheRecentWindow() {
        Map<String, double[]> recent = training().recentFeatures(history.end(), TrainingProgress.NONE);
        assertThat(recent.keySet()).containsExactlyElementsOf(
                AnomalyOptions.defaults().features().stream().map(Feature::name).toList());
        // 12 hours of tables every 4 hours, 12 units each
        assertThat(recent.get(Feature.UPTIME_24H.name())).hasSize(3 * 12);
    }

    @Test
    void saysWhatIsShortWhenTheWindowPredatesTheFarm() {
        assertThatThrownBy(() -> training().train(START.plus(Duration.ofHours(6)), TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature tables");
    }
}
