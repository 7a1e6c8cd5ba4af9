package io.hashdesk.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hashdesk.app.common.ConfirmationDialog;
import io.hashdesk.app.common.Eventually;
import io.hashdesk.app.common.JobRunner;
import io.hashdesk.core.store.DriftVerdict;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.training.ModelTrainer;
import io.hashdesk.ml.training.TrainingResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsViewModelTest {

    @TempDir
    Path dir;

    private RegistryFarm farm;
    private JobRunner jobs;
    private final List<ConfirmationDialog.Question> asked = new ArrayList<>();
    private boolean answer = true;

    @BeforeEach
    void open() {
        farm = new RegistryFarm(dir);
        // results are handed over on the job's own thread, so assertions wait for them
        jobs = new JobRunner(Runnable::run);
    }

    @AfterEach
    void close() {
        jobs.close();
        farm.close();
    }

    private ModelsViewModel viewModel(Optional<ModelCommands> commands) {
        ModelsViewModel viewModel = new ModelsViewModel(farm.reader()::read, RegistryFarm.slotRows(), () -> commands,
                jobs, question -> {
                    asked.add(question);
                    return answer;
                }, "maria");
        viewModel.update(viewModel.read());
        return viewModel;
    }

    private ModelsViewModel viewModel() {
        return viewModel(Optional.of(farm.commands(List.of())));
    }

    private static ModelSlotRow row(ModelsViewModel viewModel, ModelType type) {
        return viewModel.rows().stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyRegistryShowsTheEmptyState() {
        ModelsViewModel viewModel = viewModel();

        assertThat(viewModel.hasModelsProperty().get()).isFalse();
        assertThat(viewModel.rows()).isEmpty();
    }

    @Test
    void aSlotShowsItsChampionItsHeldOutMetricInWordsAndItsLatestDriftCheck() {
        farm.thermal(1.4);
        ModelVersion champion = farm.thermal(1.2);
        farm.checkDrift(champion, 0);
        farm.checkDrift(champion, 15);

        ModelSlotRow row = row(viewModel(), ModelType.THERMAL);

        assertThat(row.family()).isEqualTo("Thermal model");
        assertThat(row.scopeText()).isEqualTo("Antminer S19j Pro units");
        assertThat(row.champion()).isEqualTo("v" + champion.id());
        assertThat(row.metric()).isEqualTo("temperature error 1.20 °C");
        assertThat(row.window()).endsWith("(7 days)");
        assertThat(row.versionCount()).isEqualTo(2);
        assertThat(row.verdict()).contains(DriftVerdict.RETRAIN);
        assertThat(row.driftedFeatures()).startsWith("ambientC (retrain)").doesNotContain("powerWatts");
        assertThat(row.driftCheckedAt()).isEqualTo("checked just now");
    }

    @Test
    void slotsThatNeedActionComeFirstDriftedThenWithoutChampion() {
        farm.train(ModelType.ANOMALY, ModelScope.fleet(), Map.of("heldOutF1", 0.95));
        farm.registry.register(RegistryFarm.candidate(ModelType.MAINTENANCE, ModelScope.fleet(),
                farm.clock.instant(), Map.of("heldOutF1", 0.7)), ModelArtifact.serialized("never promoted"));
        ModelVersion drifted = farm.thermal(1.2);
        farm.checkDrift(drifted, 15);

        List<ModelSlotRow> rows = viewModel().rows();

        assertThat(rows).extracting(ModelSlotRow::family)
                .containsExactly("Thermal model", "Failure predictor", "Anomaly detector");
        assertThat(rows.get(1).champion()).isEqualTo("none");
        assertThat(rows.get(2).driftCheckedAt()).isEqualTo("not checked yet");
    }

    @Test
    void theDetailShowsEveryVersionAndTheLatestDriftOfEachFeature() {
        ModelVersion first = farm.thermal(1.4);
        ModelVersion worse = farm.thermal(1.6);
        farm.checkDrift(first, 15);
        ModelsViewModel viewModel = viewModel();

        viewModel.selectedProperty().set(row(viewModel, ModelType.THERMAL));

        assertThat(viewModel.versions()).extracting(ModelSlotRow.VersionRow::version, ModelSlotRow.VersionRow::status)
                .containsExactly(tuple("v" + worse.id(), "Retired"),
                        tuple("v" + first.id(), "Champion"));
        assertThat(viewModel.versions().getFirst().statusReason())
                .startsWith("does not beat: temperature error 1.600 against champion v" + first.id() + "'s 1.400");
        assertThat(viewModel.versions().getFirst().otherMetrics()).isEqualTo("units fitted 12");
        assertThat(viewModel.drift()).extracting(ModelSlotRow.FeatureDriftRow::feature)
                .containsExactly("powerWatts", "ambientC");
        ModelSlotRow.FeatureDriftRow ambient = viewModel.drift().get(1);
        assertThat(ambient.verdict()).isEqualTo(DriftVerdict.RETRAIN);
        assertThat(ambient.psi()).isNotEqualTo("—");
        assertThat(Double.parseDouble(ambient.psi())).isGreaterThan(0.25);
        assertThat(ambient.explanation()).isNotBlank();
    }

    @Test
    void rollBackIsImpossibleWithTheReasonWhenTheChampionIsTheOnlyOne() {
        ModelVersion only = farm.thermal(1.4);
        ModelsViewModel viewModel = viewModel();

        viewModel.selectedProperty().set(row(viewModel, ModelType.THERMAL));

        assertThat(viewModel.rollBackPossibleProperty().get()).isFalse();
        assertThat(viewModel.rollBackExplanationProperty().get())
                .isEqualTo("v" + only.id() + " is the only champion this model has had; there is no earlier one to"
                        + " return to.");
    }

    @Test
    void rollingBackAfterConfirmationRestoresThePreviousChampion() throws InterruptedException {
        ModelVersion previous = farm.thermal(1.4);
        ModelVersion current = farm.thermal(1.2);
        ModelsViewModel viewModel = viewModel();
        viewModel.selectedProperty().set(row(viewModel, ModelType.THERMAL));
        assertThat(viewModel.rollBackPossibleProperty().get()).isTrue();

        viewModel.rollBackSelected();

        assertThat(asked).singleElement().satisfies(question -> {
            assertThat(question.title()).isEqualTo("Roll back the Thermal model — Antminer S19j Pro units?");
            assertThat(question.summary()).startsWith("v" + previous.id() + " (trained ")
                    .contains("1.40 °C) replaces v" + current.id() + " (trained ").endsWith("1.20 °C).");
        });
        Eventually.until(() -> viewModel.messageProperty().get().contains("serves again"), "the rollback");
        assertThat(farm.champion(ModelType.THERMAL, RegistryFarm.S19J_PRO).id()).isEqualTo(previous.id());
        assertThat(farm.store.modelVersions().find(current.id()).orElseThrow().statusReason())
                .isEqualTo("rolled back by maria from the console");
        Eventually.until(() -> row(viewModel, ModelType.THERMAL).champion().equals("v" + previous.id()),
                "the re-read after the rollback");
        assertThat(viewModel.selectedProperty().get().sameSlot(row(viewModel, ModelType.THERMAL))).isTrue();
        assertThat(viewModel.versions()).extracting(ModelSlotRow.VersionRow::status)
                .containsExactly("Rolled back", "Champion");
        assertThat(viewModel.rollBackPossibleProperty().get()).isFalse();
    }

    @Test
    void decliningTheConfirmationChangesNothing() {
        farm.thermal(1.4);
        ModelVersion current = farm.thermal(1.2);
        ModelsViewModel viewModel = viewModel();
        viewModel.selectedProperty().set(row(viewModel, ModelType.THERMAL));
        answer = false;

        viewModel.rollBackSelected();

        assertThat(asked).hasSize(1);
        assertThat(farm.champion(ModelType.THERMAL, RegistryFarm.S19J_PRO).id()).isEqualTo(current.id());
        assertThat(viewModel.rollingBackProperty().get()).isFalse();
    }

    @Test
    void withoutRunningModelTrainingTheCommandsAreOffAndSayWhy() {
        farm.thermal(1.4);
        farm.thermal(1.2);
        ModelsViewModel viewModel = viewModel(Optional.empty());
        viewModel.selectedProperty().set(row(viewModel, ModelType.THERMAL));

        assertThat(viewModel.commandsAvailableProperty().get()).isFalse();
        assertThat(viewModel.rollBackPossibleProperty().get()).isFalse();
        assertThat(viewModel.rollBackExplanationProperty().get()).isEqualTo(ModelsViewModel.NOT_RUNNING);
        viewModel.rollBackSelected();
        assertThat(asked).isEmpty();
    }

    @Test
    void retrainNowTrainsWhatIsDueAndTheNewModelIsListed() throws InterruptedException {
        ModelsViewModel viewModel = viewModel(Optional.of(farm.commands(List.of(new AnomalyTrainer()))));
        assertThat(viewModel.hasModelsProperty().get()).isFalse();

        viewModel.retrainNow();

        Eventually.until(() -> viewModel.messageProperty().get().startsWith("Trained")
                && viewModel.hasModelsProperty().get(), "the retraining and the re-read");
        assertThat(viewModel.retrainingProperty().get()).isFalse();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Trained 1 model(s) that were due: 1 now serve, 0 did"
                + " not beat their champion, 0 lack history yet, 0 failed (the log says why).");
        assertThat(row(viewModel, ModelType.ANOMALY).metric()).isEqualTo("F1 score 0.93 of 1");
    }

    @Test
    void retrainNowWithNothingDueSaysSo() throws InterruptedException {
        ModelsViewModel viewModel = viewModel();

        viewModel.retrainNow();

        Eventually.until(() -> !viewModel.messageProperty().get().endsWith("…"), "the retraining");
        assertThat(viewModel.messageProperty().get()).startsWith("Nothing was due");
        assertThat(viewModel.retrainingProperty().get()).isFalse();
    }

    /** Trains a fleet-wide anomaly detector whenever it is due. */
    private static final class AnomalyTrainer implements ModelTrainer {
        @Override
        public ModelType type() {
            return ModelType.ANOMALY;
        }

        @Override
        public List<ModelScope> scopes(FarmStore store, Instant now) {
            return List.of(ModelScope.fleet());
        }

        @Override
        public TrainingResult train(FarmStore store, ModelScope scope, Instant now, TrainingProgress progress) {
            return TrainingResult.trained(RegistryFarm.candidate(ModelType.ANOMALY, scope, now,
                    Map.of("heldOutF1", 0.93)), ModelArtifact.serialized("anomaly detector"), "trained");
        }

        @Override
        public Map<String, double[]> recentFeatures(FarmStore store, ModelScope scope, Instant now) {
            return Map.of();
        }
    }
}
