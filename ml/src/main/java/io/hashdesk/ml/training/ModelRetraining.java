package io.hashdesk.ml.training;

import io.hashdesk.core.store.DriftReport;
import io.hashdesk.core.store.FarmStore;
import io.hashdesk.core.store.ModelScope;
import io.hashdesk.core.store.ModelVersion;
import io.hashdesk.ml.TrainingProgress;
import io.hashdesk.ml.registry.ModelRegistry;
import io.hashdesk.ml.registry.ModelSlot;
import io.hashdesk.ml.registry.PromotionDecision;
import io.hashdesk.ml.registry.RetrainingDue;
import io.hashdesk.ml.registry.RetrainingSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled retraining: finds the models that are due (never trained, older than their type's interval, or drifted
 * from their training data), trains each from the store, registers the result and lets the registry decide whether
 * it replaces the champion. The app's job runner and the headless agent call {@link #run} on their own timers; one
 * model failing to train is reported and the others still run.
 */
public final class ModelRetraining {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRetraining.class);

    private final FarmStore store;
    private final ModelRegistry registry;
    private final RetrainingSchedule schedule;
    private final List<ModelTrainer> trainers;
    private final Clock clock;

    public ModelRetraining(FarmStore store, ModelRegistry registry, RetrainingSchedule schedule,
                           List<ModelTrainer> trainers, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.schedule = schedule;
        this.trainers = List.copyOf(trainers);
        this.clock = clock;
    }

    /** The models due now, most urgent first; checks the champions for drift on the way. */
    public List<RetrainingDue> due() {
        Instant now = clock.instant();
        List<ModelSlot> slots = new ArrayList<>();
        for (ModelTrainer trainer : trainers) {
            for (ModelScope scope : trainer.scopes(store, now)) {
                slots.add(new ModelSlot(trainer.type(), scope, registry.lastTrained(trainer.type(), scope),
                        drifted(trainer, scope, now)));
            }
        }
        return schedule.due(slots, now);
    }

    /** Trains every model that is due, in order of urgency. Cancelling stops before the next model. */
    public RetrainingRun run(TrainingProgress progress) {
        List<RetrainingDue> due = due();
        List<RetrainingRun.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            RetrainingDue next = due.get(i);
            progress.report((double) i / due.size(), next.explanation());
            progress.checkCancelled();
            outcomes.add(train(next, share(progress, i, due.size())));
        }
        progress.report(1, due.isEmpty() ? "Every model is up to date" : "Retrained " + due.size() + " model(s)");
        return new RetrainingRun(outcomes);
    }

    private RetrainingRun.Outcome train(RetrainingDue due, TrainingProgress progress) {
        ModelSlot slot = due.slot();
        ModelTrainer trainer = trainerOf(slot);
        try {
            TrainingResult result = trainer.train(store, slot.scope(), clock.instant(), progress);
            if (result.candidate().isEmpty()) {
                LOG.info("Not training {} for {} yet: {}", slot.type(), slot.scope(), result.note());
                return outcome(due, RetrainingRun.Result.NOT_ENOUGH_DATA, result.note());
            }
            TrainingResult.Trained trained = result.candidate().get();
            PromotionDecision decision = registry.registerAndPromote(trained.candidate(), trained.artifact());
            return outcome(due, decision.promoted() ? RetrainingRun.Result.PROMOTED
                    : RetrainingRun.Result.KEPT_CHAMPION, decision.reason());
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Training {} for {} failed; the current champion, if any, stays", slot.type(), slot.scope(), e);
            return outcome(due, RetrainingRun.Result.FAILED, "Training failed: " + e.getMessage());
        }
    }

    private boolean drifted(ModelTrainer trainer, ModelScope scope, Instant now) {
        Optional<ModelVersion> champion = registry.champion(trainer.type(), scope);
        if (champion.isEmpty()) {
            return false;
        }
        try {
            Map<String, double[]> recent = trainer.recentFeatures(store, scope, now);
            if (recent.isEmpty()) {
                return false;
            }
            DriftReport report = registry.checkDrift(champion.get(), recent);
            if (report.retrainingNeeded()) {
                LOG.info("{} has drifted from its training data: {}", champion.get().label(), report.drifted());
            }
            return report.retrainingNeeded();
        } catch (RuntimeException e) {
            LOG.warn("Could not check {} for drift; judging it by age alone", champion.get().label(), e);
            return false;
        }
    }

    private ModelTrainer trainerOf(ModelSlot slot) {
        return trainers.stream().filter(t -> t.type().equals(slot.type())).findFirst().orElseThrow();
    }

    private static RetrainingRun.Outcome outcome(RetrainingDue due, RetrainingRun.Result result, String detail) {
        return new RetrainingRun.Outcome(due.slot().type(), due.slot().scope(), due.reason(), result, detail);
    }

    /** The part of the whole run that one of {@code count} models takes, as a progress of its own. */
    private static TrainingProgress share(TrainingProgress whole, int index, int count) {
        return new TrainingProgress() {
            @Override
            public void report(double fractionDone, String step) {
                whole.report((index + Math.clamp(fractionDone, 0, 1)) / count, step);
            }

            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }
        };
    }
}
