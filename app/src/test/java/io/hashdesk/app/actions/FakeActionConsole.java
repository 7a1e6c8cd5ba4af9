package io.hashdesk.app.actions;

import io.hashdesk.app.actions.ActionProgress.MinerProgress;
import io.hashdesk.app.actions.ActionProgress.Stage;
import io.hashdesk.app.actions.ActionRecord.MeasuredImpact;
import io.hashdesk.core.action.SettingChange;
import io.hashdesk.core.reco.ExpectedImpact;
import io.hashdesk.core.reco.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An action console for screen tests: plans refuse power targets above {@link #LIMIT_WATTS}; each progress read
 * moves every miner one stage on (queued → applying 1/2 → applying 2/2 → watching → kept), so a test sees the whole
 * run in a few reads; a finished action lands in the history with its audit trail.
 */
public final class FakeActionConsole implements ActionConsole {

    public static final int LIMIT_WATTS = 3_300;
    private static final int STEPS = 2;

    private final Instant now;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final List<List<String>> planned = new ArrayList<>();
    private final List<ActionPlan> started = new ArrayList<>();
    private final Map<String, ExpectedImpact> impactByPlan = new LinkedHashMap<>();
    private Optional<MeasuredImpact> measured = Optional.empty();

    private static final class Run {
        final ActionPlan plan;
        final String operator;
        final Optional<ExpectedImpact> predicted;
        final List<MinerProgress> miners = new ArrayList<>();
        ActionRecord.Status status = ActionRecord.Status.RUNNING;

        Run(ActionPlan plan, String operator, Optional<ExpectedImpact> predicted) {
            this.plan = plan;
            this.operator = operator;
            this.predicted = predicted;
            plan.miners().forEach(m -> miners.add(new MinerProgress(m.miner(), m.name(), Stage.QUEUED, 0, STEPS,
                    "")));
        }
    }

    public FakeActionConsole(Instant now) {
        this.now = now;
    }

    /** The outcome the history reports as measured for finished actions. */
    public synchronized void measure(MeasuredImpact impact) {
        measured = Optional.of(impact);
    }

    /** The recommendation ids of each plan asked for. */
    public synchronized List<List<String>> planned() {
        return List.copyOf(planned);
    }

    public synchronized List<ActionPlan> started() {
        return List.copyOf(started);
    }

    @Override
    public synchronized ActionPlan plan(List<Recommendation> recommendations, String operator) {
        planned.add(recommendations.stream().map(Recommendation::id).toList());
        List<ActionPlan.PlannedMiner> miners = new ArrayList<>();
        List<ActionPlan.RefusedMiner> refused = new ArrayList<>();
        for (SettingChange change : recommendations.stream().flatMap(r -> r.changes().stream()).toList()) {
            Integer watts = change.to().powerTargetWatts();
            if (watts != null && watts > LIMIT_WATTS) {
                refused.add(new ActionPlan.RefusedMiner(change.miner(), change.miner().value(), String.format(
                        "%,d W is above the model's %,d W limit", watts, LIMIT_WATTS)));
            } else {
                miners.add(new ActionPlan.PlannedMiner(change.miner(), change.miner().value(), change.from(),
                        change.to()));
            }
        }
        String id = "plan-" + planned.size();
        impactByPlan.put(id, recommendations.getFirst().impact());
        int waves = (miners.size() + 9) / 10;
        return new ActionPlan(id, recommendations.size() == 1 ? recommendations.getFirst().headline()
                : "Apply " + recommendations.size() + " recommendations",
                recommendations.stream().map(Recommendation::id).toList(), miners, refused, Math.max(1, waves), 10,
                STEPS, Duration.ofMinutes(4L * Math.max(1, waves)));
    }

    @Override
    public synchronized String start(ActionPlan plan, String operator) {
        started.add(plan);
        String id = "action-" + (runs.size() + 1);
        runs.put(id, new Run(plan, operator, Optional.ofNullable(impactByPlan.get(plan.planId()))));
        return id;
    }

    @Override
    public synchronized ActionProgress progress(String actionId) {
        Run run = runs.get(actionId);
        for (int i = 0; i < run.miners.size(); i++) {
            run.miners.set(i, next(run.miners.get(i)));
        }
        if (run.status == ActionRecord.Status.RUNNING && run.miners.stream().allMatch(m -> m.stage().finished())) {
            run.status = run.miners.stream().allMatch(m -> m.stage() == Stage.KEPT) ? ActionRecord.Status.APPLIED
                    : ActionRecord.Status.PARTLY_ROLLED_BACK;
        }
        return new ActionProgress(actionId, run.plan.title(), run.miners);
    }

    private static MinerProgress next(MinerProgress m) {
        return switch (m.stage()) {
            case QUEUED -> new MinerProgress(m.miner(), m.name(), Stage.APPLYING, 1, STEPS, "");
            case APPLYING -> m.step() < STEPS
                    ? new MinerProgress(m.miner(), m.name(), Stage.APPLYING, m.step() + 1, STEPS, "")
                    : new MinerProgress(m.miner(), m.name(), Stage.WATCHING, STEPS, STEPS, "settling");
            case WATCHING -> new MinerProgress(m.miner(), m.name(), Stage.KEPT, STEPS, STEPS, "verified");
            case ROLLING_BACK -> new MinerProgress(m.miner(), m.name(), Stage.ROLLED_BACK, m.step(), STEPS,
                    "cancelled");
            default -> m;
        };
    }

    @Override
    public synchronized void cancel(String actionId, String operator) {
        Run run = runs.get(actionId);
        run.miners.replaceAll(m -> m.stage().finished() ? m
                : new MinerProgress(m.miner(), m.name(), Stage.ROLLING_BACK, m.step(), STEPS, "cancelled"));
        run.status = ActionRecord.Status.CANCELLED;
    }

    @Override
    public synchronized List<ActionRecord> history(int limit) {
        List<ActionRecord> records = new ArrayList<>();
        runs.forEach((id, run) -> records.addFirst(new ActionRecord(id, run.plan.title(), run.operator, now,
                run.status == ActionRecord.Status.RUNNING ? null : now, run.status, run.plan.miners().size(),
                run.predicted, run.status == ActionRecord.Status.APPLIED ? measured : Optional.empty(),
                run.status == ActionRecord.Status.APPLIED)));
        return records.stream().limit(limit).toList();
    }

    @Override
    public synchronized List<AuditEntry> audit(String actionId) {
        Run run = runs.get(actionId);
        return run.plan.miners().stream().map(m -> new AuditEntry(now, run.operator, m.name(), "write step 1/2",
                SettingText.summary(m.from()), SettingText.summary(m.to()), "verified")).toList();
    }

    @Override
    public synchronized String rollBack(String actionId, String operator) {
        Run run = runs.get(actionId);
        if (run.status != ActionRecord.Status.APPLIED) {
            throw new IllegalStateException("only an applied action can be rolled back");
        }
        run.status = ActionRecord.Status.ROLLED_BACK;
        ActionPlan back = new ActionPlan("rollback-" + actionId, "Roll back: " + run.plan.title(), List.of(),
                run.plan.miners().stream().map(m -> new ActionPlan.PlannedMiner(m.miner(), m.name(), m.to(),
                        m.from())).toList(), List.of(), 1, 10, STEPS, Duration.ofMinutes(4));
        String id = "action-" + (runs.size() + 1);
        runs.put(id, new Run(back, operator, Optional.empty()));
        return id;
    }
}
