package io.hashdesk.ml.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.domain.Miner;
import io.hashdesk.core.domain.catalog.MinerModelCatalog;
import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.PromotionDecision;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.sim.SimulatedHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureRiskTrainingTest {

    @TempDir
    static Path dir;
    private static SimulatedHistory history;
    private static FailureRiskTraining.Trained trained;
    /** Three calibration folds: each held-out fold's training keeps only four or five of the farm's failing units. */
    private static final MaintenanceSettings SETTINGS = TestSettings.withCalibrationFolds(3);
    private static final Duration DRIFT_WINDOW = Duration.ofDays(3);
    private static final FailureRiskTraining TRAINING = new FailureRiskTraining(SETTINGS, DriftSettings.defaults(),
            MinerModelCatalog.bundled());

    /** A small farm (seven failures, five healthy units), trained once for every test here. */
    @BeforeAll
    static void trainOnASmallSimulatedFarm() {
        history = SimulatedHistory.generate(new MaintenanceScenario(12, 21, 3).history(), dir);
        trained = TRAINING.train(history.telemetry(), history.store().registry().miners(), history.start(),
                history.end(), DRIFT_WINDOW, TrainingProgress.NONE);
    }

    @AfterAll
    static void closeTheStore() {
        history.close();
    }

    @Test
    void describesTheModelWithHeldOutFiguresAndTheDistributionOfEveryInput() {
        var candidate = trained.candidate();

        assertThat(candidate.type()).isEqualTo(ModelType.MAINTENANCE);
        assertThat(candidate.metrics()).containsKeys("heldOutF1", "heldOutMedianLeadDays", "heldOutBrierScore");
        assertThat(candidate.metrics().get("heldOutF1")).isBetween(0.0, 1.0);
        assertThat(candidate.features()).isEqualTo(FailureRiskModel.featureNames());
        assertThat(candidate.distributions()).extracting(d -> d.feature()).isEqualTo(candidate.features());
        assertThat(candidate.trainedFrom()).isEqualTo(history.start());
    }

    @Test
    void theFleetAsItWasAtTrainingDoesNotDriftWhileAWarmerFleetAsksForRetraining() {
        List<Miner> miners = history.store().registry().miners();
        Map<String, double[]> sameWeek = TRAINING.recentFeatures(history.telemetry(), miners,
                history.end().minus(DRIFT_WINDOW), history.end());
        DriftCheck check = new DriftCheck(DriftSettings.defaults());
        var distributions = trained.candidate().distributions();

        assertThat(sameWeek.get("chip_temp")).hasSizeGreaterThan(20);
        // only a fitted model completes the days to a fan stop: the check says it has no recent values of it
        assertThat(sameWeek).doesNotContainKey("days_to_fan_stop");
        assertThat(check.check(1, distributions, sameWeek, history.end()).retrainingNeeded()).isFalse();

        Map<String, double[]> warmer = new LinkedHashMap<>(sameWeek);
        warmer.put("chip_temp", Arrays.stream(sameWeek.get("chip_temp")).map(t -> t + 12).toArray());
        var report = check.check(1, distributions, warmer, history.end());
        assertThat(report.retrainingNeeded()).isTrue();
        assertThat(report.drifted()).extracting(d -> d.feature()).contains("chip_temp");
    }

    @Test
    void theRegisteredArtifactLoadsBackGivingTheSameProbabilitiesAndAlarms() {
        Path databaseFile = dir.resolve("sim-history.db");
        ModelRegistry registry = new ModelRegistry(history.store().modelVersions(),
                ModelRegistry.artifactFolderBeside(databaseFile), RegistrySettings.defaults(),
                new DriftCheck(DriftSettings.defaults()), Clock.systemUTC());

        PromotionDecision decision = registry.registerAndPromote(trained.candidate(), trained.artifact());
        ModelVersion champion = registry.champion(ModelType.MAINTENANCE, trained.candidate().scope()).orElseThrow();
        FailureRiskModel loaded = registry.load(champion, FailureRiskModel.class);

        assertThat(decision.promoted()).isTrue();
        assertThat(champion.status()).isEqualTo(ModelStatus.CHAMPION);
        List<HourlyHistory> units = TRAINING.histories(history.telemetry(), history.store().registry().miners(),
                history.start(), history.end());
        MaintenanceFeatures features = new MaintenanceFeatures(SETTINGS);
        List<FeatureRow> rows = new ArrayList<>();
        for (int day = 9; day <= 21; day += 3) {
            rows.addAll(features.rows(units, history.start().plus(Duration.ofDays(day))));
        }
        assertThat(rows).hasSizeGreaterThan(units.size());
        for (FeatureRow row : rows) {
            assertThat(loaded.probability(row)).isEqualTo(trained.model().probability(row));
            assertThat(loaded.assess(row)).isEqualTo(trained.model().assess(row));
        }
    }

    @Test
    void refusesAMinerWhoseModelTheCatalogDoesNotKnow() {
        Miner known = history.store().registry().miners().getFirst();
        Miner unknown = new Miner(known.id(), known.siteId(), known.position(), known.address(), "no-such-model",
                known.firmware(), known.credentials());

        assertThatThrownBy(() -> TRAINING.histories(history.telemetry(), List.of(unknown), history.start(),
                history.end()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(known.id().toString())
                .hasMessageContaining("no-such-model");
    }
}
