package io.hashdesk.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelType;
import io.hashdesk.core.store.StoreSettings;
import io.hashdesk.core.store.sqlite.SqliteFarmStore;
import io.hashdesk.ml.SteppingClock;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.drift.DriftCheck;
import io.hashdesk.ml.drift.DriftSettings;
import io.hashdesk.ml.drift.FeatureDistributions;
import io.hashdesk.ml.registry.ModelArtifact;
import io.hashdesk.ml.registry.ModelCandidate;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.RegistrySettings;
import io.hashdesk.ml.registry.RetrainingDue;
import io.hashdesk.ml.registry.RetrainingSchedule;
import io.hashdesk.ml.registry.RetrainingSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRetrainingTest {

    private static final ModelScope FLEET = ModelScope.fleet();

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private SqliteFarmStore store;
    private ModelRegistry registry;

    @BeforeEach
    void openStore() {
        Path db = dir.resolve("hashdesk.db");
        store = SqliteFarmStore.open(db, StoreSettings.defaults(), Clock.systemUTC());
        registry = new ModelRegistry(store.modelVersions(), ModelRegistry.artifactFolderBeside(db),
                RegistrySettings.defaults(), new DriftCheck(DriftSettings.defaults()), clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void trainsModelsNeverTrainedAndThenNothingIsDueUntilTheirIntervalPasses() {
        ScriptedTrainer thermal = new ScriptedTrainer(ModelType.THERMAL, "heldOutRmseC").scoring(1.2);
        ModelRetraining retraining = retraining(thermal);

        RetrainingRun first = retraining.run(TrainingProgress.NONE);

        assertThat(first.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.why()).isEqualTo(RetrainingDue.Reason.NEVER_TRAINED);
            assertThat(o.result()).isEqualTo(RetrainingRun.Result.PROMOTED);
        });
        assertThat(registry.champion(ModelType.THERMAL, FLEET)).isPresent();
        assertThat(retraining.due()).isEmpty();
        clock.advance(RetrainingSettings.defaults().intervalFor(ModelType.THERMAL));
        assertThat(retraining.due()).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo(RetrainingDue.Reason.SCHEDULE));
    }

    @Test
    void aRetrainedModelThatDoesNotBeatTheChampionLeavesItServing() {
        ScriptedTrainer thermal = new ScriptedTrainer(ModelType.THERMAL, "heldOutRmseC").scoring(1.0, 1.4);
        ModelRetraining retraining = retraining(thermal);
        long champion = promotedId(retraining.run(TrainingProgress.NONE));
        clock.advance(RetrainingSettings.defaults().intervalFor(ModelType.THERMAL));

        RetrainingRun second = retraining.run(TrainingProgress.NONE);

        assertThat(second.outcomes()).singleElement()
                .satisfies(o -> assertThat(o.result()).isEqualTo(RetrainingRun.Result.KEPT_CHAMPION));
        assertThat(registry.champion(ModelType.THERMAL, FLEET).orElseThrow().id()).isEqualTo(champion);
    }

    @Test
    void oneModelFailingToTrainIsReportedAndTheOthersStillTrain() {
        ScriptedTrainer broken = new ScriptedTrainer(ModelType.ANOMALY, "heldOutF1").failingWith("no rows");
        ScriptedTrainer thermal = new ScriptedTrainer(ModelType.THERMAL, "heldOutRmseC").scoring(1.1);

        RetrainingRun run = retraining(broken, thermal).run(TrainingProgress.NONE);

        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.promoted()).isEqualTo(1);
        assertThat(run.outcomes()).filteredOn(o -> o.type().equals(ModelType.ANOMALY)).singleElement()
                .satisfies(o -> assertThat(o.detail()).contains("no rows"));
    }

    @Test
    void aScopeWithoutEnoughDataStaysDueAndRegistersNothing() {
        ScriptedTrainer thermal = new ScriptedTrainer(ModelType.THERMAL, "heldOutRmseC").withoutData();
        ModelRetraining retraining = retraining(thermal);

        RetrainingRun run = retraining.run(TrainingProgress.NONE);

        assertThat(run.outcomes()).singleElement()
                .satisfies(o -> assertThat(o.result()).isEqualTo(RetrainingRun.Result.NOT_ENOUGH_DATA));
        assertThat(registry.versions(ModelType.THERMAL, FLEET)).isEmpty();
        assertThat(retraining.due()).hasSize(1);
    }

    @Test
    void recentDataThatDriftedFromTheTrainingDataMakesTheModelDueBeforeItsInterval() {
        ScriptedTrainer thermal = new ScriptedTrainer(ModelType.THERMAL, "heldOutRmseC").scoring(1.0, 0.9);
        ModelRetraining retraining = retraining(thermal);
        retraining.run(TrainingProgress.NONE);
        clock.advance(RetrainingSettings.defaults().minIntervalAfterDrift());
        assertThat(retraining.due()).as("same distribution as in training").isEmpty();

        thermal.recentShift = 200;

        assertThat(retraining.due()).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo(RetrainingDue.Reason.DRIFT));
    }

    @Test
    void cancellingStopsBeforeTheNextModelAndRegistersNothingMore() {
        ScriptedTrainer thermal = new ScriptedTrainer(ModelType.THERMAL, "heldOutRmseC").scoring(1.0);
        ScriptedTrainer anomaly = new ScriptedTrainer(ModelType.ANOMALY, "heldOutF1").scoring(0.9);
        boolean[] cancelled = {false};
        TrainingProgress progress = new TrainingProgress() {
            @Override
            public void report(double fractionDone, String step) {
                cancelled[0] = fractionDone >= 0.5;
            }

            @Override
            public boolean cancelled() {
                return cancelled[0];
            }
        };

        assertThatThrownBy(() -> retraining(thermal, anomaly).run(progress))
                .isInstanceOf(CancellationException.class);
        long registered = registry.versions(ModelType.THERMAL, FLEET).size()
                + registry.versions(ModelType.ANOMALY, FLEET).size();
        assertThat(registered).isEqualTo(1);
    }

    private ModelRetraining retraining(ModelTrainer... trainers) {
        return new ModelRetraining(store, registry, new RetrainingSchedule(RetrainingSettings.defaults()),
                List.of(trainers), clock);
    }

    private long promotedId(RetrainingRun run) {
        assertThat(run.promoted()).isEqualTo(1);
        return registry.champion(run.outcomes().getFirst().type(), FLEET).orElseThrow().id();
    }

    /** The model a scripted trainer "fits": a constant, written as JSON. */
    record ConstantModel(double value) {
    }

    /** A trainer whose held-out scores, failures and recent data the test sets. */
    private final class ScriptedTrainer implements ModelTrainer {
        private final ModelType type;
        private final String metric;
        private final Deque<Double> scores = new ArrayDeque<>();
        private String failure;
        private boolean noData;
        double recentShift;

        ScriptedTrainer(ModelType type, String metric) {
            this.type = type;
            this.metric = metric;
        }

        ScriptedTrainer scoring(double... values) {
            for (double v : values) {
                scores.add(v);
            }
            return this;
        }

        ScriptedTrainer failingWith(String message) {
            failure = message;
            return this;
        }

        ScriptedTrainer withoutData() {
            noData = true;
            return this;
        }

        @Override
        public ModelType type() {
            return type;
        }

        @Override
        public List<ModelScope> scopes(FarmStore farm, Instant now) {
            return List.of(FLEET);
        }

        @Override
        public TrainingResult train(FarmStore farm, ModelScope scope, Instant now, TrainingProgress progress) {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            if (noData) {
                return TrainingResult.notEnoughData("no telemetry yet");
            }
            double score = scores.size() > 1 ? scores.poll() : scores.element();
            ModelCandidate candidate = new ModelCandidate(type, scope, now.minus(Duration.ofDays(7)), now,
                    List.of("powerWatts"), "constant", Map.of("value", score), Map.of(metric, score),
                    FeatureDistributions.snapshot(columns(0), DriftSettings.defaults()));
            return TrainingResult.trained(candidate, ModelArtifact.json(new ConstantModel(score)), "fitted");
        }

        @Override
        public Map<String, double[]> recentFeatures(FarmStore farm, ModelScope scope, Instant now) {
            return columns(recentShift);
        }

        private Map<String, double[]> columns(double shiftWatts) {
            return Map.of("powerWatts", new Random(7).doubles(400, 3_000, 3_400).map(w -> w + shiftWatts).toArray());
        }
    }
}
