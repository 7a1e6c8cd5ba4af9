package io.hashdesk.app.actions;

import io.hashdesk.core.action.ActionExecutor;
import io.hashdesk.core.action.ActionJournal;
import io.hashdesk.core.action.ActionListener;
import io.hashdesk.core.action.ActionSettings;
import io.hashdesk.core.action.PlannedChange;
import io.hashdesk.core.reco.Recommendation;
import io.hashdesk.core.reco.RecommendationApplier;
import io.hashdesk.core.reco.RecommendationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's {@link ActionConsole} over core: recommendations planned, applied and settled by the
 * {@link RecommendationApplier} (one executor plan per recommendation, with the settings its miners run now, run one
 * after another; each recommendation accepted as it starts and marked applied or dismissed when its action ends),
 * progress and history read from the journal, rollbacks through the executor.
 */
public final class ExecutorActionConsole implements ActionConsole {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorActionConsole.class);

    private final RecommendationApplier applier;
    private final ActionExecutor executor;
    private final ActionSettings settings;
    private final Clock clock;
    private final JournalReading reading;
    /** Plans shown for confirmation, by the id the screen knows them by. */
    private final Map<String, List<io.hashdesk.core.action.ActionPlan>> planned = new ConcurrentHashMap<>();
    private final Map<String, ActionBatch> started = new ConcurrentHashMap<>();

    public ExecutorActionConsole(RecommendationApplier applier, ActionExecutor executor, ActionJournal journal,
                                 RecommendationStore recommendations, ActionSettings settings, Clock clock) {
        this.applier = Objects.requireNonNull(applier, "applier");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reading = new JournalReading(journal, recommendations);
    }

    /**
     * Reads the chosen recommendations' miners for their current settings, so this blocks: call it from a job.
     *
     * @throws IllegalStateException when one is advice only, expired or no longer open
     */
    @Override
    public ActionPlan plan(List<Recommendation> chosen, String operator) {
        List<io.hashdesk.core.action.ActionPlan> plans = new ArrayList<>();
        try {
            for (Recommendation r : chosen) {
                plans.add(applier.plan(r.id(), operator));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("planning cancelled");
        }
        String id = plans.size() == 1 ? plans.getFirst().id() : "batch-" + plans.getFirst().id();
        // the console confirms one plan at a time, so one still waiting when the next is made was cancelled
        planned.clear();
        planned.put(id, List.copyOf(plans));
        return shown(id, plans, chosen.stream().map(Recommendation::id).toList());
    }

    private ActionPlan shown(String id, List<io.hashdesk.core.action.ActionPlan> plans,
                             List<String> recommendationIds) {
        List<PlannedChange> changes = plans.stream().flatMap(p -> p.changes().stream()).toList();
        int waves = plans.stream().mapToInt(p -> p.waves().size()).sum();
        int perWave = plans.stream().flatMap(p -> p.waves().stream()).mapToInt(List::size).max().orElse(0);
        Duration estimated = plans.stream().map(this::estimate).reduce(Duration.ZERO, Duration::plus);
        return new ActionPlan(id, plans.size() == 1 ? plans.getFirst().title()
                : "Apply " + plans.size() + " recommendations", recommendationIds,
                changes.stream().filter(c -> !c.refused()).map(c -> new ActionPlan.PlannedMiner(c.miner(),
                        c.miner().value(), c.from(), c.to())).toList(),
                changes.stream().filter(PlannedChange::refused).map(c -> new ActionPlan.RefusedMiner(c.miner(),
                        c.miner().value(), String.join("; ", c.refusals()))).toList(),
                waves, perWave, JournalReading.mostSteps(changes), estimated);
    }

    /** Each wave: its steps with the settle time between them, then the watch before the change is kept. */
    private Duration estimate(io.hashdesk.core.action.ActionPlan plan) {
        int steps = JournalReading.mostSteps(plan.applicable());
        Duration wave = settings.settleTime().multipliedBy(Math.max(0, steps - 1)).plus(settings.watchWindow());
        return wave.multipliedBy(plan.waves().size());
    }

    @Override
    public String start(ActionPlan plan, String operator) {
        List<io.hashdesk.core.action.ActionPlan> plans = planned.remove(plan.planId());
        if (plans == null) {
            throw new IllegalStateException("This plan was already started or is no longer known; apply it again");
        }
        ActionBatch batch = ActionBatch.of(applier.applyAll(plans, operator, ActionListener.NONE));
        started.put(batch.id(), batch);
        return batch.id();
    }

    @Override
    public ActionProgress progress(String actionId) {
        ActionBatch batch = started.get(actionId);
        return batch != null ? reading.progress(batch) : reading.progress(actionId);
    }

    @Override
    public void cancel(String actionId, String operator) {
        ActionBatch batch = started.get(actionId);
        if (batch == null) {
            throw new IllegalStateException("This action was not started from this window (recovery may be running"
                    + " it); it cannot be cancelled here");
        }
        LOG.info("{} cancels action {}", operator, actionId);
        batch.cancel();
    }

    @Override
    public List<ActionRecord> history(int limit) {
        return reading.history(clock.instant(), limit);
    }

    @Override
    public List<AuditEntry> audit(String actionId) {
        return reading.audit(actionId);
    }

    @Override
    public String rollBack(String actionId, String operator) {
        try {
            io.hashdesk.core.action.ActionPlan plan = executor.planRollBack(actionId, operator);
            ActionBatch batch = ActionBatch.of(plan, executor.start(plan, ActionListener.NONE));
            started.put(batch.id(), batch);
            return batch.id();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("rollback cancelled before it started");
        }
    }

}
