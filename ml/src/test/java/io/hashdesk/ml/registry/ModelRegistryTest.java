package io.hashdesk.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.ModelStatus;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.data.DataFrame;
import smile.regression.RegressionTree;

class ModelRegistryTest {

    @TempDir
    Path dir;
    private RegistryFixture fixture;
    private ModelRegistry registry;

    @BeforeEach
    void open() {
        fixture = new RegistryFixture(dir);
        registry = fixture.registry;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private PromotionDecision trainThermal(double heldOutRmseC) {
        fixture.clock.advance(Duration.ofHours(1));
        return registry.registerAndPromote(fixture.thermal(heldOutRmseC),
                ModelArtifact.serialized(RegistryFixture.tree(Math.round(heldOutRmseC * 100))));
    }

    private ModelStatus status(ModelVersion version) {
        return fixture.farm.modelVersions().find(version.id()).orElseThrow().status();
    }

    @Test
    void theFirstVersionOfATypeAndScopeBecomesChampion() {
        PromotionDecision decision = trainThermal(1.4);

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.previousChampion()).isEmpty();
        assertThat(decision.candidate().status()).isEqualTo(ModelStatus.CHAMPION);
        assertThat(decision.reason()).contains("first champion");
    }

    @Test
    void aCandidateWithALowerErrorReplacesTheChampionWhichIsRetired() {
        PromotionDecision first = trainThermal(1.4);

        PromotionDecision second = trainThermal(1.2);

        assertThat(second.promoted()).isTrue();
        assertThat(second.reason()).contains("beats").contains("1.200").contains("1.400");
        assertThat(registry.champion(ModelType.THERMAL, RegistryFixture.UNIT)).get()
                .extracting(ModelVersion::id).isEqualTo(second.candidate().id());
        assertThat(second.previousChampion()).get().extracting(ModelVersion::status).isEqualTo(ModelStatus.RETIRED);
        assertThat(status(first.candidate())).isEqualTo(ModelStatus.RETIRED);
    }

    @Test
    void aCandidateThatDoesNotBeatTheChampionByTheMarginIsRetiredWithTheComparison() {
        PromotionDecision champion = trainThermal(1.4);

        PromotionDecision worse = trainThermal(1.5);
        PromotionDecision withinMargin = trainThermal(1.395);

        assertThat(worse.promoted()).isFalse();
        assertThat(worse.candidate().status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(worse.reason()).contains("does not beat").contains("1.500").contains("1.400")
                .contains("lower is better");
        assertThat(withinMargin.promoted()).isFalse();
        assertThat(status(champion.candidate())).isEqualTo(ModelStatus.CHAMPION);
    }

    @Test
    void aScoreMetricPromotesTheHigherValue() {
        fixture.clock.advance(Duration.ofHours(1));
        registry.registerAndPromote(fixture.candidate(ModelType.ANOMALY, Map.of("heldOutF1", 0.85)),
                ModelArtifact.serialized(RegistryFixture.tree(1)));
        fixture.clock.advance(Duration.ofHours(1));

        PromotionDecision lower = registry.registerAndPromote(
                fixture.candidate(ModelType.ANOMALY, Map.of("heldOutF1", 0.80)),
                ModelArtifact.serialized(RegistryFixture.tree(2)));
        PromotionDecision higher = registry.registerAndPromote(
                fixture.candidate(ModelType.ANOMALY, Map.of("heldOutF1", 0.93)),
                ModelArtifact.serialized(RegistryFixture.tree(3)));

        assertThat(lower.promoted()).isFalse();
        assertThat(higher.promoted()).isTrue();
    }

    @Test
    void rollbackRestoresThePreviousChampionInOneCall() {
        PromotionDecision first = trainThermal(1.4);
        PromotionDecision second = trainThermal(1.2);

        ModelVersion restored = registry.rollback(ModelType.THERMAL, RegistryFixture.UNIT, "runs 3 °C hot in room B");

        assertThat(restored.id()).isEqualTo(first.candidate().id());
        assertThat(restored.status()).isEqualTo(ModelStatus.CHAMPION);
        ModelVersion rolledBack = fixture.farm.modelVersions().find(second.candidate().id()).orElseThrow();
        assertThat(rolledBack.status()).isEqualTo(ModelStatus.ROLLED_BACK);
        assertThat(rolledBack.statusReason()).isEqualTo("runs 3 °C hot in room B");
        assertThat(registry.loadChampion(ModelType.THERMAL, RegistryFixture.UNIT, RegressionTree.class)).get()
                .extracting(loaded -> loaded.version().id()).isEqualTo(first.candidate().id());
    }

    @Test
    void rollbackWithoutAnEarlierChampionFailsAndChangesNothing() {
        PromotionDecision only = trainThermal(1.4);
        trainThermal(1.6);

        assertThatThrownBy(() -> registry.rollback(ModelType.THERMAL, RegistryFixture.UNIT, "try"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no earlier champion");
        assertThat(status(only.candidate())).isEqualTo(ModelStatus.CHAMPION);
        assertThatThrownBy(() -> registry.rollback(ModelType.PROFIT_FORECAST, RegistryFixture.UNIT, "try"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no champion");
    }

    @Test
    void theChampionLoadsAsTheSameSmileModelThatWasRegistered() {
        RegressionTree trained = RegistryFixture.tree(5);
        fixture.clock.advance(Duration.ofHours(1));
        registry.registerAndPromote(fixture.thermal(1.3), ModelArtifact.serialized(trained));

        RegressionTree loaded = registry.loadChampion(ModelType.THERMAL, RegistryFixture.UNIT, RegressionTree.class)
                .orElseThrow().model();

        DataFrame probe = DataFrame.of(new double[][] {{3_100, 22}, {3_350, 29}}, "powerWatts", "ambientC");
        assertThat(loaded.predict(probe)).containsExactly(trained.predict(probe));
    }

    @Test
    void aPlainRecordModelRoundTripsAsJson() {
        ThermalCoefficients coefficients = new ThermalCoefficients(0.0121, 18.5, Duration.ofMinutes(4));
        fixture.clock.advance(Duration.ofHours(1));
        ModelVersion version = registry.register(fixture.thermal(1.1), ModelArtifact.json(coefficients));

        assertThat(version.artifact().relativePath()).startsWith("thermal/").endsWith(".json");
        assertThat(registry.load(version, ThermalCoefficients.class)).isEqualTo(coefficients);
    }

    @Test
    void aVersionRecordsItsWindowOptionsFeaturesMetricsAndSmileVersion() {
        ModelVersion version = trainThermal(1.3).candidate();

        assertThat(version.features()).containsExactlyElementsOf(RegistryFixture.FEATURES);
        assertThat(version.hyperParametersJson()).contains("\"maxDepth\":6");
        assertThat(version.smileVersion()).isEqualTo("6.3.0");
        assertThat(version.trainedTo()).isAfter(version.trainedFrom());
        assertThat(fixture.farm.modelVersions().distributions(version.id())).hasSize(2);
    }

    @Test
    void aCandidateWithoutItsTypesPromotionMetricIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> registry.register(fixture.candidate(ModelType.THERMAL, Map.of("rmse", 1.0)),
                ModelArtifact.serialized(RegistryFixture.tree(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heldOutRmseC");
        assertThat(fixture.artifactFolder()).doesNotExist();
    }

    @Test
    void driftAgainstTheTrainingDistributionsAsksForRetraining() {
        ModelVersion version = trainThermal(1.3).candidate();
        Map<String, double[]> hotSummer = RegistryFixture.trainingColumns(9);
        hotSummer.put("ambientC", java.util.Arrays.stream(hotSummer.get("ambientC")).map(c -> c + 8).toArray());

        DriftReport report = registry.checkDrift(version, hotSummer);

        assertThat(report.retrainingNeeded()).isTrue();
        assertThat(report.drifted()).extracting(d -> d.feature()).containsExactly("ambientC");
        DriftReport calm = registry.checkDrift(version, RegistryFixture.trainingColumns(9));
        assertThat(calm.retrainingNeeded()).isFalse();

        // both checks are kept with the version, newest first, each with every feature's figures
        assertThat(registry.driftReports(version, 10)).containsExactly(calm, report);
    }

    /** A fitted physical model that is plain data. */
    record ThermalCoefficients(double kelvinPerWatt, double offsetC, Duration lag) {
    }
}
